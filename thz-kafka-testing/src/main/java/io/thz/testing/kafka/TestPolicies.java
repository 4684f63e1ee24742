package io.thz.testing.kafka;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.PolicyShape;
import io.thz.core.policy.Tensor;
import io.thz.core.policy.WeightBlob;
import io.thz.core.scenario.Scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Weight blobs of the right shape for a scenario, with small random weights (no learner needed). */
public final class TestPolicies {

    private TestPolicies() {
    }

    /**
     * @param scenario  the deployment's scenario (sizes the features)
     * @param algorithm ge-vdac, ie-vdac or vdac
     * @param version   the policy version to stamp
     */
    public static WeightBlob random(Scenario scenario, String algorithm, long version, long seed) {
        EnvInfo info = new ThzNetworkEnv(scenario).info();
        ActorInput input = switch (algorithm) {
            case "ge-vdac" -> ActorInput.GRAPH_EMBEDDED;
            case "ie-vdac" -> ActorInput.OWN_AND_INBOUND_EDGES;
            case "vdac" -> ActorInput.OWN_EDGES;
            default -> throw new IllegalArgumentException("algorithm " + algorithm);
        };
        PolicyShape shape = info.policyShape(algorithm, input, true, 2, 8, 12, 10, 16);
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shape.tensorShapes().entrySet()) {
            int size = 1;
            for (int d : e.getValue()) {
                size *= d;
            }
            float[] data = new float[size];
            for (int i = 0; i < size; i++) {
                data[i] = (float) (rng.nextDouble(-0.1, 0.1));
            }
            tensors.put(e.getKey(), new Tensor(e.getKey(), e.getValue(), data));
        }
        return new WeightBlob(version, shape, tensors);
    }
}

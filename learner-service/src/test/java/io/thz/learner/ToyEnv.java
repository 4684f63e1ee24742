package io.thz.learner;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.MultiAgentEnv;
import io.thz.core.env.SlotMetrics;
import io.thz.core.env.SlotView;
import io.thz.core.env.StepResult;
import io.thz.core.graph.AgentGraph;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyShape;

import java.util.SplittableRandom;

/**
 * A tiny environment with the THz network's shapes but no physics, for learner tests: random
 * features; the reward is the fraction of each AP's power given to its first user plus the fraction
 * of RIS elements ON at phase level 0, so a working learner raises it quickly.
 */
public final class ToyEnv implements MultiAgentEnv {

    private final EnvInfo info;
    private final AgentGraph graph;
    private final PolicyShape featureShape;
    private SplittableRandom rng = new SplittableRandom(0);
    private GraphObservation current;
    private int slot;

    public ToyEnv(int aps, int rises, int slots) {
        this.graph = AgentGraph.complete(aps, rises);
        this.featureShape = Fixtures.shape(io.thz.core.policy.ActorInput.GRAPH_EMBEDDED, true, aps, rises);
        this.info = new EnvInfo(aps, rises, featureShape.apActions() - 1, featureShape.risElements(),
                featureShape.risChoices(), featureShape.apNodeDim(), featureShape.risNodeDim(),
                featureShape.apApEdgeDim(), featureShape.apRisEdgeDim(), featureShape.risApEdgeDim(),
                13, slots, 2.0);
    }

    @Override
    public EnvInfo info() {
        return info;
    }

    @Override
    public AgentGraph graph() {
        return graph;
    }

    @Override
    public GraphObservation reset(long episode) {
        rng = new SplittableRandom(episode);
        slot = 0;
        current = Fixtures.observation(featureShape, graph, rng);
        return current;
    }

    @Override
    public float[] state() {
        float[] s = new float[info.stateDim()];
        for (int i = 0; i < s.length; i++) {
            s[i] = current.apNodes()[i % info.aps()][i % info.apNodeDim()];
        }
        return s;
    }

    @Override
    public SlotView view() {
        return new SlotView(current, null, java.util.List.of(), null);
    }

    @Override
    public StepResult step(JointAction action) {
        double reward = 0;
        double power = 0;
        for (double[] p : action.powersW()) {
            reward += p[0] / info.pmaxW();
            for (double pk : p) {
                power += pk;
            }
        }
        for (var ris : action.ris()) {
            int good = 0;
            for (int l = 0; l < ris.on().length; l++) {
                good += ris.on()[l] && ris.phase()[l] == 0 ? 1 : 0;
            }
            reward += (double) good / ris.on().length;
        }
        slot++;
        current = Fixtures.observation(featureShape, graph, rng);
        SlotMetrics m = new SlotMetrics(reward, reward, reward, power, 0, 1, 1);
        return new StepResult(current, state(), m, false, slot == info.episodeSlots());
    }

    @Override
    public double[] reliability() {
        return new double[] {1.0};
    }
}

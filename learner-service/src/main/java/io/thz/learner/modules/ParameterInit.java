package io.thz.learner.modules;

import ai.djl.nn.Parameter;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded initialisation independent of the engine's random generator: every linear weight and bias
 * is drawn uniformly from +-1/sqrt(fan_in) (PyTorch's default for linear layers) by a generator
 * derived from the run seed and the parameter's name, so the same seed gives the same network
 * whatever the order of construction. Other parameters (the AP log sigma) keep their constant
 * initialiser.
 */
public final class ParameterInit {

    private ParameterInit() {
    }

    /** Overwrites the named parameters' values in place. */
    public static void reset(Map<String, Parameter> named, long seed) {
        for (Map.Entry<String, Parameter> entry : named.entrySet()) {
            String name = entry.getKey();
            Parameter p = entry.getValue();
            long[] dims = p.getArray().getShape().getShape();
            long fanIn;
            if (name.endsWith(".weight") && dims.length == 2) {
                fanIn = dims[1];
            } else if (name.endsWith(".bias")) {
                Parameter weight = named.get(name.substring(0, name.length() - "bias".length()) + "weight");
                if (weight == null) {
                    throw new IllegalStateException("bias " + name + " has no weight");
                }
                fanIn = weight.getArray().getShape().get(1);
            } else {
                continue;
            }
            double bound = 1.0 / Math.sqrt(fanIn);
            SplittableRandom rng = new SplittableRandom(seed ^ mix(name.hashCode()));
            float[] values = new float[Math.toIntExact(p.getArray().size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            p.getArray().set(values);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}

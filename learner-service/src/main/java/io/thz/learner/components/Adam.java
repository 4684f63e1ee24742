package io.thz.learner.components;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba) on plain float arrays, exactly as torch.optim.Adam without weight decay:
 * m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; theta -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
 * Keeping the moments here, by parameter name, makes them part of a checkpoint.
 */
public final class Adam {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<String, float[]> first = new LinkedHashMap<>();
    private final Map<String, float[]> second = new LinkedHashMap<>();
    private long steps;

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Starts a step: the bias corrections use the new step count. */
    public void beginStep() {
        steps++;
    }

    /** Updates {@code values} in place from {@code gradient}. */
    public void update(String name, float[] values, float[] gradient) {
        float[] m = first.computeIfAbsent(name, k -> new float[values.length]);
        float[] v = second.computeIfAbsent(name, k -> new float[values.length]);
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < values.length; i++) {
            double g = gradient[i];
            m[i] = (float) (beta1 * m[i] + (1 - beta1) * g);
            v[i] = (float) (beta2 * v[i] + (1 - beta2) * g * g);
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            values[i] = (float) (values[i] - learningRate * mHat / (Math.sqrt(vHat) + epsilon));
        }
    }

    public long steps() {
        return steps;
    }

    public Map<String, float[]> firstMoments() {
        return first;
    }

    public Map<String, float[]> secondMoments() {
        return second;
    }

    /** Restores a saved state. */
    public void restore(long steps, Map<String, float[]> firstMoments, Map<String, float[]> secondMoments) {
        this.steps = steps;
        first.clear();
        second.clear();
        firstMoments.forEach((k, v) -> first.put(k, v.clone()));
        secondMoments.forEach((k, v) -> second.put(k, v.clone()));
    }
}

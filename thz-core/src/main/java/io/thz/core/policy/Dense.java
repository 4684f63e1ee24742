package io.thz.core.policy;

/**
 * A fully connected layer {@code y = W x + b} evaluated in plain Java. The weight is kept transposed
 * (in x out) and widened to double, so that the inner loop is a contiguous double axpy the JIT
 * vectorises, and sums are accumulated in double; zero inputs (padding, one-hot codes) are skipped.
 */
final class Dense {

    private final int in;
    private final int out;
    private final double[] weightT;
    private final double[] bias;

    /**
     * @param weight PyTorch layout, out x in
     * @param bias   out
     */
    Dense(Tensor weight, Tensor bias) {
        this.out = weight.dims()[0];
        this.in = weight.dims()[1];
        this.weightT = new double[in * out];
        float[] w = weight.data();
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                weightT[i * out + o] = w[o * in + i];
            }
        }
        this.bias = new double[out];
        for (int o = 0; o < out; o++) {
            this.bias[o] = bias.data()[o];
        }
    }

    int in() {
        return in;
    }

    int out() {
        return out;
    }

    /** W [parts...] + b, the parts read as one concatenated input vector. */
    double[] applyConcat(float[]... parts) {
        double[] acc = new double[out];
        for (int o = 0; o < out; o++) {
            acc[o] = bias[o];
        }
        int offset = 0;
        for (float[] part : parts) {
            addProduct(acc, part, offset);
            offset += part.length;
        }
        if (offset != in) {
            throw new IllegalArgumentException("input of " + offset + " floats, the layer takes " + in);
        }
        return acc;
    }

    /** Adds W[:, offset..offset+x.length) x to acc (no bias). */
    void addProduct(double[] acc, float[] x, int offset) {
        if (offset + x.length > in) {
            throw new IllegalArgumentException("input of " + (offset + x.length) + " floats, the layer takes " + in);
        }
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int base = (offset + i) * out;
            for (int o = 0; o < out; o++) {
                acc[o] += weightT[base + o] * xi;
            }
        }
    }

    /** acc + b without any input (for a caller that adds products part by part). */
    double[] biasOnly() {
        double[] acc = new double[out];
        for (int o = 0; o < out; o++) {
            acc[o] = bias[o];
        }
        return acc;
    }

    static float[] relu(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? (float) x[i] : 0f;
        }
        return y;
    }

    static float[] identity(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }
}

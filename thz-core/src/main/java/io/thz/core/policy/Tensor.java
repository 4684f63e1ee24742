package io.thz.core.policy;

import java.util.Arrays;

/**
 * A named float tensor in row-major order.
 *
 * @param name tensor name, as in {@link PolicyShape#tensorShapes()}
 * @param dims dimensions (a linear weight is out x in)
 * @param data values, {@code product(dims)} floats
 */
public record Tensor(String name, int[] dims, float[] data) {

    public Tensor {
        long size = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': negative dimension in "
                        + Arrays.toString(dims));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "': " + data.length + " values for dims "
                    + Arrays.toString(dims));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(dims, t.dims)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(dims)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(dims) + "]";
    }
}

package io.thz.core.channel;

import org.ejml.data.ZMatrixRMaj;

/**
 * Expands a {@link RankOne} to its full matrix {@code column * row}. The generator and the
 * channel-stream reader both use this one product, so a replayed stream is identical bit for bit.
 */
public final class RankOneProduct {

    private RankOneProduct() {
    }

    /** The L x N_A matrix column * row. */
    public static ZMatrixRMaj expand(RankOne factors) {
        ZMatrixRMaj column = factors.column();
        ZMatrixRMaj row = factors.row();
        int rows = column.getNumElements();
        int cols = row.getNumElements();
        ZMatrixRMaj out = new ZMatrixRMaj(rows, cols);
        double[] c = column.data;
        double[] r = row.data;
        double[] o = out.data;
        for (int l = 0; l < rows; l++) {
            double cr = c[2 * l];
            double ci = c[2 * l + 1];
            int base = 2 * l * cols;
            for (int n = 0; n < cols; n++) {
                double rr = r[2 * n];
                double ri = r[2 * n + 1];
                o[base + 2 * n] = cr * rr - ci * ri;
                o[base + 2 * n + 1] = cr * ri + ci * rr;
            }
        }
        return out;
    }
}

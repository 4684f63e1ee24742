package io.thz.core.slot;

import org.ejml.data.ZMatrixRMaj;

/** A dense complex matrix of {@link Complex} objects: the reference implementation's linear algebra. */
public final class CMatrix {

    final Complex[][] a;
    final int rows;
    final int cols;

    public CMatrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.a = new Complex[rows][cols];
        for (Complex[] row : a) {
            java.util.Arrays.fill(row, Complex.ZERO);
        }
    }

    public static CMatrix of(ZMatrixRMaj m) {
        CMatrix out = new CMatrix(m.numRows, m.numCols);
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                out.a[r][c] = new Complex(m.getReal(r, c), m.getImag(r, c));
            }
        }
        return out;
    }

    public static CMatrix diagonal(Complex[] d) {
        CMatrix out = new CMatrix(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            out.a[i][i] = d[i];
        }
        return out;
    }

    public Complex get(int r, int c) {
        return a[r][c];
    }

    public void set(int r, int c, Complex v) {
        a[r][c] = v;
    }

    public CMatrix plus(CMatrix o) {
        CMatrix out = new CMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.a[r][c] = a[r][c].plus(o.a[r][c]);
            }
        }
        return out;
    }

    public CMatrix times(CMatrix o) {
        if (cols != o.rows) {
            throw new IllegalArgumentException(rows + "x" + cols + " times " + o.rows + "x" + o.cols);
        }
        CMatrix out = new CMatrix(rows, o.cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < o.cols; c++) {
                Complex sum = Complex.ZERO;
                for (int i = 0; i < cols; i++) {
                    sum = sum.plus(a[r][i].times(o.a[i][c]));
                }
                out.a[r][c] = sum;
            }
        }
        return out;
    }

    /** A^H. */
    public CMatrix hermitian() {
        CMatrix out = new CMatrix(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.a[c][r] = a[r][c].conj();
            }
        }
        return out;
    }

    /** A^{-1} by Gauss-Jordan elimination with partial pivoting. */
    public CMatrix inverse() {
        int n = rows;
        Complex[][] m = new Complex[n][2 * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = a[r][c];
                m[r][n + c] = r == c ? Complex.ONE : Complex.ZERO;
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (m[r][col].abs() > m[pivot][col].abs()) {
                    pivot = r;
                }
            }
            Complex[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            Complex p = m[col][col];
            for (int c = 0; c < 2 * n; c++) {
                m[col][c] = m[col][c].dividedBy(p);
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    Complex factor = m[r][col];
                    for (int c = 0; c < 2 * n; c++) {
                        m[r][c] = m[r][c].minus(factor.times(m[col][c]));
                    }
                }
            }
        }
        CMatrix out = new CMatrix(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                out.a[r][c] = m[r][n + c];
            }
        }
        return out;
    }

    /** Column c as an n x 1 matrix. */
    public CMatrix column(int c) {
        CMatrix out = new CMatrix(rows, 1);
        for (int r = 0; r < rows; r++) {
            out.a[r][0] = a[r][c];
        }
        return out;
    }

    /** Frobenius (for a vector: Euclidean) norm. */
    public double norm() {
        double sum = 0.0;
        for (Complex[] row : a) {
            for (Complex z : row) {
                sum += z.abs2();
            }
        }
        return Math.sqrt(sum);
    }
}

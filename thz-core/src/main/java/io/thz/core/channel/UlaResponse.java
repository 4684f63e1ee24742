package io.thz.core.channel;

import org.ejml.data.ZMatrixRMaj;

/**
 * Array response of a half-wavelength uniform linear array of n elements:
 * {@code alpha_n(phi) = n^{-1/2} [1, e^{j pi sin(phi)}, ..., e^{j pi (n-1) sin(phi)}]^T}.
 *
 * <h2>Angle convention</h2>
 * Every array here is a horizontal ULA: an AP's along the room's x axis, a RIS's along its wall
 * (x for the long walls y = 0 and y = width, y for the short walls). {@code phi} is the angle
 * between the path and the array's broadside (the plane normal to the array axis), signed so
 * that {@code sin(phi) = a . u}, where {@code a} is the unit vector of the array axis (pointing
 * from element 0 to element n-1) and {@code u} the unit vector from the array toward the other
 * end of the path: toward the receiver (or the wall reflection point) for a departure, toward
 * the transmitter for an arrival. In 3-D, {@code sin(phi)} is that dot product, which includes
 * the elevation. Transmit responses enter channels conjugated ({@code alpha^H}, a row), receive
 * responses plain ({@code alpha}, a column), as in the paper's (5) and G_ij: the usual
 * {@code a_r a_t^H} convention of the MIMO literature.
 *
 * <p>Phasors are computed with {@link StrictMath} at every {@value #ANCHOR_EVERY}-th element and
 * by complex multiplication by the per-element step in between, so the values are the same bit
 * for bit on every JVM. They agree with the closed form evaluated in double precision to within
 * the rounding of the phase argument {@code pi i sin(phi)} itself, about {@code 1e-16 pi n}
 * relative (3e-14 for n = 64).
 */
public final class UlaResponse {

    /** Elements between phasors computed directly; the recurrence in between adds ~16 roundings at most. */
    static final int ANCHOR_EVERY = 16;

    private UlaResponse() {
    }

    /** alpha_n(phi) as an n x 1 column. */
    public static ZMatrixRMaj column(int n, double sinPhi) {
        ZMatrixRMaj m = new ZMatrixRMaj(n, 1);
        addScaled(m.data, 0, n, sinPhi, 1.0, 0.0, false);
        return m;
    }

    /** alpha_n(phi)^H as a 1 x n row. */
    public static ZMatrixRMaj conjugateRow(int n, double sinPhi) {
        ZMatrixRMaj m = new ZMatrixRMaj(1, n);
        addScaled(m.data, 0, n, sinPhi, 1.0, 0.0, true);
        return m;
    }

    /**
     * Adds {@code (re + j im) alpha_n(phi)} (or its conjugate transpose's entries when
     * {@code conjugate}) to {@code n} interleaved complex entries of {@code dst} starting at
     * array index {@code offset}.
     *
     * @param dst       interleaved re, im values (EJML layout)
     * @param offset    index in dst of the real part of entry 0
     * @param n         number of elements
     * @param sinPhi    sin of the path angle (see the class Javadoc), dimensionless
     * @param re        real part of the complex amplitude
     * @param im        imaginary part of the complex amplitude
     * @param conjugate true for the entries of alpha^H: n^{-1/2} e^{-j pi i sin(phi)}
     */
    public static void addScaled(double[] dst, int offset, int n, double sinPhi, double re, double im,
                                 boolean conjugate) {
        double norm = 1.0 / Math.sqrt(n);
        double ar = re * norm;
        double ai = im * norm;
        double sign = conjugate ? -1.0 : 1.0;
        double stepAngle = sign * Math.PI * sinPhi;
        double stepRe = StrictMath.cos(stepAngle);
        double stepIm = StrictMath.sin(stepAngle);
        double zr = 1;
        double zi = 0;
        for (int i = 0; i < n; i++) {
            if (i % ANCHOR_EVERY == 0 && i > 0) {
                double angle = stepAngle * i;
                zr = StrictMath.cos(angle);
                zi = StrictMath.sin(angle);
            }
            int p = offset + 2 * i;
            dst[p] += ar * zr - ai * zi;
            dst[p + 1] += ar * zi + ai * zr;
            double nr = zr * stepRe - zi * stepIm;
            zi = zr * stepIm + zi * stepRe;
            zr = nr;
        }
    }
}

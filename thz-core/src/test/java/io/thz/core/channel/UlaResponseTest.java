package io.thz.core.channel;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UlaResponseTest {

    @Test
    void responseHasUnitNorm() {
        for (int n : new int[] {1, 4, 20, 64, 256}) {
            for (double s = -1; s <= 1; s += 0.125) {
                assertThat(normSquared(UlaResponse.column(n, s))).isCloseTo(1.0, within(1e-13));
            }
        }
    }

    @Test
    void responsesAtSinesTwoOverNApartAreOrthogonal() {
        for (int n : new int[] {4, 20, 64}) {
            for (double s = -1; s + 2.0 / n <= 1; s += 0.1) {
                double[] inner = inner(UlaResponse.column(n, s), UlaResponse.column(n, s + 2.0 / n));
                assertThat(Math.hypot(inner[0], inner[1])).as("n=%d s=%f", n, s).isLessThan(1e-12);
            }
        }
        // and not orthogonal halfway: |sum e^{j pi i / n}| / n for n = 64 is about 0.637 (2/pi)
        double[] half = inner(UlaResponse.column(64, 0), UlaResponse.column(64, 1.0 / 64));
        assertThat(Math.hypot(half[0], half[1])).isCloseTo(2 / Math.PI, within(0.01));
    }

    @Test
    void entriesMatchTheClosedFormAndTheRowIsTheConjugate() {
        int n = 64;
        double s = Math.sin(0.7);
        ZMatrixRMaj column = UlaResponse.column(n, s);
        ZMatrixRMaj row = UlaResponse.conjugateRow(n, s);
        assertThat(row.numRows).isEqualTo(1);
        assertThat(row.numCols).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            double re = Math.cos(Math.PI * i * s) / Math.sqrt(n);
            double im = Math.sin(Math.PI * i * s) / Math.sqrt(n);
            // entries are 1/8 in modulus; the phase argument pi i s (up to ~200 rad) is itself only
            // known to ~3e-14 in double precision, hence 1e-14 absolute
            assertThat(column.data[2 * i]).isCloseTo(re, within(1e-14));
            assertThat(column.data[2 * i + 1]).isCloseTo(im, within(1e-14));
            assertThat(row.data[2 * i]).isEqualTo(column.data[2 * i]);
            assertThat(row.data[2 * i + 1]).isEqualTo(-column.data[2 * i + 1]);
        }
    }

    @Test
    void scaledAddAccumulatesAComplexAmplitude() {
        double[] dst = new double[8];
        UlaResponse.addScaled(dst, 0, 4, 0.0, 2.0, 0.0, true);
        UlaResponse.addScaled(dst, 0, 4, 0.0, 0.0, 1.0, true);
        // broadside: every entry (2 + j) / 2
        for (int i = 0; i < 4; i++) {
            assertThat(dst[2 * i]).isCloseTo(1.0, within(1e-15));
            assertThat(dst[2 * i + 1]).isCloseTo(0.5, within(1e-15));
        }
    }

    static double normSquared(ZMatrixRMaj m) {
        double sum = 0;
        for (int i = 0; i < m.getNumElements() * 2; i++) {
            sum += m.data[i] * m.data[i];
        }
        return sum;
    }

    /** a^H b for two columns. */
    static double[] inner(ZMatrixRMaj a, ZMatrixRMaj b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double ar = a.data[2 * i];
            double ai = -a.data[2 * i + 1];
            double br = b.data[2 * i];
            double bi = b.data[2 * i + 1];
            re += ar * br - ai * bi;
            im += ar * bi + ai * br;
        }
        return new double[] {re, im};
    }
}

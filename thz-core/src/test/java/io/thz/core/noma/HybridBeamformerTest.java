package io.thz.core.noma;

import io.thz.core.model.UserType;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HybridBeamformerTest {

    @Test
    void analogLevelIsTheQuantisedPhaseOfTheConjugate() {
        // h = 1: conj phase 0 -> level 0
        assertThat(HybridBeamformer.analogLevel(1, 0, 3)).isZero();
        // h = j, 2 bits (levels at 0, pi/2, pi, 3pi/2): conj phase -pi/2 = 3pi/2 -> level 3
        assertThat(HybridBeamformer.analogLevel(0, 1, 2)).isEqualTo(3);
        // h = -1: conj phase pi -> level 2 of 4
        assertThat(HybridBeamformer.analogLevel(-1, 0, 2)).isEqualTo(2);
        // h = e^{-0.5j}, 3 bits (step pi/4 ≈ 0.785): conj phase 0.5 is 0.285 from level 1, 0.5 from 0
        assertThat(HybridBeamformer.analogLevel(Math.cos(0.5), -Math.sin(0.5), 3)).isEqualTo(1);
        // h = e^{0.3j}: conj phase -0.3 is nearest level 0 (0.3 < 0.485 to level 7)
        assertThat(HybridBeamformer.analogLevel(Math.cos(0.3), Math.sin(0.3), 3)).isZero();
        // h = 1 - j, 2 bits: conj phase pi/4 exactly half-way between levels 0 and 1 -> counter-clockwise, 1
        assertThat(HybridBeamformer.analogLevel(1, -1, 2)).isEqualTo(1);
        // h = -1 + 0j with the sign of zero flipped: still level 2 (phase pi and -pi are one point)
        assertThat(HybridBeamformer.analogLevel(-1, -0.0, 2)).isEqualTo(2);
        assertThat(HybridBeamformer.analogLevel(-1, 0.0, 2)).isEqualTo(2);
    }

    @Test
    void theFastLevelIsExactlyTheAtan2Level() {
        Random random = new Random(13);
        int[] bitsToTry = {1, 2, 3, 4, 5, 6, 8, 16};
        for (int bits : bitsToTry) {
            int levels = 1 << bits;
            for (int i = 0; i < 200_000; i++) {
                double re = random.nextGaussian();
                double im = random.nextGaussian();
                assertThat(HybridBeamformer.analogLevel(re, im, bits)).as("h = %s + %sj, %d bits", re, im, bits)
                        .isEqualTo(HybridBeamformer.analogLevelExact(re, im, bits));
            }
            // at and around every decision boundary (phase of conj(h) = (w + 1/2) 2 pi / 2^bits) and
            // every level, from far (0.1 rad) to within rounding (1e-15 rad)
            double[] offsets = {0, 1e-15, -1e-15, 1e-9, -1e-9, 1e-4, -1e-4, 2e-3, -2e-3, 4.9e-3, -4.9e-3,
                    5.1e-3, -5.1e-3, 1e-2, -1e-2, 0.1, -0.1};
            for (int w = 0; w < Math.min(levels, 256); w++) {
                for (double half : new double[] {0.0, 0.5}) {
                    for (double offset : offsets) {
                        double phase = (w + half) * 2 * Math.PI / levels + offset;
                        for (double magnitude : new double[] {1e-7, 1.0, 3e5}) {
                            double re = magnitude * Math.cos(phase);
                            double im = -magnitude * Math.sin(phase); // conj(h) has this phase
                            assertThat(HybridBeamformer.analogLevel(re, im, bits))
                                    .as("phase %s, %d bits", phase, bits)
                                    .isEqualTo(HybridBeamformer.analogLevelExact(re, im, bits));
                        }
                    }
                }
            }
            // axes, signed zeros and the zero channel
            double[] parts = {0.0, -0.0, 1.0, -1.0, 2.5e-4, -2.5e-4};
            for (double re : parts) {
                for (double im : parts) {
                    assertThat(HybridBeamformer.analogLevel(re, im, bits)).as("h = %s + %sj", re, im)
                            .isEqualTo(HybridBeamformer.analogLevelExact(re, im, bits));
                }
            }
        }
    }

    @Test
    void analogPrecoderCoPhasesEachHeadOnItsSubarrayWithinHalfAStep() {
        int antennas = 16;
        int chains = 4;
        int bits = 3;
        ServedUsers users = new ServedUsers();
        users.reset(antennas);
        Random random = new Random(5);
        for (int u = 0; u < chains; u++) {
            users.add(u, UserType.SE);
            for (int c = 0; c < antennas; c++) {
                users.re(u)[c] = random.nextGaussian();
                users.im(u)[c] = random.nextGaussian();
            }
        }
        int[] head = {0, 1, 2, 3};
        int[][] levels = new int[chains][antennas / chains];
        double[] vRe = new double[antennas];
        double[] vIm = new double[antennas];
        HybridBeamformer.analog(users, head, chains, bits, levels, vRe, vIm);
        double halfStep = Math.PI / (1 << bits);
        for (int n = 0; n < chains; n++) {
            for (int i = 0; i < antennas / chains; i++) {
                int c = n * 4 + i;
                // |v| = N_sub^{-1/2} = 1/2, and h_head(c) v(c) has phase within half a step of 0
                assertThat(Math.hypot(vRe[c], vIm[c])).isCloseTo(0.5, within(1e-15));
                double re = users.re(n)[c] * vRe[c] - users.im(n)[c] * vIm[c];
                double im = users.re(n)[c] * vIm[c] + users.im(n)[c] * vRe[c];
                assertThat(Math.abs(Math.atan2(im, re))).isLessThanOrEqualTo(halfStep + 1e-12);
                assertThat(levels[n][i]).isBetween(0, 7);
            }
        }
    }

    @Test
    void zeroForcingByHand() {
        // C = diag(2, j): C^-1 = diag(0.5, -j); columns normalised (unit-norm V columns): diag(1, -j)
        ZMatrixRMaj c = new ZMatrixRMaj(2, 2, true, 2, 0, 0, 0, 0, 0, 0, 1);
        ZMatrixRMaj w = new ZMatrixRMaj(2, 2);
        double[] v = unitAnalog(4, 2);
        boolean pinv = new HybridBeamformer().digital(c, v, new double[4], 4, w);
        assertThat(pinv).isFalse();
        assertThat(w.data).containsExactly(new double[] {1, 0, 0, 0, 0, 0, 0, -1}, within(1e-15));
    }

    @Test
    void zeroForcingMakesTheClusterCentresTimesWDiagonal() {
        Random random = new Random(9);
        HybridBeamformer beamformer = new HybridBeamformer();
        for (int trial = 0; trial < 50; trial++) {
            int n = trial % 2 == 0 ? 4 : 2;
            ZMatrixRMaj c = new ZMatrixRMaj(n, n);
            for (int i = 0; i < c.getDataLength(); i++) {
                c.data[i] = 1e-4 * random.nextGaussian();
            }
            ZMatrixRMaj w = new ZMatrixRMaj(n, n);
            double[] vRe = unitAnalog(8 * n, n);
            assertThat(beamformer.digital(c, vRe, new double[8 * n], 8 * n, w)).isFalse();
            ZMatrixRMaj cw = new ZMatrixRMaj(n, n);
            CommonOps_ZDRM.mult(c, w, cw);
            double diagonalMin = Double.POSITIVE_INFINITY;
            double offDiagonalMax = 0;
            for (int r = 0; r < n; r++) {
                for (int col = 0; col < n; col++) {
                    double magnitude = Math.hypot(cw.getReal(r, col), cw.getImag(r, col));
                    if (r == col) {
                        diagonalMin = Math.min(diagonalMin, magnitude);
                        // C W = diag(1/‖ŵ_n‖): real and positive
                        assertThat(cw.getImag(r, col)).isCloseTo(0, within(1e-9 * magnitude));
                    } else {
                        offDiagonalMax = Math.max(offDiagonalMax, magnitude);
                    }
                }
                double columnNorm2 = 0;
                for (int row = 0; row < n; row++) {
                    columnNorm2 += w.getReal(row, r) * w.getReal(row, r) + w.getImag(row, r) * w.getImag(row, r);
                }
                assertThat(columnNorm2).as("‖V w_n‖² with unit-norm V columns").isCloseTo(1, within(1e-12));
            }
            assertThat(offDiagonalMax).isLessThanOrEqualTo(1e-10 * diagonalMin);
        }
    }

    @Test
    void conditionNumberByHand() {
        // A = [[1, j], [0, 1]]: A^H A = [[1, j], [-j, 2]], eigenvalues (3 ± sqrt 5)/2 with product 1,
        // so cond = sqrt(λmax / λmin) = λmax = (3 + sqrt 5)/2
        ZMatrixRMaj a = new ZMatrixRMaj(2, 2, true, 1, 0, 0, 1, 0, 0, 1, 0);
        assertThat(new HybridBeamformer().conditionNumber(a)).isCloseTo((3 + Math.sqrt(5)) / 2, within(1e-12));
    }

    @Test
    void singularCentresFallBackToThePseudoInverse() {
        // C = [[1, 2], [1, 2]] = u v^T, u = [1, 1], v = [1, 2]:
        // pinv = v u^T / (‖u‖² ‖v‖²) = [[1, 1], [2, 2]] / 10
        ZMatrixRMaj c = new ZMatrixRMaj(2, 2, true, 1, 0, 2, 0, 1, 0, 2, 0);
        ZMatrixRMaj w = new ZMatrixRMaj(2, 2);
        HybridBeamformer beamformer = new HybridBeamformer();
        assertThat(beamformer.zeroForcing(c, w)).isTrue();
        assertThat(w.data).containsExactly(new double[] {0.1, 0, 0.1, 0, 0.2, 0, 0.2, 0}, within(1e-14));
        // (14): each column [0.1, 0.2] / sqrt(0.05) = [1, 2] / sqrt 5
        HybridBeamformer.normaliseColumns(w, unitAnalog(4, 2), new double[4], 4);
        double a = 1 / Math.sqrt(5);
        assertThat(w.data).containsExactly(new double[] {a, 0, a, 0, 2 * a, 0, 2 * a, 0}, within(1e-14));
    }

    @Test
    void theSingularityThresholdIsAConditionNumberOf1e12() {
        HybridBeamformer beamformer = new HybridBeamformer();
        ZMatrixRMaj w = new ZMatrixRMaj(2, 2);
        // cond 1e11: a regular inverse diag(1, 1e11)
        assertThat(beamformer.zeroForcing(new ZMatrixRMaj(2, 2, true, 1, 0, 0, 0, 0, 0, 1e-11, 0), w)).isFalse();
        assertThat(w.getReal(1, 1)).isCloseTo(1e11, within(1e-3));
        // cond 1e13: the pseudo-inverse drops σ = 1e-13 < σ_max / 1e12 -> diag(1, 0)
        assertThat(beamformer.zeroForcing(new ZMatrixRMaj(2, 2, true, 1, 0, 0, 0, 0, 0, 1e-13, 0), w)).isTrue();
        assertThat(w.data).containsExactly(new double[] {1, 0, 0, 0, 0, 0, 0, 0}, within(1e-15));
        // a zero column stays zero through (14)
        HybridBeamformer.normaliseColumns(w, unitAnalog(4, 2), new double[4], 4);
        assertThat(w.data).containsExactly(new double[] {1, 0, 0, 0, 0, 0, 0, 0}, within(1e-15));
        // cond 6e11 in 4 x 4, where the cheap Frobenius bound (≈ 1.04e12) exceeds the limit but
        // the exact 2-norm condition number does not: still the regular inverse
        ZMatrixRMaj four = new ZMatrixRMaj(4, 4);
        four.set(0, 0, 1, 0);
        four.set(1, 1, 1, 0);
        four.set(2, 2, 1, 0);
        four.set(3, 3, 1 / 6e11, 0);
        ZMatrixRMaj w4 = new ZMatrixRMaj(4, 4);
        assertThat(beamformer.zeroForcing(four, w4)).isFalse();
        assertThat(w4.getReal(3, 3)).isCloseTo(6e11, within(1e-2));
    }

    /** V with each chain's entries real and equal, N_sub^{-1/2}: unit-norm columns. */
    static double[] unitAnalog(int antennas, int chains) {
        double[] v = new double[antennas];
        java.util.Arrays.fill(v, 1 / Math.sqrt(antennas / chains));
        return v;
    }
}

package io.thz.core.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PathLossTest {

    private final PathLoss pathLoss = new PathLoss(0.3e12, 0.0033);

    @Test
    void matchesTheHandCalculationAtOneAndTenMetres() {
        // 4 pi f d / c at d = 1 m: 4 pi x 3e11 / 299792458 = 12575.070
        // FSPL = 20 log10(12575.070) = 81.99021 dB
        // absorption = 10 log10(e) k d = 4.342945 x 0.0033 x 1 = 0.014332 dB
        // Lpath(1 m) = -(81.99021 + 0.01433) = -82.00454 dB
        assertThat(pathLoss.db(1.0)).isCloseTo(-82.00454, within(1e-4));
        // d = 10 m: FSPL 20 dB more = 101.99021 dB, absorption 0.143317 dB: -102.13353 dB
        assertThat(pathLoss.db(10.0)).isCloseTo(-102.13353, within(1e-4));
    }

    @Test
    void linearAndDbFormsAgree() {
        for (double d : new double[] {0.5, 1, 2.7, 10, 50}) {
            assertThat(10 * Math.log10(pathLoss.linear(d))).isCloseTo(pathLoss.db(d), within(1e-9));
        }
        // (c / (4 pi f))^2 e^{-k} at 1 m = 6.302981e-9
        assertThat(pathLoss.linear(1.0)).isCloseTo(6.302981e-9, within(1e-14));
    }

    @Test
    void lossGrowsWithDistanceAndAbsorptionAddsLinearlyInDb() {
        double previous = Double.POSITIVE_INFINITY;
        for (double d = 0.5; d < 20; d += 0.5) {
            double db = pathLoss.db(d);
            assertThat(db).isLessThan(previous);
            previous = db;
        }
        PathLoss dry = new PathLoss(0.3e12, 0.0);
        // absorption at 20 m: 10 log10(e) x 0.0033 x 20 = 0.286634 dB
        assertThat(dry.db(20) - pathLoss.db(20)).isCloseTo(0.286634, within(1e-5));
        assertThat(pathLoss.wavelengthM()).isCloseTo(9.9930819e-4, within(1e-11));
    }
}

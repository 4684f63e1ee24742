package io.thz.core.channel;

import io.thz.core.random.RandomStream;
import io.thz.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HumanBlockageTest {

    private final HumanBlockage blockage = new HumanBlockage(0.3, 0.2, 1.7, 1.0);

    @Test
    void losProbabilityMatchesTheHandValue() {
        // AP at 3 m: 2 x 0.3 x 0.2 x (1.7 - 1) / (3 - 1) = 0.042 per m; d2D = 4 m: exp(-0.168) = 0.8453538
        assertThat(blockage.losProbability(4, 3.0)).isCloseTo(0.8453538, within(1e-7));
        // RIS at 2 m: 0.084 per m; exp(-0.336) = 0.7146231
        assertThat(blockage.losProbability(4, 2.0)).isCloseTo(0.7146231, within(1e-7));
        assertThat(blockage.losProbability(0, 3.0)).isEqualTo(1.0);
    }

    @Test
    void losProbabilityFallsWithDistanceAndLowerTransmitters() {
        double previous = 1.0;
        for (double d = 0.5; d < 10; d += 0.5) {
            double p = blockage.losProbability(d, 3.0);
            assertThat(p).isLessThan(previous);
            assertThat(blockage.losProbability(d, 2.0)).isLessThan(p);
            previous = p;
        }
        HumanBlockage shortBlockers = new HumanBlockage(0.3, 0.2, 0.9, 1.0);
        assertThat(shortBlockers.losProbability(8, 3.0)).isEqualTo(1.0);
    }

    @Test
    void losFrequencyMatchesTheProbabilityWithinFiveSigma() {
        RandomStream random = RandomStreams.of(3).child("blockage-test").stream();
        for (double d : new double[] {1, 4, 8}) {
            double p = blockage.losProbability(d, 2.0);
            int n = 100_000;
            int los = 0;
            for (int i = 0; i < n; i++) {
                if (HumanBlockage.drawLos(p, random)) {
                    los++;
                }
            }
            double sigma = Math.sqrt(p * (1 - p) / n); // binomial standard deviation of the frequency
            assertThat((double) los / n).as("d2D=%f", d).isCloseTo(p, within(5 * sigma));
        }
    }
}

package io.thz.core.traffic;

import io.thz.core.random.RandomStream;
import io.thz.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PoissonArrivalsTest {

    @Test
    void meanAndVarianceMatchWithinFiveSigma() {
        for (double mean : new double[] {0.2, 10, 150}) {
            RandomStream random = RandomStreams.of(1).child("poisson").child((long) (mean * 10)).stream();
            int n = 100_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                int a = PoissonArrivals.sample(mean, random);
                sum += a;
                sumSq += (double) a * a;
            }
            double m = sum / n;
            double var = sumSq / n - m * m;
            // sd of the sample mean: sqrt(mean / n); of the sample variance: ~ sqrt((mean + 2 mean^2) / n)
            assertThat(m).as("mean %f", mean).isCloseTo(mean, within(5 * Math.sqrt(mean / n)));
            assertThat(var).as("variance %f", mean).isCloseTo(mean, within(5 * Math.sqrt((mean + 2 * mean * mean) / n)));
        }
    }

    @Test
    void zeroFrequencyOfTheIotMeanIsExpMinusPointTwo() {
        RandomStream random = RandomStreams.of(2).stream();
        int n = 100_000;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (PoissonArrivals.sample(0.2, random) == 0) {
                zeros++;
            }
        }
        double p0 = Math.exp(-0.2); // 0.8187308
        assertThat((double) zeros / n).isCloseTo(p0, within(5 * Math.sqrt(p0 * (1 - p0) / n)));
    }

    @Test
    void eachDrawConsumesExactlyOneUniform() {
        for (double mean : new double[] {0, 0.2, 10, 300}) {
            RandomStream a = RandomStreams.of(4).stream();
            RandomStream b = RandomStreams.of(4).stream();
            PoissonArrivals.sample(mean, a);
            b.nextDouble();
            assertThat(a.nextLong()).as("mean %f", mean).isEqualTo(b.nextLong());
        }
    }

    @Test
    void zeroMeanGivesZeroAndBadMeansAreRefused() {
        RandomStream random = RandomStreams.of(5).stream();
        for (int i = 0; i < 100; i++) {
            assertThat(PoissonArrivals.sample(0, random)).isZero();
        }
        assertThatThrownBy(() -> PoissonArrivals.sample(-1, random)).hasMessageContaining("mean=-1.0");
        assertThatThrownBy(() -> PoissonArrivals.sample(Double.NaN, random)).hasMessageContaining("mean=NaN");
    }
}

package io.thz.core.random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomStreamsTest {

    @Test
    void splitMix64MatchesTheReferenceImplementation() {
        // Vigna's splitmix64.c with x = 0: the first output is 0xE220A8397B1DCDAF.
        assertThat(new RandomStream(0).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    }

    @Test
    void sameNodeGivesTheSameStreamAndSiblingsDiffer() {
        RandomStreams root = RandomStreams.of(42);
        RandomStream a = root.child("blockage").child(3).stream();
        RandomStream b = RandomStreams.of(42).child("blockage").child(3).stream();
        RandomStream sibling = root.child("blockage").child(4).stream();
        RandomStream otherName = root.child("traffic").child(3).stream();
        RandomStream otherSeed = RandomStreams.of(43).child("blockage").child(3).stream();
        for (int i = 0; i < 100; i++) {
            long va = a.nextLong();
            assertThat(b.nextLong()).isEqualTo(va);
            assertThat(sibling.nextLong()).isNotEqualTo(va);
            assertThat(otherName.nextLong()).isNotEqualTo(va);
            assertThat(otherSeed.nextLong()).isNotEqualTo(va);
        }
    }

    @Test
    void uniformDoublesHaveMeanOneHalfWithinFiveSigma() {
        RandomStream s = RandomStreams.of(7).child("test").stream();
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = s.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            sum += u;
        }
        double sigma = Math.sqrt(1.0 / 12 / n);
        assertThat(sum / n).isCloseTo(0.5, within(5 * sigma));
    }

    @Test
    void boundedIntsCoverTheRangeEvenly() {
        RandomStream s = RandomStreams.of(9).stream();
        int n = 60_000;
        int[] counts = new int[6];
        for (int i = 0; i < n; i++) {
            counts[s.nextInt(6)]++;
        }
        double p = 1.0 / 6;
        double sigma = Math.sqrt(n * p * (1 - p));
        for (int c : counts) {
            assertThat((double) c).isCloseTo(n * p, within(5 * sigma));
        }
    }
}

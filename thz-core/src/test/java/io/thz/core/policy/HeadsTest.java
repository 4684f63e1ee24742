package io.thz.core.policy;

import io.thz.core.model.RisAction;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeadsTest {

    @Test
    void powersAreSoftmaxOfPmaxWithAnUnusedSlot() {
        // logits (ln 1, ln 2, ln 1): softmax (1/4, 1/2, 1/4); the last entry is unused power
        double[] p = PowerHead.powers(new float[] {0f, (float) Math.log(2), 0f}, 5.0);
        assertThat(p).hasSize(2);
        assertThat(p[0]).isCloseTo(1.25, within(1e-6));
        assertThat(p[1]).isCloseTo(2.5, within(1e-6));
    }

    @Test
    void gaussianLogProbByHand() {
        // one logit, mean 1, sigma e^0 = 1, x = 2: -1/2 - ln sqrt(2 pi) = -1.4189385
        assertThat(PowerHead.logProb(new float[] {2f}, new float[] {1f}, new float[] {0f}))
                .isCloseTo(-1.4189385332, within(1e-6));
        // sigma = e^-1, x - mean = 0.5: z = 0.5 e = 1.3591, -z^2/2 + 1 - 0.9189385
        double z = 0.5 * Math.E;
        assertThat(PowerHead.logProb(new float[] {1.5f}, new float[] {1f}, new float[] {-1f}))
                .isCloseTo(-0.5 * z * z + 1 - 0.9189385332, within(1e-6));
    }

    @Test
    void risChoicesMapToOffAndPhaseLevels() {
        RisAction a = RisHead.toAction(new int[] {0, 1, 2});
        assertThat(a.on()).containsExactly(false, true, true);
        assertThat(a.phase()).containsExactly(0, 0, 1);
        assertThat(RisHead.toChoice(a)).containsExactly(0, 1, 2);
        // greedy per element, elements of 3 choices
        assertThat(RisHead.greedy(new float[] {0, 5, 1, 9, 0, 0}, 2, 3)).containsExactly(1, 0);
        // log-prob: uniform logits over 3 choices, two elements: 2 ln(1/3)
        assertThat(RisHead.logProb(new float[6], new int[] {2, 0}, 3)).isCloseTo(2 * Math.log(1.0 / 3), within(1e-12));
    }

    @Test
    void risSamplingFollowsTheSoftmax() {
        // logits (0, ln 3): P(choice 1) = 3/4
        float[] logits = {0f, (float) Math.log(3)};
        SplittableRandom rng = new SplittableRandom(3);
        int ones = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            ones += RisHead.sample(logits, 1, 2, rng)[0];
        }
        // binomial sd = sqrt(n p q) = 61; 5 sd
        assertThat((double) ones).isCloseTo(0.75 * n, within(5 * Math.sqrt(n * 0.75 * 0.25)));
    }
}

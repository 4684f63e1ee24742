package io.thz.core.queue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LyapunovQueuesTest {

    private static final double TOL = 1e-12;

    /** User 0: SE (q_max 25, eps 0.1, R_min 2 Gbit/s); user 1: IoT (q_max 10, eps 0.1, R_min 0.1). B = 10 GHz. */
    private static LyapunovQueues queues() {
        return new LyapunovQueues(new QueueParameters(new double[] {25, 10}, new double[] {0.1, 0.1},
                new double[] {2, 0.1}, 1e10));
    }

    @Test
    void handWorkedThreeSlotSequence() {
        LyapunovQueues q = queues();
        RewardFunction reward = new RewardFunction(new RewardWeights(1, 1, 1e-3));

        // slot 1: q = Y = 0, Lambda = 0. Rates 0.3 and 0 bit/s/Hz: BR = 3 and 0 Gbit/s. A = 10, 12.
        //   SE:  q(2) = 10 + max(0 - 3, 0) = 10;   Y(2) = max(0 + 10 - 2.5, 0) = 7.5
        //   IoT: q(2) = 12 + 0 = 12 (>= 10: unreliable); Y(2) = 12 - 1 = 11
        //   delta = max(2 - 3, 0) + max(0.1 - 0, 0) = 0.1; sum Lambda BR = 0
        QueueStep s1 = q.step(new double[] {10, 12}, new double[] {0.3, 0.0});
        assertThat(s1.throughputGbps()).containsExactly(new double[] {3, 0}, within(TOL));
        assertThat(s1.lyapunovWeightsGbit()).containsExactly(0, 0);
        assertThat(s1.queuesGbit()).containsExactly(new double[] {10, 12}, within(TOL));
        assertThat(s1.virtualQueuesGbit()).containsExactly(new double[] {7.5, 11}, within(TOL));
        assertThat(s1.rateViolationGbps()).isCloseTo(0.1, within(TOL));
        assertThat(s1.lyapunovTerm()).isZero();
        assertThat(s1.reliable()).containsExactly(true, false);

        // slot 2: Lambda = Y + 2q = 7.5 + 20 = 27.5 and 11 + 24 = 35. Rates 0.15, 0.5: BR = 1.5, 5. A = 12, 0.
        //   SE:  q(3) = 12 + (10 - 1.5) = 20.5;   Y(3) = 7.5 + 20.5 - 2.5 = 25.5
        //   IoT: q(3) = 0 + (12 - 5) = 7;         Y(3) = 11 + 7 - 1 = 17
        //   delta = 0.5 + 0 = 0.5; sum Lambda BR = 27.5 x 1.5 + 35 x 5 = 41.25 + 175 = 216.25
        //   reward with eta = 2 Gbit/J: 2 - 0.5 + 1e-3 x 216.25 = 1.71625
        QueueStep s2 = q.step(new double[] {12, 0}, new double[] {0.15, 0.5});
        assertThat(s2.lyapunovWeightsGbit()).containsExactly(new double[] {27.5, 35}, within(TOL));
        assertThat(s2.queuesGbit()).containsExactly(new double[] {20.5, 7}, within(TOL));
        assertThat(s2.virtualQueuesGbit()).containsExactly(new double[] {25.5, 17}, within(TOL));
        assertThat(s2.rateViolationGbps()).isCloseTo(0.5, within(TOL));
        assertThat(s2.lyapunovTerm()).isCloseTo(216.25, within(1e-10));
        Reward r2 = reward.evaluate(2.0, s2);
        assertThat(r2.total()).isCloseTo(1.71625, within(1e-12));
        assertThat(r2.energyEfficiencyGbitPerJoule()).isEqualTo(2.0);

        // slot 3: Lambda = 25.5 + 41 = 66.5 and 17 + 14 = 31. Rates 2.5, 0.02: BR = 25, 0.2. A = 0, 3.
        //   SE:  q(4) = 0 + max(20.5 - 25, 0) = 0;  Y(4) = 25.5 + 0 - 2.5 = 23
        //   IoT: q(4) = 3 + (7 - 0.2) = 9.8 (< 10); Y(4) = 17 + 9.8 - 1 = 25.8
        //   delta = 0; sum Lambda BR = 66.5 x 25 + 31 x 0.2 = 1662.5 + 6.2 = 1668.7
        QueueStep s3 = q.step(new double[] {0, 3}, new double[] {2.5, 0.02});
        assertThat(s3.lyapunovWeightsGbit()).containsExactly(new double[] {66.5, 31}, within(TOL));
        assertThat(s3.queuesGbit()).containsExactly(new double[] {0, 9.8}, within(TOL));
        assertThat(s3.virtualQueuesGbit()).containsExactly(new double[] {23, 25.8}, within(TOL));
        assertThat(s3.rateViolationGbps()).isCloseTo(0, within(TOL));
        assertThat(s3.lyapunovTerm()).isCloseTo(1668.7, within(1e-9));
        assertThat(s3.reliable()).containsExactly(true, true);

        // reliability (24): SE 3 of 3 slots below q_max; IoT 2 of 3
        assertThat(q.slots()).isEqualTo(3);
        assertThat(q.reliability()).containsExactly(new double[] {1.0, 2.0 / 3}, within(TOL));
        assertThat(q.lyapunovWeightsGbit()).containsExactly(new double[] {23, 25.8 + 19.6}, within(TOL));
    }

    @Test
    void virtualQueueNeverGoesNegativeAndResetEmptiesEverything() {
        LyapunovQueues q = queues();
        q.step(new double[] {1, 0}, new double[] {5, 5});
        // SE: q = 1, Y = max(0 + 1 - 2.5, 0) = 0
        assertThat(q.virtualQueuesGbit()).containsExactly(0, 0);
        q.reset();
        assertThat(q.queuesGbit()).containsExactly(0, 0);
        assertThat(q.slots()).isZero();
        assertThat(q.reliability()[0]).isNaN();
    }

    @Test
    void rewardTermsWeighSeparately() {
        QueueStep step = new QueueStep(new double[] {1}, new double[] {4}, 0.25, 4.0, new double[] {0},
                new double[] {0}, new boolean[] {true});
        assertThat(new RewardFunction(new RewardWeights(2, 0, 0)).evaluate(3, step).total()).isEqualTo(6);
        assertThat(new RewardFunction(new RewardWeights(0, 4, 0)).evaluate(3, step).total()).isEqualTo(-1);
        assertThat(new RewardFunction(new RewardWeights(0, 0, 0.5)).evaluate(3, step).total()).isEqualTo(2);
    }

    @Test
    void badInputsNameTheEntry() {
        LyapunovQueues q = queues();
        assertThatThrownBy(() -> q.step(new double[] {1}, new double[] {1, 1}))
                .hasMessageContaining("arrivalsGbit has 1 entries");
        assertThatThrownBy(() -> q.step(new double[] {1, 1}, new double[] {1, Double.NaN}))
                .hasMessageContaining("ratesBpsHz[1]=NaN");
        assertThatThrownBy(() -> q.step(new double[] {-1, 1}, new double[] {1, 1}))
                .hasMessageContaining("arrivalsGbit[0]=-1.0");
    }
}

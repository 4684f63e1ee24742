package io.thz.core.noma;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The SIC cascade of section 6 worked by hand. Positions: 0 = head (k = 1), 1 = k = 2 (the
 * stronger member), 2 = k = 3 (the weakest, decoded first). Throughout: g = [4, 2, 1],
 * p = [1, 2, 4] W, N0 = 1 W, members' interference I_2 = I_3 = 0.
 */
class NomaDecoderTest {

    static final double[] GAIN = {4, 2, 1};
    static final double[] POWER = {1, 2, 4};
    static final double NOISE = 1;

    /*
     * (17) for the members, independent of the head's interference:
     *   γ_3 = g_3 p_3 / (g_3 (p_1 + p_2) + I_3 + N0) = 1*4 / (1*3 + 0 + 1) = 1
     *   γ_2 = g_2 p_2 / (g_2 p_1 + I_2 + N0)         = 2*2 / (2*1 + 0 + 1) = 4/3
     */
    static final double GAMMA_3 = 1.0;
    static final double GAMMA_2 = 4.0 / 3.0;

    @Test
    void noSicFailureWhenTheHeadHearsTheMembersWell() {
        // I_1 = 0.
        // (9) k = 3: γ_1→3 = g_1 p_3 / (g_1 (p_1 + p_2) + I_1 + N0) = 16 / (12 + 1) = 16/13 ≈ 1.23 >= γ_3 = 1
        //     -> fail_3 = 0
        // (9) k = 2: γ_1→2 = g_1 p_2 / (g_1 (p_1 + fail_3 p_3) + I_1 + N0) = 8 / (4 + 1) = 1.6 >= 4/3
        //     -> fail_2 = 0
        // (16): γ_1 = g_1 p_1 / (g_1 * 0 + I_1 + N0) = 4 / 1 = 4
        double[] sinr = new double[3];
        boolean[] fail = new boolean[3];
        NomaDecoder.decode(3, GAIN, POWER, new double[] {0, 0, 0}, NOISE, sinr, fail);
        assertThat(sinr).containsExactly(new double[] {4.0, GAMMA_2, GAMMA_3}, within(1e-12));
        assertThat(fail).containsExactly(false, false, false);
    }

    @Test
    void theStrongerMemberFailsAndKeepsDisturbingTheHead() {
        // I_1 = 2.
        // k = 3: γ_1→3 = 16 / (12 + 2 + 1) = 16/15 ≈ 1.067 >= 1 -> fail_3 = 0
        // k = 2: γ_1→2 = 8 / (4 * (1 + 0) + 2 + 1) = 8/7 ≈ 1.143 < 4/3 -> fail_2 = 1
        // (16): γ_1 = 4 / (4 * fail_2 p_2 + 2 + 1) = 4 / (8 + 3) = 4/11
        double[] sinr = new double[3];
        boolean[] fail = new boolean[3];
        NomaDecoder.decode(3, GAIN, POWER, new double[] {2, 0, 0}, NOISE, sinr, fail);
        assertThat(sinr).containsExactly(new double[] {4.0 / 11.0, GAMMA_2, GAMMA_3}, within(1e-12));
        assertThat(fail).containsExactly(false, true, false);
    }

    @Test
    void aFailedWeakMemberCascadesIntoTheNextDecoding() {
        // I_1 = 10.
        // k = 3: γ_1→3 = 16 / (12 + 10 + 1) = 16/23 ≈ 0.696 < 1 -> fail_3 = 1
        // k = 2: γ_1→2 = 8 / (4 * (p_1 + fail_3 p_3) + 11) = 8 / (4 * 5 + 11) = 8/31 < 4/3 -> fail_2 = 1
        // (16): γ_1 = 4 / (4 * (2 + 4) + 11) = 4/35
        double[] sinr = new double[3];
        boolean[] fail = new boolean[3];
        NomaDecoder.decode(3, GAIN, POWER, new double[] {10, 0, 0}, NOISE, sinr, fail);
        assertThat(sinr).containsExactly(new double[] {4.0 / 35.0, GAMMA_2, GAMMA_3}, within(1e-12));
        assertThat(fail).containsExactly(false, true, true);
    }

    @Test
    void afterSicTheStrongUserOutratesTheWeakOneInACleanTwoUserCluster() {
        // g = [10, 1], p = [1, 4] W, no interference, N0 = 1 W.
        // γ_2 = 1*4 / (1*1 + 1) = 2, R_2 = log2(3) ≈ 1.585
        // γ_1→2 = 10*4 / (10*1 + 1) = 40/11 >= 2 -> SIC succeeds; γ_1 = 10*1 / 1 = 10, R_1 = log2(11) ≈ 3.459
        double[] sinr = new double[2];
        boolean[] fail = new boolean[2];
        NomaDecoder.decode(2, new double[] {10, 1}, new double[] {1, 4}, new double[] {0, 0}, 1.0, sinr, fail);
        assertThat(fail).containsExactly(false, false);
        assertThat(sinr).containsExactly(new double[] {10, 2}, within(1e-12));
        double strong = ShannonRate.bpsHz(sinr[0]);
        double weak = ShannonRate.bpsHz(sinr[1]);
        assertThat(strong).isCloseTo(Math.log(11) / Math.log(2), within(1e-12));
        assertThat(weak).isCloseTo(Math.log(3) / Math.log(2), within(1e-12));
        assertThat(strong).isGreaterThanOrEqualTo(weak);
    }

    @Test
    void membersAreOrderedByDecreasingGainWithTiesToTheLowerInputIndex() {
        // member ids 0..4; id 0 is the head and stays first
        double[] gain = {9, 1, 3, 3, 5};
        int[] input = {4, 0, 7, 2, 9}; // ids 2 and 3 tie on gain; id 3 has the lower input index
        int[] order = {0, 1, 2, 3, 4};
        NomaDecoder.decodingOrder(order, 5, gain, input);
        assertThat(order).containsExactly(0, 4, 3, 2, 1);
    }

    @Test
    void shannonRateIsLog2OfOnePlusSinr() {
        assertThat(ShannonRate.bpsHz(3.0)).isCloseTo(2.0, within(1e-15));
        assertThat(ShannonRate.bpsHz(0.0)).isZero();
        assertThat(ShannonRate.gbps(2.0, 1e10)).isCloseTo(20.0, within(1e-12));
    }
}

package io.thz.core.noma;

/**
 * NOMA decoding inside one cluster (spec section 6): the decoding order, the SIC failure
 * indicator (8), the SE head's view of each IoT signal (9), and the SINRs (16)-(17).
 *
 * <p>Within a cluster the head is member 1 and the other members are 2..K_n by decreasing gain
 * {@code g_k = |h_k V w_n|²}; decoding runs K_n, K_n - 1, ..., 2, then the head. Arrays below are
 * indexed by position in that order (0 = the head). Powers in watts, gains dimensionless,
 * interference and noise in watts.
 */
public final class NomaDecoder {

    private NomaDecoder() {
    }

    /**
     * Sorts the non-head members {@code order[1..size-1]} by decreasing gain, ties to the lower
     * input index. {@code gain[x]} and {@code inputIndex[x]} are indexed by member id x, the
     * value stored in {@code order}.
     */
    public static void decodingOrder(int[] order, int size, double[] gain, int[] inputIndex) {
        for (int a = 2; a < size; a++) { // insertion sort: clusters are small
            int member = order[a];
            int b = a - 1;
            while (b >= 1 && decodedAfter(member, order[b], gain, inputIndex)) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = member;
        }
    }

    private static boolean decodedAfter(int x, int y, double[] gain, int[] inputIndex) {
        return gain[x] > gain[y] || (gain[x] == gain[y] && inputIndex[x] < inputIndex[y]);
    }

    /**
     * Decodes one cluster ordered as {@link #decodingOrder} leaves it.
     *
     * @param size         K_n, members including the head
     * @param gain         g_k by position (0 = head)
     * @param power        p_k in watts by position
     * @param interference I_k in watts by position: inter-cluster interference
     * @param noiseW       N0 = σ² B in watts
     * @param sinr         output: γ_1 for the head (16), γ_k for the others (17)
     * @param fail         output: fail_k (8) for k >= 2; false for the head
     */
    public static void decode(int size, double[] gain, double[] power, double[] interference,
                              double noiseW, double[] sinr, boolean[] fail) {
        // (17): member k is disturbed by the members decoded after it, 1..k-1
        double stronger = 0.0;
        for (int k = 0; k < size; k++) {
            if (k > 0) {
                sinr[k] = ratio(gain[k] * power[k], gain[k] * stronger + interference[k] + noiseW);
            }
            stronger += power[k];
        }
        // (9) and (8): the head decodes K_n down to 2; a failed member keeps disturbing it
        double g1 = gain[0];
        double i1 = interference[0] + noiseW;
        double failedWeaker = 0.0;   // Σ_{k' > k} fail_k' p_k'
        fail[0] = false;
        for (int k = size - 1; k >= 1; k--) {
            double before = 0.0;     // Σ_{k' = 1}^{k-1} p_k', summed afresh: no cancellation
            for (int b = 0; b < k; b++) {
                before += power[b];
            }
            double headView = ratio(g1 * power[k], g1 * (before + failedWeaker) + i1);
            fail[k] = headView < sinr[k];
            if (fail[k]) {
                failedWeaker += power[k];
            }
        }
        // (16): after the loop failedWeaker = Σ_{k > 1} fail_k p_k
        sinr[0] = ratio(g1 * power[0], g1 * failedWeaker + i1);
    }

    /** Inter-cluster interference term {@code |h^{m'm}_k V_m' w^{m'}_{n'}|² P^{m'}_{n'}}, in watts. */
    public static double interferenceTerm(double effectiveRe, double effectiveIm, double clusterPowerW) {
        return (effectiveRe * effectiveRe + effectiveIm * effectiveIm) * clusterPowerW;
    }

    /** signal / (interference + noise), 0 when there is no signal at all. */
    private static double ratio(double signal, double disturbance) {
        return signal == 0.0 ? 0.0 : signal / disturbance;
    }
}

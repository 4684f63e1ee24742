package io.thz.core.queue;

/**
 * Traffic queues, virtual queues and episode reliability of all users (spec section 8):
 * <ul>
 * <li>{@code q_k(t+1) = A_k(t) + max(q_k(t) - B R_k(t), 0)} (22);</li>
 * <li>{@code Y_k(t+1) = max(Y_k(t) + q_k(t+1) - q_max,k epsilon_k, 0)} (30);</li>
 * <li>{@code Lambda_k(t) = Y_k(t) + 2 q_k(t)}, the weight of user k's throughput in the reward
 *     (35), taken at the start of the slot, before the update;</li>
 * <li>reliability (24) of user k over an episode: the fraction of the episode's slots whose
 *     update left {@code q_k(t+1) < q_max,k}.</li>
 * </ul>
 * Units: queues in Gbit; a slot serves B R_k Gbit (the paper's unit-slot normalisation).
 * Y(1) = q(1) = 0 after construction and after {@link #reset()} (episode start).
 *
 * <p>Mutable, not thread-safe.
 */
public final class LyapunovQueues {

    private final QueueParameters parameters;
    private final double[] queues;
    private final double[] virtualQueues;
    private final int[] reliableSlots;
    private int slots;

    public LyapunovQueues(QueueParameters parameters) {
        this.parameters = parameters;
        int k = parameters.users();
        this.queues = new double[k];
        this.virtualQueues = new double[k];
        this.reliableSlots = new int[k];
    }

    /** Empties all queues and the reliability counts: Y(1) = q(1) = 0. */
    public void reset() {
        java.util.Arrays.fill(queues, 0);
        java.util.Arrays.fill(virtualQueues, 0);
        java.util.Arrays.fill(reliableSlots, 0);
        slots = 0;
    }

    /** q_k(t), in Gbit (a copy). */
    public double[] queuesGbit() {
        return queues.clone();
    }

    /** Y_k(t), in Gbit (a copy). */
    public double[] virtualQueuesGbit() {
        return virtualQueues.clone();
    }

    /** Lambda_k(t) = Y_k(t) + 2 q_k(t), in Gbit. */
    public double[] lyapunovWeightsGbit() {
        double[] lambda = new double[queues.length];
        for (int k = 0; k < lambda.length; k++) {
            lambda[k] = virtualQueues[k] + 2 * queues[k];
        }
        return lambda;
    }

    /**
     * Serves one slot and adds its arrivals.
     *
     * @param arrivalsGbit A_k(t), in Gbit
     * @param ratesBpsHz   R_k(t), the scorer's per-user rates, in bit/s/Hz
     */
    public QueueStep step(double[] arrivalsGbit, double[] ratesBpsHz) {
        int k = queues.length;
        if (arrivalsGbit.length != k || ratesBpsHz.length != k) {
            throw new IllegalArgumentException("arrivalsGbit has " + arrivalsGbit.length + " entries and ratesBpsHz "
                    + ratesBpsHz.length + "; both need one per user (" + k + ")");
        }
        double[] throughput = new double[k];
        double[] lambda = lyapunovWeightsGbit();
        boolean[] reliable = new boolean[k];
        double violation = 0;
        double lyapunovTerm = 0;
        for (int u = 0; u < k; u++) {
            if (!(ratesBpsHz[u] >= 0) || Double.isInfinite(ratesBpsHz[u])) {
                throw new IllegalArgumentException("ratesBpsHz[" + u + "]=" + ratesBpsHz[u] + " must be finite and >= 0");
            }
            if (!(arrivalsGbit[u] >= 0) || Double.isInfinite(arrivalsGbit[u])) {
                throw new IllegalArgumentException("arrivalsGbit[" + u + "]=" + arrivalsGbit[u] + " must be finite and >= 0");
            }
            throughput[u] = parameters.throughputGbps(ratesBpsHz[u]);
            violation += Math.max(parameters.minRateGbps()[u] - throughput[u], 0);
            lyapunovTerm += lambda[u] * throughput[u];
            queues[u] = arrivalsGbit[u] + Math.max(queues[u] - throughput[u], 0); // (22)
            virtualQueues[u] = Math.max(virtualQueues[u] + queues[u]
                    - parameters.queueMaxGbit()[u] * parameters.outageLimit()[u], 0); // (30)
            reliable[u] = queues[u] < parameters.queueMaxGbit()[u];
            if (reliable[u]) {
                reliableSlots[u]++;
            }
        }
        slots++;
        return new QueueStep(throughput, lambda, violation, lyapunovTerm, queues.clone(), virtualQueues.clone(),
                reliable);
    }

    /** Slots stepped since the last reset. */
    public int slots() {
        return slots;
    }

    /**
     * Reliability (24) of each user since the last reset: the fraction of slots that left
     * {@code q_k < q_max,k}; NaN before the first slot.
     */
    public double[] reliability() {
        double[] r = new double[reliableSlots.length];
        for (int u = 0; u < r.length; u++) {
            r[u] = slots == 0 ? Double.NaN : (double) reliableSlots[u] / slots;
        }
        return r;
    }
}

package io.thz.core.queue;

/**
 * The global reward of a slot, equation (35) (spec section 8):
 * {@code r = zeta eta - rho delta + nu sum_k Lambda_k B R_k}, the energy efficiency rewarded,
 * the minimum-rate violation penalised and the throughput weighted by the Lyapunov queue
 * weights (the drift-plus-penalty bound of (31)-(34)).
 */
public final class RewardFunction {

    private final RewardWeights weights;

    public RewardFunction(RewardWeights weights) {
        this.weights = weights;
    }

    /**
     * @param energyEfficiencyGbitPerJoule eta from the slot scorer, in Gbit/J
     * @param step                         what the slot did to the queues (same rates)
     */
    public Reward evaluate(double energyEfficiencyGbitPerJoule, QueueStep step) {
        double total = weights.zeta() * energyEfficiencyGbitPerJoule
                - weights.rho() * step.rateViolationGbps()
                + weights.nu() * step.lyapunovTerm(); // (35)
        return new Reward(total, energyEfficiencyGbitPerJoule, step.rateViolationGbps(), step.lyapunovTerm());
    }
}

package io.thz.core.queue;

/**
 * Weights of the reward (35).
 *
 * @param zeta weight of the energy efficiency, per Gbit/J
 * @param rho  weight of the rate violation, per Gbit/s
 * @param nu   weight of the Lyapunov term, per Gbit x Gbit/s
 */
public record RewardWeights(double zeta, double rho, double nu) {
}

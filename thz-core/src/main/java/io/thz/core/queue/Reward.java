package io.thz.core.queue;

/**
 * The reward of one slot, equation (35), with its three terms.
 *
 * @param total                   r = zeta eta - rho delta + nu sum_k Lambda_k B R_k
 * @param energyEfficiencyGbitPerJoule eta, in Gbit/J
 * @param rateViolationGbps       delta, in Gbit/s
 * @param lyapunovTerm            sum_k Lambda_k B R_k, in Gbit x Gbit/s
 */
public record Reward(double total, double energyEfficiencyGbitPerJoule, double rateViolationGbps,
                     double lyapunovTerm) {
}

package io.thz.core.scenario;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * Weights of the reward (35): {@code r = zeta eta - rho delta + nu sum_k Lambda_k B R_k}.
 *
 * @param zeta weight of the energy efficiency eta (Gbit/J)
 * @param rho  weight of the rate violation delta (Gbit/s); the paper's second xi
 * @param nu   weight of the Lyapunov term (Gbit x Gbit/s)
 */
public record RewardSettings(
        @PositiveOrZero(message = "must be >= 0") double zeta,
        @PositiveOrZero(message = "must be >= 0") double rho,
        @PositiveOrZero(message = "must be >= 0") double nu) {
}

package io.thz.core.scenario;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Traffic and QoS of one user type (spec sections 1 and 8).
 *
 * @param arrivalMeanGbit Poisson arrival mean per slot, in Gbit (arrivals are whole Gbit)
 * @param queueMaxGbit    q_max, the queue threshold of the reliability constraint (24), in Gbit
 * @param outageLimit     epsilon, the allowed probability of q &ge; q_max
 * @param minRateGbps     R_min, the minimum rate, in Gbit/s
 */
public record TypeTraffic(
        @PositiveOrZero(message = "must be >= 0")
        @DecimalMax(value = "700", message = "must be <= 700 (Poisson sampling by inversion)") double arrivalMeanGbit,
        @Positive(message = "must be > 0") double queueMaxGbit,
        @Positive(message = "must be in (0, 1]") @DecimalMax(value = "1", message = "must be in (0, 1]") double outageLimit,
        @PositiveOrZero(message = "must be >= 0") double minRateGbps) {
}

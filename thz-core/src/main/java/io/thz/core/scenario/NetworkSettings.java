package io.thz.core.scenario;

import io.thz.core.model.Clustering;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.Range;

/**
 * Sizes of the network (spec section 1). Defaults: {@code scenarios/default.yaml}.
 *
 * @param aps              M, access points
 * @param rises            J, reconfigurable intelligent surfaces
 * @param antennas         N_A, antennas per AP
 * @param rfChains         N_R, RF chains per AP (= NOMA clusters per AP = K_S)
 * @param apPhaseBits      B_A, bits of the AP analog phase shifters
 * @param risElements      L, elements per RIS
 * @param risBits          B_R, RIS phase bits
 * @param seUsersPerAp     K_S, SE users per AP
 * @param iotUsersPerAp    K_U, IoT users per AP
 * @param clustering       QoS-based or CSI-based clustering
 * @param neighbourRadiusM agent-graph neighbour radius in metres; null when every agent
 *                         neighbours every other
 */
public record NetworkSettings(
        @Range(min = 1, max = 64, message = "must be in {min}..{max}") int aps,
        @Range(min = 0, max = 64, message = "must be in {min}..{max}") int rises,
        @Range(min = 1, max = 4096, message = "must be in {min}..{max}") int antennas,
        @Range(min = 1, max = 256, message = "must be in {min}..{max}") int rfChains,
        @Range(min = 1, max = 16, message = "must be in {min}..{max}") int apPhaseBits,
        @Range(min = 1, max = 4096, message = "must be in {min}..{max}") int risElements,
        @Range(min = 1, max = 4, message = "must be in {min}..{max}") int risBits,
        @Min(value = 1, message = "must be >= {value}") @Max(value = 256, message = "must be <= {value}") int seUsersPerAp,
        @Min(value = 0, message = "must be >= {value}") @Max(value = 256, message = "must be <= {value}") int iotUsersPerAp,
        @NotNull(message = "must be QOS or CSI") Clustering clustering,
        @Positive(message = "must be > 0 (or null: everyone neighbours everyone)") Double neighbourRadiusM) {

    /** K_m = K_S + K_U, users per AP. */
    public int usersPerAp() {
        return seUsersPerAp + iotUsersPerAp;
    }

    /** K = M (K_S + K_U), all users. */
    public int users() {
        return aps * usersPerAp();
    }
}

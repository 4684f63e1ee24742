package io.thz.core.scenario;

import io.thz.core.model.UserType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Traffic per user type.
 *
 * @param se  SE users
 * @param iot IoT users
 */
public record TrafficSettings(@NotNull(message = "is missing") @Valid TypeTraffic se,
                              @NotNull(message = "is missing") @Valid TypeTraffic iot) {

    /** The settings of one user type. */
    public TypeTraffic of(UserType type) {
        return type == UserType.SE ? se : iot;
    }
}

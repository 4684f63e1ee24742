package io.thz.core.scenario;

import io.thz.core.geometry.Vec3;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;

/**
 * Positions, heights, blockers and mobility (spec sections 1 and 2). Lengths in metres.
 *
 * @param room                the room
 * @param userHeightM         h_U, height of every user
 * @param risHeightM          height of the RIS centres (default placement)
 * @param blockerHeightM      h_B, height of a human blocker
 * @param blockerRadiusM      r_B, radius of a human blocker
 * @param blockerDensityPerM2 lambda_B, blockers per square metre
 * @param slotTimeS           duration of one slot, in seconds
 * @param userSpeedMps        user speed, in m/s (one random-walk step is speed x slot time)
 * @param apPositions         explicit AP positions, or null for the spec's ceiling placement
 * @param risPositions        explicit RIS centres (each on one side wall), or null for the spec's
 *                            placement (defined for J = 0, 1, 2, 4)
 */
public record GeometrySettings(
        @NotNull(message = "is missing") @Valid RoomSettings room,
        @Positive(message = "must be > 0") double userHeightM,
        @Positive(message = "must be > 0") double risHeightM,
        @PositiveOrZero(message = "must be >= 0") double blockerHeightM,
        @PositiveOrZero(message = "must be >= 0") double blockerRadiusM,
        @PositiveOrZero(message = "must be >= 0") double blockerDensityPerM2,
        @Positive(message = "must be > 0") double slotTimeS,
        @PositiveOrZero(message = "must be >= 0") double userSpeedMps,
        List<@NotNull(message = "must be a position {x, y, z}") Vec3> apPositions,
        List<@NotNull(message = "must be a position {x, y, z}") Vec3> risPositions) {

    public GeometrySettings {
        apPositions = apPositions == null ? null : List.copyOf(apPositions);
        risPositions = risPositions == null ? null : List.copyOf(risPositions);
    }
}

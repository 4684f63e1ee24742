package io.thz.core.scenario;

import io.thz.core.geometry.Room;
import jakarta.validation.constraints.Positive;

/**
 * The room's size, in metres.
 *
 * @param lengthM along x
 * @param widthM  along y
 * @param heightM ceiling height
 */
public record RoomSettings(
        @Positive(message = "must be > 0") double lengthM,
        @Positive(message = "must be > 0") double widthM,
        @Positive(message = "must be > 0") double heightM) {

    public Room toRoom() {
        return new Room(lengthM, widthM, heightM);
    }
}

package io.thz.core.geometry;

import java.util.List;

/**
 * The fixed infrastructure of a scenario: the room, the AP positions and the RIS mounts.
 * Every AP array is a ULA along x ({@link Vec3#UNIT_X}).
 *
 * @param room the room
 * @param aps  AP array centres, index m = 0..M-1, in metres
 * @param rises RIS mounts, index j = 0..J-1
 */
public record Deployment(Room room, List<Vec3> aps, List<RisMount> rises) {

    public Deployment {
        aps = List.copyOf(aps);
        rises = List.copyOf(rises);
    }

    /** Unit vector of every AP array axis. */
    public Vec3 apAxis() {
        return Vec3.UNIT_X;
    }

    /**
     * The AP zone of the user drop (spec section 2): the room split along x into M equal zones,
     * zone m belonging to AP m, as {@code [start, end]} in metres.
     */
    public double[] zone(int ap) {
        double width = room.lengthM() / aps.size();
        return new double[] {ap * width, (ap + 1) * width};
    }
}

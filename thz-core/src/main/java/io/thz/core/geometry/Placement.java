package io.thz.core.geometry;

import java.util.ArrayList;
import java.util.List;

/** The spec's default placement of APs and RISs (spec section 2). */
public final class Placement {

    private Placement() {
    }

    /** AP m on the ceiling at x = (m + 1/2) length / M, y = width / 2, z = height. */
    public static List<Vec3> aps(Room room, int count) {
        List<Vec3> aps = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            aps.add(new Vec3((m + 0.5) * room.lengthM() / count, room.widthM() / 2, room.heightM()));
        }
        return aps;
    }

    /** True when {@link #rises} knows a default placement for this many RISs. */
    public static boolean hasDefaultRisPlacement(int count) {
        return count == 0 || count == 1 || count == 2 || count == 4;
    }

    /**
     * The default RIS mounts at height {@code heightM}: J = 1, the middle of the long wall y = 0;
     * J = 2, the middles of both long walls (y = 0 first); J = 4, both long walls at x = length/3
     * and 2 length/3 (y = 0 first, then y = width, x increasing).
     */
    public static List<RisMount> rises(Room room, int count, double heightM) {
        List<Wall> walls = room.sideWalls();
        Wall front = walls.get(0);
        Wall back = walls.get(1);
        double l = room.lengthM();
        double w = room.widthM();
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(new RisMount(new Vec3(l / 2, 0, heightM), front));
            case 2 -> List.of(new RisMount(new Vec3(l / 2, 0, heightM), front),
                    new RisMount(new Vec3(l / 2, w, heightM), back));
            case 4 -> List.of(new RisMount(new Vec3(l / 3, 0, heightM), front),
                    new RisMount(new Vec3(2 * l / 3, 0, heightM), front),
                    new RisMount(new Vec3(l / 3, w, heightM), back),
                    new RisMount(new Vec3(2 * l / 3, w, heightM), back));
            default -> throw new IllegalArgumentException(
                    "no default placement for " + count + " RISs (0, 1, 2 or 4); give explicit positions");
        };
    }

    /**
     * The mount of a RIS at an explicit position: the one side wall it lies on (within
     * {@link Room#TOLERANCE_M}).
     *
     * @throws IllegalArgumentException when the point is on no side wall or on two (a corner)
     */
    public static RisMount risAt(Room room, Vec3 centre) {
        Wall found = null;
        for (Wall wall : room.sideWalls()) {
            if (wall.distanceTo(centre) <= Room.TOLERANCE_M) {
                if (found != null) {
                    throw new IllegalArgumentException("is in the corner of walls " + found.name() + " and "
                            + wall.name() + "; a RIS must be on exactly one side wall");
                }
                found = wall;
            }
        }
        if (found == null) {
            List<String> names = room.sideWalls().stream().map(Wall::name).toList();
            throw new IllegalArgumentException("is on no side wall (" + String.join(", ", names) + ")");
        }
        return new RisMount(centre, found);
    }
}

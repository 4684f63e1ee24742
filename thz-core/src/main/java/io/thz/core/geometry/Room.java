package io.thz.core.geometry;

import java.util.List;

/**
 * The rectangular indoor room: floor [0, length] x [0, width], ceiling at height.
 *
 * @param lengthM along x, in metres
 * @param widthM  along y, in metres
 * @param heightM ceiling height, in metres
 */
public record Room(double lengthM, double widthM, double heightM) {

    /** Tolerance for "on a wall" and "inside the room" tests, in metres. */
    public static final double TOLERANCE_M = 1e-9;

    /**
     * The four side walls in a fixed order: y = 0, y = width (the long walls), x = 0, x = length.
     * The order breaks ties between equally long reflected paths.
     */
    public List<Wall> sideWalls() {
        return List.of(new Wall("y=0", 1, 0.0), new Wall("y=" + fmt(widthM), 1, widthM),
                new Wall("x=0", 0, 0.0), new Wall("x=" + fmt(lengthM), 0, lengthM));
    }

    /** True when the point is inside the room or on its boundary. */
    public boolean contains(Vec3 p) {
        return p.x() >= -TOLERANCE_M && p.x() <= lengthM + TOLERANCE_M
                && p.y() >= -TOLERANCE_M && p.y() <= widthM + TOLERANCE_M
                && p.z() >= -TOLERANCE_M && p.z() <= heightM + TOLERANCE_M;
    }

    /** Extent along an axis (0 = x, 1 = y, 2 = z), in metres. */
    public double extent(int axis) {
        return switch (axis) {
            case 0 -> lengthM;
            case 1 -> widthM;
            case 2 -> heightM;
            default -> throw new IllegalArgumentException("axis=" + axis + " must be 0, 1 or 2");
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

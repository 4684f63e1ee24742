package io.thz.core.geometry;

/**
 * A point or a vector in the room's frame, in metres: x along the room's length, y along its
 * width, z up from the floor. The origin is a floor corner.
 *
 * @param x in metres
 * @param y in metres
 * @param z in metres
 */
public record Vec3(double x, double y, double z) {

    /** The unit vector along x, the axis of every AP array. */
    public static final Vec3 UNIT_X = new Vec3(1, 0, 0);
    /** The unit vector along y. */
    public static final Vec3 UNIT_Y = new Vec3(0, 1, 0);

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** Euclidean length, in metres. */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Euclidean distance to another point, in metres. */
    public double distanceTo(Vec3 o) {
        return minus(o).norm();
    }

    /** Distance to another point projected on the floor (the d2D of the blockage model), in metres. */
    public double horizontalDistanceTo(Vec3 o) {
        double dx = x - o.x;
        double dy = y - o.y;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** This vector scaled to unit length. */
    public Vec3 unit() {
        return times(1.0 / norm());
    }

    /** Component by axis index: 0 = x, 1 = y, 2 = z. */
    public double component(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IllegalArgumentException("axis=" + axis + " must be 0, 1 or 2");
        };
    }

    /** A copy with one component replaced. */
    public Vec3 withComponent(int axis, double value) {
        return switch (axis) {
            case 0 -> new Vec3(value, y, z);
            case 1 -> new Vec3(x, value, z);
            case 2 -> new Vec3(x, y, value);
            default -> throw new IllegalArgumentException("axis=" + axis + " must be 0, 1 or 2");
        };
    }
}

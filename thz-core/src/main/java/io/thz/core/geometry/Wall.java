package io.thz.core.geometry;

/**
 * A vertical side wall of the room: the plane {@code component(axis) = coordinate}.
 *
 * @param name       for messages, e.g. {@code "y=0"}
 * @param axis       0 when the wall is the plane x = const, 1 when it is y = const
 * @param coordinate the constant, in metres
 */
public record Wall(String name, int axis, double coordinate) {

    public Wall {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("a side wall has axis 0 (x = const) or 1 (y = const), not " + axis);
        }
    }

    /** The mirror image of a point in this wall (image method), in metres. */
    public Vec3 mirror(Vec3 p) {
        return p.withComponent(axis, 2 * coordinate - p.component(axis));
    }

    /** A direction reflected by this wall: its normal component flipped. */
    public Vec3 reflectDirection(Vec3 d) {
        return d.withComponent(axis, -d.component(axis));
    }

    /** The horizontal unit vector along the wall: the axis of an array mounted on it. */
    public Vec3 tangent() {
        return axis == 1 ? Vec3.UNIT_X : Vec3.UNIT_Y;
    }

    /** Distance from a point to this wall's plane, in metres. */
    public double distanceTo(Vec3 p) {
        return Math.abs(p.component(axis) - coordinate);
    }
}

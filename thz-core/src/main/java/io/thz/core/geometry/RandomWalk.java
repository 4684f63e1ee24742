package io.thz.core.geometry;

import io.thz.core.random.RandomStream;

/**
 * User mobility (spec section 2): each slot a user steps {@code speed x slot time} in a uniformly
 * random horizontal direction, reflected (mirrored) at the side walls so that it stays in the
 * room. Users are not held in their AP zone: a user keeps its serving AP wherever it walks.
 */
public final class RandomWalk {

    private final Room room;
    private final double stepM;

    /**
     * @param room     the room
     * @param stepM    length of one step, speed x slot time, in metres
     */
    public RandomWalk(Room room, double stepM) {
        this.room = room;
        this.stepM = stepM;
    }

    /** Length of one step, in metres. */
    public double stepM() {
        return stepM;
    }

    /** One step from {@code p}; draws exactly one uniform (the heading) from the stream. */
    public Vec3 step(Vec3 p, RandomStream random) {
        double heading = 2 * Math.PI * random.nextDouble();
        double x = reflect(p.x() + stepM * StrictMath.cos(heading), room.lengthM());
        double y = reflect(p.y() + stepM * StrictMath.sin(heading), room.widthM());
        return new Vec3(x, y, p.z());
    }

    /** Folds a coordinate back into [0, extent] by mirroring at 0 and at extent. */
    static double reflect(double v, double extent) {
        double period = 2 * extent;
        double r = v % period;
        if (r < 0) {
            r += period;
        }
        return r <= extent ? r : period - r;
    }
}

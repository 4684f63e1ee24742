package io.thz.core.geometry;

import io.thz.core.random.RandomStream;

/**
 * Drops a user uniformly at random in its AP's zone (spec section 2): x uniform in the zone,
 * y uniform across the room's width, z at the user height.
 */
public final class UserDrop {

    private UserDrop() {
    }

    /**
     * One user position; draws exactly two uniforms (x, then y) from the stream.
     *
     * @param deployment room and AP zones
     * @param ap         the serving AP, whose zone the user is dropped in
     * @param heightM    the user height, in metres
     * @param random     the user's own drop stream
     */
    public static Vec3 drop(Deployment deployment, int ap, double heightM, RandomStream random) {
        double[] zone = deployment.zone(ap);
        double x = zone[0] + random.nextDouble() * (zone[1] - zone[0]);
        double y = random.nextDouble() * deployment.room().widthM();
        return new Vec3(x, y, heightM);
    }
}

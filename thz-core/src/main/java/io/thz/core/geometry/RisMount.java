package io.thz.core.geometry;

/**
 * Where a RIS hangs: its centre (the array's phase reference) on a side wall; its elements form
 * a half-wavelength ULA along the wall, horizontally ({@link Wall#tangent()}).
 *
 * @param centre in metres
 * @param wall   the wall it is mounted on
 */
public record RisMount(Vec3 centre, Wall wall) {

    /** Unit vector of the RIS array axis. */
    public Vec3 axis() {
        return wall.tangent();
    }
}

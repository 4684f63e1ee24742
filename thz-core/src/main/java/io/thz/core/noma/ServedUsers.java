package io.thz.core.noma;

import io.thz.core.model.UserType;

/**
 * The users one AP serves in a slot, in input order, with their reconfigured channels
 * {@code h^{mm}_k} (1 x N_A, dimensionless) split into real and imaginary parts.
 *
 * <p>A reusable workspace: {@link #reset} then {@link #add} each user, fill the channel rows
 * ({@link #re(int)}, {@link #im(int)}), then {@link #computeNorms()}. Not thread-safe.
 */
public final class ServedUsers {

    private int antennas;
    private int count;
    private int[] index = new int[0];
    private UserType[] type = new UserType[0];
    private double[][] re = new double[0][];
    private double[][] im = new double[0][];
    private double[] norm = new double[0];

    /** Empties the set for users with {@code antennas} = N_A channel entries. */
    public void reset(int antennas) {
        if (antennas != this.antennas) {
            re = new double[0][];
            im = new double[0][];
            this.antennas = antennas;
        }
        count = 0;
    }

    /** Adds a user and returns its local index (its position among this AP's users). */
    public int add(int globalIndex, UserType userType) {
        if (count == index.length) {
            int capacity = Math.max(8, 2 * count);
            index = java.util.Arrays.copyOf(index, capacity);
            type = java.util.Arrays.copyOf(type, capacity);
            norm = java.util.Arrays.copyOf(norm, capacity);
        }
        if (count == re.length) {
            int capacity = Math.max(8, 2 * count);
            double[][] newRe = java.util.Arrays.copyOf(re, capacity);
            double[][] newIm = java.util.Arrays.copyOf(im, capacity);
            for (int u = count; u < capacity; u++) {
                newRe[u] = new double[antennas];
                newIm[u] = new double[antennas];
            }
            re = newRe;
            im = newIm;
        }
        index[count] = globalIndex;
        type[count] = userType;
        return count++;
    }

    /** Computes every user's ‖h‖ (after the channel rows are filled). */
    public void computeNorms() {
        for (int u = 0; u < count; u++) {
            norm[u] = ChannelCorrelation.norm(re[u], im[u], antennas);
        }
    }

    /** Number of users served. */
    public int count() {
        return count;
    }

    /** N_A, entries of each channel row. */
    public int antennas() {
        return antennas;
    }

    /** Global (input) index of local user u. */
    public int globalIndex(int u) {
        return index[u];
    }

    /** Service type of local user u. */
    public UserType type(int u) {
        return type[u];
    }

    /** Real parts of local user u's channel row (length at least N_A; writable). */
    public double[] re(int u) {
        return re[u];
    }

    /** Imaginary parts of local user u's channel row (length at least N_A; writable). */
    public double[] im(int u) {
        return im[u];
    }

    /** The channel rows' real parts, indexed by local user (for batch filling). */
    public double[][] reRows() {
        return re;
    }

    /** The channel rows' imaginary parts, indexed by local user (for batch filling). */
    public double[][] imRows() {
        return im;
    }

    /** The global indices, indexed by local user (for batch filling). */
    public int[] globalIndices() {
        return index;
    }

    /** ‖h‖ of local user u, after {@link #computeNorms()}. */
    public double norm(int u) {
        return norm[u];
    }
}

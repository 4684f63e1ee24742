package io.thz.core.random;

/**
 * One stream of pseudo-random numbers: SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), the generator behind
 * {@link java.util.SplittableRandom}, written out here so that its output is fixed by this code
 * and not by a JDK release: the same seed gives the same numbers bit for bit on every JVM.
 *
 * <p>Not thread-safe; every concern owns its own stream (see {@link RandomStreams}).
 */
public final class RandomStream {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** A stream that starts from the given 64-bit state. */
    public RandomStream(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        return RandomStreams.mix64(state += GOLDEN_GAMMA);
    }

    /** A uniform double in [0, 1), with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** A uniform int in [0, bound), bound &gt; 0, without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound=" + bound + " must be > 0");
        }
        // Lemire's multiply-and-reject method on 32 random bits.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}

package io.thz.learner.runners;

/**
 * Every random stream of a run derives from the one run seed: episode k's environment seed and
 * action seed are fixed functions of (seed, k), so a resumed run replays exactly what an
 * uninterrupted one would have, and evaluation seeds never coincide with training seeds.
 */
public final class Seeds {

    private static final long ENV = 0x243F6A8885A308D3L;
    private static final long ACTIONS = 0x13198A2E03707344L;

    private Seeds() {
    }

    /** Environment seed of training episode {@code episode}. */
    public static long trainingEpisode(long seed, long episode) {
        return mix(seed ^ ENV, episode);
    }

    /** Action-sampling seed of training episode {@code episode}. */
    public static long trainingActions(long seed, long episode) {
        return mix(seed ^ ACTIONS, episode);
    }

    /** Environment seed of held-out evaluation episode {@code index}. */
    public static long evaluationEpisode(long seed, long offset, long index) {
        return mix(seed ^ ENV, -1 - offset - index);
    }

    private static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

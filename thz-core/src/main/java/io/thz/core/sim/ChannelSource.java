package io.thz.core.sim;

/**
 * Where an environment's slots come from: simulated ({@link NetworkSimulator}) or recorded
 * ({@link RecordedChannelSource}). A source hands out whole episodes: after
 * {@link #seekEpisode(long)}, {@link #next()} gives the episode's slots 0..T-1 (the last flagged
 * {@link NetworkSlot#lastInEpisode()}), then {@link #bootstrap()} gives slot T, the slot after the
 * time limit that is shown but never played.
 *
 * <p>The addressable episodes are numbered by {@link #episode(long)} for positions
 * 0..{@link #episodes()}-1; for a simulator position and episode number coincide.
 */
public interface ChannelSource extends AutoCloseable {

    /**
     * The master seed: the simulator's, or the one a recording was simulated with (for a recording
     * without one, the scenario's). Policy and exploration streams derive from it.
     */
    long seed();

    /** Number of addressable episodes. */
    long episodes();

    /** The number of the episode at {@code position} (0..{@link #episodes()}-1). */
    long episode(long position);

    /**
     * The position of episode number {@code episode}.
     *
     * @throws IllegalArgumentException naming the addressable episodes when it is not one of them
     */
    long positionOf(long episode);

    /** Makes the next {@link #next()} the first slot of episode number {@code episode}. */
    void seekEpisode(long episode);

    /** The next slot of the current episode. */
    NetworkSlot next();

    /**
     * Slot T of the current episode (slotInEpisode = T, not last, no arrivals), right after its
     * last slot: the observation the truncated transition shows.
     *
     * @throws IllegalStateException when the last slot handed out was not the episode's last
     */
    NetworkSlot bootstrap();

    /** Releases files; the default does nothing. */
    @Override
    default void close() {
    }
}

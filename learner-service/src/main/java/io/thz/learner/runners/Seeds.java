package io.thz.learner.runners;

import io.thz.core.random.RandomStreams;
import io.thz.core.random.StreamNames;

/**
 * Every random stream of a run derives from the one run seed (logged at the start): the
 * training environment's master seed is the run seed and episode k is the environment's episode k;
 * the action sampling of episode k and the network initialisation have their own subtrees; the
 * held-out evaluation environment has its own master seed. A resumed run therefore replays exactly
 * what an uninterrupted one would have, and evaluation never sees a training episode.
 */
public final class Seeds {

    private Seeds() {
    }

    /** Master seed of the training environment. */
    public static long trainingEnvironment(long seed) {
        return seed;
    }

    /** Seed of the action sampling of training episode {@code episode}. */
    public static long trainingActions(long seed, long episode) {
        return RandomStreams.of(seed).child(StreamNames.EXPLORATION).child(episode).key();
    }

    /** Seed of the network initialisation. */
    public static long initialisation(long seed) {
        return RandomStreams.of(seed).child(StreamNames.INITIALISATION).key();
    }

    /** Master seed of the held-out evaluation environment. */
    public static long evaluationEnvironment(long seed, long offset) {
        return RandomStreams.of(seed).child("evaluation").child(offset).key();
    }

    /** Seed of a stochastic policy's own draws in evaluation episode {@code episode}. */
    public static long evaluationPolicy(long seed, long offset, long episode) {
        return RandomStreams.of(evaluationEnvironment(seed, offset)).child(StreamNames.POLICY).child(episode).key();
    }
}

package io.thz.core.random;

import java.nio.charset.StandardCharsets;

/**
 * A node in a tree of independent random streams, addressed by names and indices from one
 * master seed: {@code RandomStreams.of(seed).child("blockage").child(episode).child(link)}.
 *
 * <p>Each concern (user drop, mobility, blockage, traffic, policies, exploration) draws from its
 * own subtree, and each entity (a user, a link) from its own leaf, so a change in one place
 * (another arrival mean, more IoT users) never shifts the numbers another concern sees. A node's
 * key is a 64-bit hash of (parent key, child label); the hash is fixed by this code, so the tree
 * is the same on every JVM.
 *
 * <p>Immutable and cheap: a node is one {@code long}.
 */
public final class RandomStreams {

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;
    private static final long INDEX_SALT = 0x5851F42D4C957F2DL;

    private final long key;

    private RandomStreams(long key) {
        this.key = key;
    }

    /** The root of the tree for a master seed. */
    public static RandomStreams of(long seed) {
        return new RandomStreams(mix64(seed ^ 0x6A09E667F3BCC908L));
    }

    /** The child node for a name. */
    public RandomStreams child(String name) {
        long h = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
        }
        return new RandomStreams(mix64(mix64(key) ^ h));
    }

    /** The child node for an index (episode, user, link...). */
    public RandomStreams child(long index) {
        return new RandomStreams(mix64(mix64(key + INDEX_SALT) ^ mix64(index * INDEX_SALT + 1)));
    }

    /** A fresh stream that starts at this node; two calls give two identical streams. */
    public RandomStream stream() {
        return new RandomStream(key);
    }

    /** This node's 64-bit key (for logs and tests). */
    public long key() {
        return key;
    }

    /** The SplitMix64 finaliser: a bijection of 64-bit values with strong avalanche. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package io.thz.channel;

import io.thz.core.wire.ActionRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gathers the agents' actions of the slot being played, until all expected agents have acted or
 * the deadline passes. Actions of other slots or runs are counted as late and dropped; a second
 * action of the same agent for the same slot is ignored.
 */
final class SlotBarrier {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private String runId;
    private long slot = -1;
    private Set<String> expected = Set.of();
    private final Map<String, ActionRecord> received = new HashMap<>();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    /** Opens the barrier for one slot. */
    void open(String runId, long slot, Set<String> expected) {
        lock.lock();
        try {
            this.runId = runId;
            this.slot = slot;
            this.expected = expected;
            received.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Offers an action from Kafka; returns whether it was taken for the open slot. */
    boolean offer(ActionRecord action) {
        lock.lock();
        try {
            if (!action.runId().equals(runId) || action.slot() != slot) {
                late.incrementAndGet();
                return false;
            }
            if (!expected.contains(action.agent())) {
                unexpected.incrementAndGet();
                return false;
            }
            if (received.putIfAbsent(action.agent(), action) != null) {
                return false;
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every expected agent acted or the deadline (epoch ms) passed; returns what came. */
    Map<String, ActionRecord> await(long deadlineEpochMs) throws InterruptedException {
        lock.lock();
        try {
            while (received.size() < expected.size()) {
                long left = deadlineEpochMs - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                changed.await(left, TimeUnit.MILLISECONDS);
            }
            Map<String, ActionRecord> out = new HashMap<>(received);
            slot = -1; // closed: anything arriving now is late
            return out;
        } finally {
            lock.unlock();
        }
    }

    long late() {
        return late.get();
    }

    long unexpected() {
        return unexpected.get();
    }
}

package io.thz.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rejects a record that cannot be handled: the message is nacked with the reason, so the channel's
 * dead-letter-queue failure strategy forwards it to the dead-letter topic with the reason in its
 * headers, and the service goes on. One log line per rejection (the first 20, then every 100th),
 * not a stack trace: a flood of bad input must not drown the log.
 */
public final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final AtomicLong REJECTED = new AtomicLong();

    private DeadLetters() {
    }

    public static <T> CompletionStage<Void> reject(Message<T> message, String channel, RuntimeException reason) {
        long n = REJECTED.incrementAndGet();
        if (n <= 20 || n % 100 == 0) {
            LOG.warnf("%s: record %d rejected to the dead-letter topic: %s", channel, n, reason.getMessage());
        }
        return message.nack(reason);
    }

    /** Records rejected by this service since it started. */
    public static long rejected() {
        return REJECTED.get();
    }
}

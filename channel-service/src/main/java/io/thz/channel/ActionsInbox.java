package io.thz.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Receives the records of the {@code actions} channel and keeps the last keys seen. */
@ApplicationScoped
public class ActionsInbox {

    private static final int KEPT = 1000;

    private final Counter received;
    private final Map<String, String> lastByKey = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    });

    ActionsInbox(MeterRegistry registry) {
        this.received = Counter.builder("thz.records.received").tag("channel", "actions").register(registry);
    }

    @Incoming("actions")
    void receive(Record<String, String> record) {
        received.increment();
        lastByKey.put(record.key() == null ? "" : record.key(), record.value());
    }

    /** The value last received under {@code key}, or null. */
    public String lastValue(String key) {
        return lastByKey.get(key);
    }

    /** Records received since start. */
    public long count() {
        return (long) received.count();
    }
}

package io.thz.channel;

import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.WireCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The agents' actions: decoded (a malformed record goes to the dead-letter topic) and handed to the barrier. */
@ApplicationScoped
public class ActionInbox {

    @Inject
    RunManager runs;

    @Incoming("actions-in")
    public void receive(ConsumerRecord<String, byte[]> record) {
        runs.offer(WireCodec.decode(record.value(), ActionRecord.class));
    }
}

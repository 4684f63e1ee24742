package io.thz.channel;

import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.WireCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.thz.core.wire.WireFormatException;
import io.thz.messaging.DeadLetters;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The agents' actions: decoded (a malformed record goes to the dead-letter topic) and handed to the barrier. */
@ApplicationScoped
public class ActionInbox {

    @Inject
    RunManager runs;

    @Incoming("actions-in")
    public CompletionStage<Void> receive(Message<byte[]> record) {
        try {
            runs.offer(WireCodec.decode(record.getPayload(), ActionRecord.class));
            return record.ack();
        } catch (WireFormatException e) {
            return DeadLetters.reject(record, "actions-in", e);
        }
    }
}

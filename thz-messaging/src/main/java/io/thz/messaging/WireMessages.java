package io.thz.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.thz.core.wire.WireCodec;
import io.thz.core.wire.WireRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Kafka messages carrying one {@link WireRecord}, encoded with the one codec. */
public final class WireMessages {

    private WireMessages() {
    }

    /** A message for {@code topic} with {@code key}; the channel's default topic is overridden. */
    public static Message<byte[]> of(String topic, String key, WireRecord record) {
        return Message.of(WireCodec.encode(record)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).build());
    }

    /** A message for an explicit partition of {@code topic} (the agent topics, see TopicLayout#agentPartition). */
    public static Message<byte[]> of(String topic, int partition, String key, WireRecord record) {
        return ofBytes(topic, partition, key, WireCodec.encode(record));
    }

    /** Encoded bytes for an explicit partition. */
    public static Message<byte[]> ofBytes(String topic, int partition, String key, byte[] bytes) {
        return Message.of(bytes).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withPartition(partition).withKey(key).build());
    }

    /** A message of already encoded bytes. */
    public static Message<byte[]> ofBytes(String topic, String key, byte[] bytes) {
        return Message.of(bytes).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).build());
    }
}

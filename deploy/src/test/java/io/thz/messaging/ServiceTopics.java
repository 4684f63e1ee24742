package io.thz.messaging;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topic a service creates at start-up ({@link TopicLayout#newTopic}, package-private, hence
 * this class in the same package), for comparing the Strimzi KafkaTopics against it.
 */
public final class ServiceTopics {

    private ServiceTopics() {
    }

    public static NewTopic created(TopicLayout layout, Topic topic) {
        return layout.newTopic(topic);
    }
}

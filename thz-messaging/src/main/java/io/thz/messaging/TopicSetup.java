package io.thz.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the protocol's topics before the Kafka channels start (messaging starts at
 * LIBRARY_BEFORE; this runs at PLATFORM_BEFORE), so no consumer auto-creates one with the wrong
 * partition count. Every service does it; the first one up wins, the others find them.
 */
@ApplicationScoped
public class TopicSetup {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void createTopics(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, TopicsConfig config) {
        config.layout().ensure(bootstrapServers, TopicLayout.all());
    }
}

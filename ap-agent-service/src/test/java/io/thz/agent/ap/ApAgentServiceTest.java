package io.thz.agent.ap;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thz.testing.kafka.AgentServiceContract;
import io.thz.testing.kafka.KafkaBrokerResource;

import java.util.Map;

/** The agent-service contract over the real broker, for the ap agents. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(ApAgentServiceTest.Profile.class)
class ApAgentServiceTest extends AgentServiceContract {

    static final String PREFIX = newPrefix("ap");

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return config(PREFIX);
        }
    }

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected String type() {
        return "ap";
    }
}

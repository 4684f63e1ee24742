package io.thz.agent.ris;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thz.testing.kafka.AgentServiceContract;
import io.thz.testing.kafka.KafkaBrokerResource;

import java.util.Map;

/** The agent-service contract over the real broker, for the ris agents. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(RisAgentServiceTest.Profile.class)
class RisAgentServiceTest extends AgentServiceContract {

    static final String PREFIX = newPrefix("ris");

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
        return "ris";
    }
}

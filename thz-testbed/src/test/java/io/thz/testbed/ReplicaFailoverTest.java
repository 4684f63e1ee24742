package io.thz.testbed;

import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of ap-agent-service split the AP agents; killing one mid-run costs only
 * deadline-fallback slots for its agents, then its agents move to the survivor and slots complete
 * without fallbacks again (issue acceptance).
 */
class ReplicaFailoverTest {

    private static Testbed testbed;

    @BeforeAll
    static void start() throws Exception {
        // no learning: the learner only publishes its initial weights, so the CPU goes to the slots
        testbed = TestbedFixture.start("replica-failover", TestbedFixture.scenario("three-aps-small.yaml"), 2, 1,
                Duration.ofMillis(1500), Map.of("thz.learner.enabled", "false"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> agents(ServiceProcess replica) throws Exception {
        return (List<String>) testbed.get(replica, "/agents").get("agents");
    }

    @Test
    void killingAReplicaCostsOnlyFallbacksThenItsAgentsMove() throws Exception {
        ServiceProcess first = testbed.service("ap-agent-0");
        ServiceProcess second = testbed.service("ap-agent-1");
        // both replicas joined: the three AP agents are split between them
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end) && (agents(first).isEmpty() || agents(second).isEmpty())) {
            Thread.sleep(200);
        }
        List<String> firstAgents = agents(first);
        List<String> secondAgents = agents(second);
        assertThat(firstAgents).isNotEmpty();
        assertThat(secondAgents).isNotEmpty();
        Set<String> union = new HashSet<>(firstAgents);
        union.addAll(secondAgents);
        assertThat(union).containsExactlyInAnyOrder("ap-0", "ap-1", "ap-2");
        assertThat(firstAgents).doesNotContainAnyElementsOf(secondAgents);

        RunStatus started = testbed.startRun(150);
        // let some slots complete with both replicas, then crash the second one
        while (testbed.status().slot() < 30) {
            Thread.sleep(50);
        }
        long killedAt = testbed.status().slot();
        second.kill();
        RunStatus done = testbed.awaitRun(Duration.ofMinutes(10), TestbedFixture.quiet());
        assertThat(done.state()).isEqualTo("DONE");
        List<OutcomeRecord> outcomes = testbed.outcomes();
        assertThat(outcomes).hasSize(150);

        // every slot scored; fallbacks only between the crash and the end of the rebalance (the
        // session timeout, 6 s, plus a few slots): mostly the dead replica's agents, and the
        // survivor's for the slot its partitions are reassigned in
        List<Long> fallbackSlots = new ArrayList<>();
        long deadAgentOnly = 0;
        for (OutcomeRecord o : outcomes) {
            assertThat(o.runId()).isEqualTo(started.runId());
            if (!o.fallbackAgents().isEmpty()) {
                fallbackSlots.add(o.slot());
                assertThat(o.slot()).as("fallback slot").isBetween(killedAt - 1, killedAt + 25);
                assertThat(o.fallbackAgents()).as("slot %d", o.slot()).allMatch(a -> a.startsWith("ap-"));
                if (secondAgents.containsAll(o.fallbackAgents())) {
                    deadAgentOnly++;
                }
            }
        }
        // while the rebalance is pending the live agents work around the silent one
        assertThat(deadAgentOnly).as("slots where only the dead replica's agents fell back")
                .isGreaterThanOrEqualTo(fallbackSlots.size() - 3L);
        assertThat(fallbackSlots).as("the crash costs some slots").isNotEmpty();
        // the survivor took the partitions over: it hosts every AP agent and the last slots are clean
        assertThat(agents(first)).containsExactlyInAnyOrder("ap-0", "ap-1", "ap-2");
        List<OutcomeRecord> tail = outcomes.subList(130, 150);
        assertThat(tail).allSatisfy(o -> assertThat(o.fallbackAgents()).isEmpty());
        System.out.printf("replica failover: killed at slot %d, %d fallback slots (%d..%d)%n", killedAt,
                fallbackSlots.size(), fallbackSlots.get(0), fallbackSlots.get(fallbackSlots.size() - 1));
    }
}

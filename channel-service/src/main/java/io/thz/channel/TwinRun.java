package io.thz.channel;

import io.thz.core.agent.AgentObservations;
import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.MultiAgentEnv;
import io.thz.core.env.SlotMetrics;
import io.thz.core.env.StepResult;
import io.thz.core.graph.AgentGraph;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PowerHead;
import io.thz.core.policy.RisHead;
import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.AgentId;
import io.thz.core.wire.ExperienceRecord;
import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;
import io.thz.core.wire.WireRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One run of the slot clock (architecture, "One slot over Kafka", steps 1 and 4): publish every
 * agent's observation, gather the joint action until the deadline (a missing or invalid action is
 * replaced by the agent's last valid action, or at first by the safe default: equal power, RIS
 * elements OFF), score the slot with the environment, publish the outcome and the experience.
 */
final class TwinRun implements Runnable {

    private static final Logger LOG = Logger.getLogger(TwinRun.class);
    /** Logit of the unused-power slot in the default AP action: softmax gives ~P_max/K_m each. */
    private static final float UNUSED_POWER_LOGIT = -30f;

    private final String runId;
    private final MultiAgentEnv env;
    private final AgentGraph graph;
    private final EnvInfo info;
    private final long slots;
    private final int seUsers;
    private final long deadlineMs;
    private final boolean publishExperience;
    private final SlotBarrier barrier;
    private final TwinPublisher publisher;
    private final Consumer<OutcomeRecord> onOutcome;
    /** Per slot, ns: publishing observations, waiting for actions, scoring, publishing outcome and experience. */
    private Consumer<long[]> phases = p -> { };
    private final List<String> agentIds = new ArrayList<>();
    private final Map<String, ActionRecord> lastValid = new HashMap<>();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile String state = "RUNNING";
    private volatile String message;

    TwinRun(String runId, MultiAgentEnv env, int seUsers, long slots, long deadlineMs, boolean publishExperience, SlotBarrier barrier,
            TwinPublisher publisher, Consumer<OutcomeRecord> onOutcome) {
        this.runId = runId;
        this.env = env;
        this.graph = env.graph();
        this.info = env.info();
        this.slots = slots;
        this.seUsers = seUsers;
        this.deadlineMs = deadlineMs;
        this.publishExperience = publishExperience;
        this.barrier = barrier;
        this.publisher = publisher;
        this.onOutcome = onOutcome;
        for (int i = 0; i < graph.aps(); i++) {
            agentIds.add(AgentId.ap(i).toString());
        }
        for (int j = 0; j < graph.rises(); j++) {
            agentIds.add(AgentId.ris(j).toString());
        }
    }

    @Override
    public void run() {
        try {
            long episode = 0;
            GraphObservation obs = env.reset(episode);
            float[] state = env.state();
            int step = 0;
            for (long slot = 0; slot < slots && !stopped.get(); slot++) {
                while (paused.get() && !stopped.get()) {
                    this.state = "PAUSED";
                    Thread.sleep(50);
                }
                this.state = "RUNNING";
                long start = System.nanoTime();
                long deadline = System.currentTimeMillis() + deadlineMs;
                barrier.open(runId, slot, new LinkedHashSet<>(agentIds));
                publishObservations(obs, slot, episode, step, deadline);
                long published = System.nanoTime();
                Map<String, ActionRecord> actions = barrier.await(deadline);
                long gathered = System.nanoTime();
                List<String> fallbacks = new ArrayList<>();
                float[][] apLogits = new float[graph.aps()][];
                int[][] risChoices = new int[graph.rises()][];
                double[] logProbs = new double[agentIds.size()];
                long lowestVersion = Long.MAX_VALUE;
                double[][] powers = new double[graph.aps()][];
                RisAction[] ris = new RisAction[graph.rises()];
                for (int a = 0; a < agentIds.size(); a++) {
                    String id = agentIds.get(a);
                    ActionRecord action = valid(actions.get(id), id);
                    if (action == null) {
                        fallbacks.add(id);
                        action = lastValid.getOrDefault(id, defaultAction(id, slot));
                        logProbs[a] = Double.NaN;
                    } else {
                        lastValid.put(id, action);
                        logProbs[a] = action.logProb();
                        lowestVersion = Math.min(lowestVersion, action.policyVersion());
                    }
                    AgentId agent = AgentId.parse(id);
                    if (agent.ris()) {
                        risChoices[agent.index()] = action.choices();
                        ris[agent.index()] = RisHead.toAction(action.choices());
                    } else {
                        apLogits[agent.index()] = action.sample();
                        powers[agent.index()] = PowerHead.powers(action.sample(), info.pmaxW());
                    }
                }
                long version = lowestVersion == Long.MAX_VALUE ? -1 : lowestVersion;
                StepResult result = env.step(new JointAction(powers, ris, Clustering.QOS));
                long scored = System.nanoTime();
                SlotMetrics m = result.metrics();
                boolean last = result.truncated() || result.terminated();
                double latencyMs = (System.nanoTime() - start) / 1e6;
                OutcomeRecord outcome = new OutcomeRecord(WireRecord.SCHEMA, runId, slot, (int) episode, step, version,
                        m.reward(), m.eeGbitPerJoule(), m.sumRateGbps(), m.powerW(), m.rateViolationGbps(),
                        reliableFraction(m), List.copyOf(fallbacks), latencyMs);
                if (publishExperience) {
                    publisher.experience(new ExperienceRecord(WireRecord.SCHEMA, runId, slot, episode, step, episode,
                            version, obs.apNodes(), obs.risNodes(), obs.edges(), state, apLogits, risChoices, logProbs,
                            List.copyOf(fallbacks), m.reward(), m.eeGbitPerJoule(), m.sumRateGbps(), m.powerW(),
                            m.rateViolationGbps(), m.seQueueOk(), m.iotQueueOk(), result.terminated(), last,
                            last ? result.observation().apNodes() : new float[0][],
                            last ? result.observation().risNodes() : new float[0][],
                            last ? result.observation().edges() : new float[0][],
                            last ? result.state() : new float[0],
                            last ? env.reliability() : new double[0]));
                }
                publisher.outcome(outcome);
                onOutcome.accept(outcome);
                phases.accept(new long[] {published - start, gathered - published, scored - gathered, System.nanoTime() - scored});
                if (last) {
                    episode++;
                    step = 0;
                    obs = env.reset(episode);
                    state = env.state();
                } else {
                    step++;
                    obs = result.observation();
                    state = result.state();
                }
            }
            this.state = "DONE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            this.state = "DONE";
            this.message = "stopped";
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %s failed", runId);
            this.state = "FAILED";
            this.message = e.toString();
        }
    }

    /** The fraction of all users whose queue is below q_max after this slot (the per-type fractions weighted). */
    private double reliableFraction(SlotMetrics m) {
        int iotUsers = info.users() - seUsers;
        double se = seUsers == 0 ? 0 : m.seQueueOk() * seUsers;
        double iot = iotUsers == 0 ? 0 : m.iotQueueOk() * iotUsers;
        return (se + iot) / info.users();
    }

    private void publishObservations(GraphObservation obs, long slot, long episode, int step, long deadline) {
        for (String id : agentIds) {
            AgentId agent = AgentId.parse(id);
            publisher.observation(AgentObservations.of(graph, obs, agent, runId, slot, (int) episode, step, deadline),
                    agent.ris());
        }
    }

    /** The action if it fits the network, else null (it is then replaced like a missing one). */
    private ActionRecord valid(ActionRecord action, String id) {
        if (action == null) {
            return null;
        }
        boolean ok;
        if (AgentId.parse(id).ris()) {
            ok = action.choices() != null && action.choices().length == info.risElements()
                    && Arrays.stream(action.choices()).allMatch(c -> c >= 0 && c < info.risChoices());
        } else {
            ok = action.sample() != null && action.sample().length == info.apActionDim();
            for (int k = 0; ok && k < action.sample().length; k++) {
                ok = Float.isFinite(action.sample()[k]);
            }
        }
        if (!ok) {
            LOG.warnf("run %s slot %d: invalid action of %s replaced by its fallback", runId, action.slot(), id);
        }
        return ok ? action : null;
    }

    private ActionRecord defaultAction(String id, long slot) {
        if (AgentId.parse(id).ris()) {
            return new ActionRecord(WireRecord.SCHEMA, runId, slot, id, -1, new float[0], new int[info.risElements()],
                    Double.NaN, Double.NaN);
        }
        float[] logits = new float[info.apActionDim()];
        logits[logits.length - 1] = UNUSED_POWER_LOGIT;
        return new ActionRecord(WireRecord.SCHEMA, runId, slot, id, -1, logits, new int[0], Double.NaN, Double.NaN);
    }

    /** Receives each slot's phase durations (see {@link #phases}). */
    TwinRun onPhases(Consumer<long[]> sink) {
        this.phases = sink;
        return this;
    }

    void pause() {
        paused.set(true);
    }

    void resume() {
        paused.set(false);
    }

    void stop() {
        stopped.set(true);
    }

    String state() {
        return state;
    }

    String message() {
        return message;
    }

    String runId() {
        return runId;
    }

    long slots() {
        return slots;
    }

    /** Keeps only the fields {@link RunStatus} needs from a run; the manager adds the statistics. */
    Set<String> agents() {
        return new LinkedHashSet<>(agentIds);
    }
}

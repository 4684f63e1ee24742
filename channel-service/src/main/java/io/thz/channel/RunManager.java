package io.thz.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.model.UserType;
import io.thz.core.scenario.Scenario;
import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.AgentId;
import io.thz.core.wire.ExperienceRecord;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;
import io.thz.messaging.ModelConfig;
import io.thz.messaging.Topic;
import io.thz.messaging.TopicLayout;
import io.thz.messaging.TopicsConfig;
import io.thz.messaging.WireMessages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channel-service's runs: one at a time, each on its own thread. The scenario is loaded at
 * start-up so an invalid one refuses to start the service with the field named.
 */
@Startup
@ApplicationScoped
public class RunManager {

    private static final Logger LOG = Logger.getLogger(RunManager.class);

    @Inject
    ModelConfig model;
    @Inject
    TopicsConfig topics;
    @Inject
    ChannelConfig config;
    @Inject
    MeterRegistry registry;

    /** Observations: small, latency-critical, on a producer of their own. */
    @Inject
    @Channel("twin-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    Emitter<byte[]> out;

    /** Outcomes and experience: large records that must not queue in front of the next slot's observations. */
    @Inject
    @Channel("record-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    Emitter<byte[]> recordOut;

    private final SlotBarrier barrier = new SlotBarrier();
    private Scenario scenario;
    private int seUsers;
    private int[] apsAndRises;
    private TopicLayout layout;
    private volatile TwinRun run;
    private Thread thread;
    private final List<OutcomeRecord> outcomes = new ArrayList<>();
    private long runStartNanos;
    private volatile long runEndNanos;
    private Timer latency;
    private Timer[] phaseTimers;
    private Counter deadlineMisses;
    private Counter fallbackSlots;
    private final AtomicLong lastEeMilli = new AtomicLong();
    private final AtomicLong lastReliabilityMilli = new AtomicLong();

    @PostConstruct
    void init() {
        scenario = model.loadScenario();
        apsAndRises = new int[] {scenario.deployment().aps().size(), scenario.deployment().rises().size()};
        seUsers = (int) scenario.users().stream().filter(u -> u.type() == UserType.SE).count();
        layout = topics.layout();
        latency = Timer.builder("thz.slot.latency").description("observations published to slot scored")
                .publishPercentiles(0.5, 0.99).register(registry);
        String[] phaseNames = {"observe", "wait-for-agents", "score", "publish"};
        phaseTimers = new Timer[phaseNames.length];
        for (int i = 0; i < phaseNames.length; i++) {
            phaseTimers[i] = Timer.builder("thz.slot.phase").description("where a slot's time goes")
                    .tag("phase", phaseNames[i]).publishPercentiles(0.5, 0.99).register(registry);
        }
        deadlineMisses = Counter.builder("thz.slot.deadline.misses").description("agent actions replaced by a fallback")
                .register(registry);
        fallbackSlots = Counter.builder("thz.slot.fallback.slots").description("slots with at least one fallback")
                .register(registry);
        Gauge.builder("thz.slot.ee", lastEeMilli, v -> v.get() / 1000.0).description("energy efficiency of the last slot, Gbit/J")
                .register(registry);
        Gauge.builder("thz.slot.reliability", lastReliabilityMilli, v -> v.get() / 1000.0)
                .description("fraction of users below q_max after the last slot").register(registry);
        Gauge.builder("thz.actions.late", barrier, SlotBarrier::late).description("actions that came after their slot")
                .register(registry);
        LOG.infof("scenario: %d APs, %d RISs, %d users, N_A=%d, L=%d, T=%d; algorithm %s; deadline %d ms",
                scenario.deployment().aps().size(), scenario.deployment().rises().size(), scenario.users().size(),
                scenario.slotConfig().antennas(), scenario.slotConfig().risElements(), scenario.slotsPerEpisode(),
                model.algorithm(), config.deadlineMs());
    }

    /**
     * Starts a run; refused while one is running. With a {@code replay} path the run plays that
     * recording (the seed is then the recording's) and ends with it: at most its recorded
     * episodes times T slots are played.
     *
     * @throws RunRequestException when the replay file is outside thz.channel.recordings-dir, missing,
     *                             unreadable, not a channel stream or recorded for another network
     */
    public synchronized RunStatus start(long slots, Long seed, String replay) {
        if (run != null && ("RUNNING".equals(run.state()) || "PAUSED".equals(run.state()))) {
            throw new IllegalStateException("run " + run.runId() + " is still " + run.state() + "; stop it first");
        }
        String runId = "run-" + UUID.randomUUID().toString().substring(0, 8);
        RunChannels.Opened channels = new RunChannels(config.recordingsDir(), config.recordTo())
                .open(scenario, seed == null ? model.seed() : seed, replay, runId);
        ThzNetworkEnv env = channels.env();
        long played = Math.min(slots, channels.playableSlots());
        synchronized (outcomes) {
            outcomes.clear();
        }
        TwinRun next = new TwinRun(runId, env, seUsers, played, config.deadlineMs(), config.publishExperience(), barrier,
                publisher, this::record);
        next.onPhases(p -> {
            for (int i = 0; i < p.length; i++) {
                phaseTimers[i].record(p[i], TimeUnit.NANOSECONDS);
            }
        });
        runStartNanos = System.nanoTime();
        runEndNanos = 0;
        run = next;
        thread = new Thread(() -> {
            try {
                next.run();
            } finally {
                closeQuietly(env, runId);
            }
            runEndNanos = System.nanoTime();
            LOG.infof("run %s %s after %d slots", runId, next.state(), outcomes.size());
        }, "twin-" + runId);
        thread.setDaemon(true);
        thread.start();
        LOG.infof("run %s: %d slots%s, %s", runId, played,
                played < slots ? " (" + slots + " asked; the recording ends there)" : "", channels.description());
        return status();
    }

    /** Closes a run's environment: a replay's file, a recording's output (flushed). */
    private static void closeQuietly(ThzNetworkEnv env, String runId) {
        try {
            env.close();
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %s: closing its channel source failed", runId);
        }
    }

    private final TwinPublisher publisher = new TwinPublisher() {
        @Override
        public void observation(ObservationRecord observation, boolean ris) {
            AgentId agent = AgentId.parse(observation.agent());
            int partition = layout.agentPartition(agent.index(), ris ? apsAndRises[1] : apsAndRises[0]);
            out.send(WireMessages.of(layout.name(ris ? Topic.OBSERVATIONS_RIS : Topic.OBSERVATIONS_AP), partition,
                    observation.agent(), observation));
        }

        @Override
        public void outcome(OutcomeRecord outcome) {
            recordOut.send(WireMessages.of(layout.name(Topic.OUTCOMES), outcome.runId(), outcome));
        }

        @Override
        public void experience(ExperienceRecord experience) {
            recordOut.send(WireMessages.of(layout.name(Topic.EXPERIENCE), experience.runId(), experience));
        }
    };

    private void record(OutcomeRecord o) {
        latency.record((long) (o.latencyMs() * 1e6), TimeUnit.NANOSECONDS);
        if (!o.fallbackAgents().isEmpty()) {
            fallbackSlots.increment();
            deadlineMisses.increment(o.fallbackAgents().size());
        }
        lastEeMilli.set(Math.round(o.eeGbitPerJoule() * 1000));
        lastReliabilityMilli.set(Math.round(o.reliability() * 1000));
        synchronized (outcomes) {
            if (outcomes.size() >= config.outcomesKept()) {
                outcomes.remove(0);
            }
            outcomes.add(o);
        }
    }

    /** An agent's action from Kafka (through a method: fields of a client proxy are not the bean's). */
    public boolean offer(ActionRecord action) {
        return barrier.offer(action);
    }

    public void pause() {
        TwinRun r = requireRun();
        r.pause();
    }

    public void resume() {
        requireRun().resume();
    }

    public void stop() {
        requireRun().stop();
    }

    private TwinRun requireRun() {
        TwinRun r = run;
        if (r == null) {
            throw new IllegalStateException("no run has been started");
        }
        return r;
    }

    public List<OutcomeRecord> outcomes(int from, int limit) {
        synchronized (outcomes) {
            int start = Math.max(0, Math.min(from, outcomes.size()));
            return List.copyOf(outcomes.subList(start, Math.min(outcomes.size(), start + limit)));
        }
    }

    /** The run's progress and statistics. */
    public RunStatus status() {
        TwinRun r = run;
        if (r == null) {
            return new RunStatus("", "IDLE", 0, 0, 0, -1, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN,
                    Double.NaN, 0, null);
        }
        List<OutcomeRecord> all;
        synchronized (outcomes) {
            all = List.copyOf(outcomes);
        }
        int n = all.size();
        double[] lat = new double[n];
        double reward = 0;
        double ee = 0;
        double reliability = 0;
        long fallbackSlotCount = 0;
        long misses = 0;
        long version = -1;
        for (int i = 0; i < n; i++) {
            OutcomeRecord o = all.get(i);
            lat[i] = o.latencyMs();
            reward += o.reward();
            ee += o.eeGbitPerJoule();
            reliability += o.reliability();
            fallbackSlotCount += o.fallbackAgents().isEmpty() ? 0 : 1;
            misses += o.fallbackAgents().size();
            version = Math.max(version, o.policyVersion());
        }
        Arrays.sort(lat);
        long end = runEndNanos == 0 ? System.nanoTime() : runEndNanos;
        double seconds = Math.max(1e-9, (end - runStartNanos) / 1e9);
        OutcomeRecord last = n == 0 ? null : all.get(n - 1);
        return new RunStatus(r.runId(), r.state(), n, r.slots(), last == null ? 0 : last.episode(), version,
                n == 0 ? Double.NaN : reward / n, n == 0 ? Double.NaN : ee / n, n == 0 ? Double.NaN : reliability / n,
                fallbackSlotCount, misses, percentile(lat, 50), percentile(lat, 99), n / seconds, r.message());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    void onStop(@Observes ShutdownEvent event) {
        TwinRun r = run;
        if (r != null) {
            r.stop();
        }
    }
}

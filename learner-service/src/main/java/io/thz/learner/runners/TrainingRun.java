package io.thz.learner.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thz.core.baseline.Baselines;
import io.thz.core.env.EvaluationResult;
import io.thz.core.env.EnvInfo;
import io.thz.core.env.SlotMetrics;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.graph.ExchangeCost;
import io.thz.core.policy.LearnedPolicy;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.PolicyShape;
import io.thz.core.policy.WeightBlob;
import io.thz.core.scenario.Scenario;
import io.thz.learner.components.Checkpoint;
import io.thz.learner.components.Episode;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.learners.ActorCriticLearner;
import io.thz.learner.learners.Algorithm;
import io.thz.learner.learners.Algorithms;
import io.thz.learner.learners.UpdateStats;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One training run in one process (no broker): episodes on the scenario's simulator played by the
 * plain-Java policy, updates by the DJL learner, held-out evaluations, checkpoints, and the run
 * directory's files:
 * <ul>
 *   <li>{@code run.json}: algorithm, scenario, effective seed, steps; {@code scenario.json}: the
 *       effective scenario;</li>
 *   <li>{@code metrics.csv}: one row per training episode; {@code evaluations.csv}: one row per
 *       held-out evaluation;</li>
 *   <li>{@code checkpoint.bin} (resumable), {@code policy.thzw} (the weight blob agents load);</li>
 *   <li>{@code learning-curve.png} and {@code summary.md}.</li>
 * </ul>
 */
public final class TrainingRun {

    /** Files of a run directory. */
    public static final String RUN_JSON = "run.json";
    public static final String SCENARIO_JSON = "scenario.json";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String EVALUATIONS_CSV = "evaluations.csv";
    public static final String POLICY_BLOB = "policy.thzw";
    public static final String CURVE_PNG = "learning-curve.png";
    public static final String SUMMARY_MD = "summary.md";

    private static final String METRICS_HEADER = "episode,env_steps,update,reward,ee_gbit_per_j,sum_rate_gbps,power_w,"
            + "violation_gbps,se_reliability,iot_reliability,policy_loss,critic_loss,entropy,grad_norm,wall_s";
    private static final String EVALUATIONS_HEADER = "env_steps,update,episodes,reward,reward_std,ee_gbit_per_j,"
            + "spectral_efficiency_bps_hz,sum_rate_gbps,power_w,violation_gbps,se_reliability,iot_reliability";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param algorithm      the learner
     * @param scenario       the validated scenario
     * @param scenarioTree   the effective scenario as a tree (written to scenario.json)
     * @param scenarioSource where the scenario came from (file or bundled name)
     * @param config         the learner configuration
     * @param steps          environment steps (slots) to train for, in total (a resumed run continues to this)
     * @param seed           the run seed
     * @param out            the run directory
     * @param resume         continue from the directory's checkpoint
     * @param log            where progress and messages go
     * @param terminal       redraw the progress bar in place
     * @param baselines      also evaluate the non-learning schemes for the summary
     */
    public record Options(Algorithm algorithm, Scenario scenario, JsonNode scenarioTree, String scenarioSource,
                         LearnerConfig config, long steps, long seed, Path out, boolean resume, PrintStream log,
                         boolean terminal, boolean baselines) {
    }

    /**
     * Wall-clock seconds of this process's run by phase.
     *
     * @param policy     actors' forward pass and sampling during rollouts
     * @param env        environment: slot scoring, queues, next slot's channels and features
     * @param update     learner updates (DJL forward, backward, Adam)
     * @param export     publishing the weights to the rollout policy after each update
     * @param evaluation held-out evaluations
     * @param checkpoint checkpoints
     * @param total      the whole run
     */
    public record Timing(double policy, double env, double update, double export, double evaluation,
                         double checkpoint, double total) {
    }

    /**
     * @param envSteps   environment steps done in total
     * @param updates    updates done in total
     * @param episodes   training episodes in total
     * @param stepsHere  environment steps done by this process (for rates)
     * @param updatesHere updates done by this process
     * @param timing     this process's time by phase
     * @param evaluation the final held-out evaluation of the learned policy
     * @param baselines  the non-learning schemes on the same held-out episodes (empty if not asked)
     */
    public record Result(long envSteps, long updates, long episodes, long stepsHere, long updatesHere, Timing timing,
                         EvaluationResult evaluation, List<EvaluationResult> baselines) {
    }

    private final Options options;

    public TrainingRun(Options options) {
        this.options = options;
    }

    public Result run() {
        Options o = options;
        long started = System.nanoTime();
        LearnerConfig.Training tr = o.config().training();
        LearnerConfig.Evaluation ev = o.config().evaluation();
        ThzNetworkEnv env = new ThzNetworkEnv(o.scenario(), Seeds.trainingEnvironment(o.seed()));
        ThzNetworkEnv evalEnv = HeldOut.environment(o.scenario(), o.seed(), ev.seedOffset());
        EnvInfo info = env.info();
        EpisodeRunner runner = new EpisodeRunner(env);
        long exportNanos = 0;
        long updateNanos = 0;
        long evalNanos = 0;
        long checkpointNanos = 0;
        try (ActorCriticLearner learner = new ActorCriticLearner(o.algorithm(), o.config(), info, env.graph(),
                Seeds.initialisation(o.seed()))) {
            long episodes = 0;
            long envSteps = 0;
            Path checkpointFile = o.out().resolve(Checkpoint.FILE);
            if (o.resume()) {
                ObjectNode run = (ObjectNode) readJson(o.out().resolve(RUN_JSON));
                if (!o.algorithm().name().equals(run.path("algorithm").asText()) || o.seed() != run.path("seed").asLong()) {
                    throw new IllegalArgumentException(o.out() + " holds a run of " + run.path("algorithm").asText()
                            + " with seed " + run.path("seed").asLong() + "; --resume needs the same --algo and --seed");
                }
                Checkpoint checkpoint = Checkpoint.read(checkpointFile);
                learner.restore(checkpoint);
                episodes = checkpoint.header().path("episodes").asLong();
                envSteps = checkpoint.header().path("envSteps").asLong();
                keepRows(o.out().resolve(METRICS_CSV), 0, episodes);
                keepRows(o.out().resolve(EVALUATIONS_CSV), 1, learner.updates() + 1);
                o.log().printf(Locale.ROOT, "resuming %s from %s: %d env steps, %d episodes, %d updates done%n",
                        o.algorithm().name(), checkpointFile, envSteps, episodes, learner.updates());
            } else {
                if (Files.exists(checkpointFile)) {
                    throw new IllegalArgumentException(o.out() + " already holds a run (" + Checkpoint.FILE
                            + "): pass --resume to continue it, or choose another --out");
                }
                createRunFiles(info);
            }
            o.log().printf(Locale.ROOT, "effective seed %d (environment master seed %d, evaluation master seed %d); "
                            + "%s on %s: M=%d J=%d K_m=%d, %d slots per episode, %d episodes per update%n",
                    o.seed(), env.seed(), evalEnv.seed(), o.algorithm().name(), o.scenarioSource(), info.aps(),
                    info.rises(), info.usersPerAp(), info.episodeSlots(), tr.episodesPerUpdate());
            long stepsAtStart = envSteps;
            long updatesAtStart = learner.updates();
            long interval = ev.intervalSteps();
            long nextEval = interval > 0 ? (envSteps / interval + 1) * interval : Long.MAX_VALUE;
            Progress progress = new Progress(o.log(), o.terminal(), o.steps(), envSteps);
            EvaluationResult last = null;
            long lastEvalSteps = -1;
            while (envSteps < o.steps()) {
                long t0 = System.nanoTime();
                PolicyNetwork policy = PolicyNetwork.of(learner.policy());
                exportNanos += System.nanoTime() - t0;
                List<Episode> batch = new ArrayList<>(tr.episodesPerUpdate());
                for (int i = 0; i < tr.episodesPerUpdate(); i++) {
                    batch.add(runner.run(policy, episodes + i, Seeds.trainingActions(o.seed(), episodes + i)));
                }
                long t1 = System.nanoTime();
                UpdateStats stats = learner.train(batch);
                updateNanos += System.nanoTime() - t1;
                StringBuilder rows = new StringBuilder();
                double lastReward = 0;
                double lastEe = 0;
                for (Episode e : batch) {
                    envSteps += e.length();
                    double[] mean = means(e);
                    lastReward = mean[0];
                    lastEe = mean[1];
                    rows.append(String.format(Locale.ROOT, "%d,%d,%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.3f%n",
                            e.index(), envSteps, learner.updates(), mean[0], mean[1], mean[2], mean[3], mean[4], mean[5],
                            mean[6], stats.policyLoss(), stats.criticLoss(), stats.entropy(), stats.gradNorm(),
                            (System.nanoTime() - started) / 1e9));
                }
                episodes += batch.size();
                append(o.out().resolve(METRICS_CSV), rows.toString());
                progress.update(envSteps, episodes, lastReward, lastEe);
                if (envSteps >= nextEval || envSteps >= o.steps()) {
                    long t2 = System.nanoTime();
                    last = evaluate(learner, evalEnv, envSteps);
                    lastEvalSteps = envSteps;
                    evalNanos += System.nanoTime() - t2;
                    while (nextEval <= envSteps) {
                        nextEval += interval;
                    }
                }
                if (learner.updates() % tr.checkpointIntervalUpdates() == 0 || envSteps >= o.steps()) {
                    long t3 = System.nanoTime();
                    writeCheckpoint(learner, checkpointFile, envSteps, episodes);
                    checkpointNanos += System.nanoTime() - t3;
                }
            }
            progress.finish();
            if (last == null || lastEvalSteps != envSteps) {
                long t2 = System.nanoTime();
                last = evaluate(learner, evalEnv, envSteps);
                evalNanos += System.nanoTime() - t2;
            }
            WeightBlob blob = learner.policy();
            write(o.out().resolve(POLICY_BLOB), blob.toBytes());
            List<EvaluationResult> baselines = new ArrayList<>();
            if (o.baselines()) {
                long t2 = System.nanoTime();
                for (String name : Baselines.REGISTRY.keySet()) {
                    baselines.add(HeldOut.run(evalEnv, Baselines.create(name, info), ev.episodes()));
                }
                evalNanos += System.nanoTime() - t2;
            }
            double total = (System.nanoTime() - started) / 1e9;
            Timing timing = new Timing(runner.policyNanos() / 1e9, runner.envNanos() / 1e9, updateNanos / 1e9,
                    exportNanos / 1e9, evalNanos / 1e9, checkpointNanos / 1e9, total);
            Result result = new Result(envSteps, learner.updates(), episodes, envSteps - stepsAtStart,
                    learner.updates() - updatesAtStart, timing, last, baselines);
            RunReport.write(o, result, learner, env);
            o.log().printf(Locale.ROOT, "done: %d env steps, %d updates in %s; held-out reward %s, EE %s Gbit/J; %s%n",
                    envSteps, learner.updates(), Progress.duration((long) total),
                    HeldOut.meanStd(last, io.thz.core.env.Evaluation.EpisodeSummary::reward),
                    HeldOut.meanStd(last, io.thz.core.env.Evaluation.EpisodeSummary::eeGbitPerJoule), o.out().resolve(SUMMARY_MD));
            return result;
        }
    }

    private EvaluationResult evaluate(ActorCriticLearner learner, ThzNetworkEnv evalEnv, long envSteps) {
        LearnerConfig.Evaluation ev = options.config().evaluation();
        LearnedPolicy greedy = new LearnedPolicy(PolicyNetwork.of(learner.policy()), evalEnv.graph(),
                evalEnv.info().pmaxW(), true);
        EvaluationResult e = HeldOut.run(evalEnv, greedy, ev.episodes());
        append(options.out().resolve(EVALUATIONS_CSV), String.format(Locale.ROOT,
                "%d,%d,%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g%n", envSteps, learner.updates(), e.episodes(),
                e.reward(), HeldOut.std(e, io.thz.core.env.Evaluation.EpisodeSummary::reward), e.eeGbitPerJoule(),
                e.spectralEfficiencyBpsHz(), e.sumRateGbps(), e.powerW(), e.rateViolationGbps(), e.seReliability(),
                e.iotReliability()));
        return e;
    }

    private void writeCheckpoint(ActorCriticLearner learner, Path file, long envSteps, long episodes) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        extra.put("envSteps", envSteps);
        extra.put("episodes", episodes);
        learner.checkpoint(extra).write(file);
    }

    private void createRunFiles(EnvInfo info) {
        Options o = options;
        try {
            Files.createDirectories(o.out());
            ObjectNode run = JsonNodeFactory.instance.objectNode();
            run.put("algorithm", o.algorithm().name());
            run.put("scenario", o.scenarioSource());
            run.put("seed", o.seed());
            run.put("steps", o.steps());
            run.set("config", JSON.valueToTree(o.config()));
            run.put("stateDim", info.stateDim());
            Files.writeString(o.out().resolve(RUN_JSON), JSON.writeValueAsString(run));
            Files.writeString(o.out().resolve(SCENARIO_JSON), JSON.writeValueAsString(o.scenarioTree()));
            Files.writeString(o.out().resolve(METRICS_CSV), METRICS_HEADER + "\n");
            Files.writeString(o.out().resolve(EVALUATIONS_CSV), EVALUATIONS_HEADER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + o.out(), e);
        }
    }

    /** Per-episode means: reward, EE, sum rate, power, violation, SE and IoT reliability. */
    static double[] means(Episode e) {
        double[] m = new double[7];
        for (SlotMetrics s : e.metrics()) {
            m[0] += s.reward();
            m[1] += s.eeGbitPerJoule();
            m[2] += s.sumRateGbps();
            m[3] += s.powerW();
            m[4] += s.rateViolationGbps();
            m[5] += s.seQueueOk();
            m[6] += s.iotQueueOk();
        }
        for (int i = 0; i < m.length; i++) {
            m[i] /= e.length();
        }
        return m;
    }

    /** Keeps the header and the rows whose column {@code column} is below {@code limit} (resume after a crash). */
    private static void keepRows(Path csv, int column, long limit) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            StringBuilder kept = new StringBuilder(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank() && Long.parseLong(line.split(",")[column]) < limit) {
                    kept.append(line).append('\n');
                }
            }
            Files.writeString(csv, kept.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The information each algorithm's agents send per slot on this environment's graph. */
    static List<String[]> exchangeRows(EnvInfo info, io.thz.core.graph.AgentGraph graph, LearnerConfig.Network net) {
        List<String[]> rows = new ArrayList<>();
        for (String name : Algorithms.names()) {
            Algorithm a = Algorithms.get(name);
            PolicyShape shape = info.policyShape(name, a.actorInput(), a.localCritics(), net.layers(), net.embedding(),
                    net.mlpHidden(), net.hidden(), net.gru());
            ExchangeCost cost = ExchangeCost.of(shape, graph);
            long apMax = 0;
            for (long f : cost.apFloats()) {
                apMax = Math.max(apMax, f);
            }
            long risMax = 0;
            for (long f : cost.risFloats()) {
                risMax = Math.max(risMax, f);
            }
            rows.add(new String[] {name, Long.toString(apMax), Long.toString(risMax), Long.toString(cost.totalFloats()),
                Long.toString(cost.totalBytes())});
        }
        return rows;
    }
}

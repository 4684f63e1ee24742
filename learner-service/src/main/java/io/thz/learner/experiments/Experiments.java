package io.thz.learner.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thz.core.baseline.Baselines;
import io.thz.core.env.EvaluationResult;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.learner.components.Checkpoint;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.learners.Algorithms;
import io.thz.learner.runners.HeldOut;
import io.thz.learner.runners.Progress;
import io.thz.learner.runners.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the configurations of some figures and writes their results: each learned configuration is
 * trained by {@link TrainingRun} (what {@code ./thz train} runs) and evaluated on held-out episodes
 * by {@link HeldOut} (what {@code ./thz evaluate} runs); each baseline is only evaluated, on the
 * same held-out episodes. Layout of the output directory:
 * <ul>
 *   <li>{@code runs/<key>/seed-<s>/}: the run directory of one configuration and seed, and its
 *       {@code result.json} once finished (finished configurations are skipped: shared by figures,
 *       kept across invocations);</li>
 *   <li>{@code <figure>.csv}, {@code <figure>-*.png}, {@code sections/<figure>.md};</li>
 *   <li>{@code report.md}: every figure section present, with the settings.</li>
 * </ul>
 */
public final class Experiments {

    /** Held-out evaluations per learning curve (the interval is steps / this). */
    public static final int CURVE_POINTS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param steps          environment steps each learned configuration trains for
     * @param seeds          run seeds; each configuration runs once per seed
     * @param out            output directory
     * @param resume         continue unfinished runs from their checkpoints (finished ones are always reused)
     * @param config         learner configuration of every learned configuration
     * @param log            progress and messages (stderr)
     * @param terminal       redraw progress bars in place
     * @param command        the command line, for the report
     */
    public record Options(long steps, List<Long> seeds, Path out, boolean resume, LearnerConfig config,
                          PrintStream log, boolean terminal, String command) {

        public Options {
            seeds = List.copyOf(seeds);
            if (steps <= 0) {
                throw new IllegalArgumentException("--steps=" + steps + " must be positive");
            }
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("--seeds: give at least one seed");
            }
        }
    }

    /** A configuration to run: its key and validated scenario. */
    private record Task(Configuration configuration, String key, Scenario scenario, JsonNode tree) {
    }

    private final Options options;

    public Experiments(Options options) {
        this.options = options;
    }

    /** Learner overrides that give every learned run {@link #CURVE_POINTS} held-out evaluations. */
    public static Map<String, String> curveOverrides(long steps) {
        return Map.of("evaluation.intervalSteps", Long.toString(Math.max(1, steps / CURVE_POINTS)));
    }

    /**
     * Runs (or reuses) every configuration of the figures, then writes their CSVs, PNGs, sections
     * and the report.
     *
     * @return the results of each figure
     */
    public Map<Figure, Figure.Results> run(List<Figure> figures) {
        long started = System.nanoTime();
        Map<String, Task> tasks = new LinkedHashMap<>();
        Map<Figure, Map<Figure.Point, String>> keys = new LinkedHashMap<>();
        for (Figure f : figures) {
            Map<Figure.Point, String> k = new LinkedHashMap<>();
            for (Figure.Point p : f.points()) {
                Task t = task(p.configuration());
                tasks.putIfAbsent(t.key(), t);
                k.put(p, t.key());
            }
            keys.put(f, k);
        }
        try {
            Files.createDirectories(options.out().resolve("runs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.out(), e);
        }
        Map<String, RunResult> results = runAll(new ArrayList<>(tasks.values()));
        Map<Figure, Figure.Results> byFigure = new LinkedHashMap<>();
        for (Figure f : figures) {
            Map<Figure.Point, List<RunResult>> byPoint = new LinkedHashMap<>();
            keys.get(f).forEach((p, key) -> {
                List<RunResult> rs = new ArrayList<>();
                for (long seed : options.seeds()) {
                    rs.add(results.get(key + "/" + seed));
                }
                byPoint.put(p, rs);
            });
            Figure.Results r = new Figure.Results(byPoint, f.xName());
            byFigure.put(f, r);
            FigureOutput.write(f, r, options);
            options.log().printf(Locale.ROOT, "experiments: %s written (%s.csv, %s, sections/%s.md)%n", f.name(), f.name(),
                    f.name() + "-*.png", f.name());
        }
        Report.write(options.out(), options, (System.nanoTime() - started) / 1e9);
        options.log().printf(Locale.ROOT, "experiments: done in %s; report: %s%n",
                Progress.duration((long) ((System.nanoTime() - started) / 1e9)), options.out().resolve(Report.FILE));
        return byFigure;
    }

    private Task task(Configuration c) {
        ScenarioLoader.Builder builder = c.scenario();
        Scenario scenario = builder.build();
        JsonNode tree = builder.tree();
        JsonNode net = tree.path("network");
        int users = net.path("aps").asInt() * (net.path("seUsersPerAp").asInt() + net.path("iotUsersPerAp").asInt());
        String fingerprint;
        try {
            fingerprint = c.scheme() + "\n" + JSON.writeValueAsString(tree) + "\n" + (c.learned()
                    ? JSON.writeValueAsString(options.config()) + "\nsteps=" + options.steps()
                    : JSON.writeValueAsString(options.config().evaluation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = String.format(Locale.ROOT, "%s-J%d-b%d-NA%d-K%d-%s", c.scheme(), net.path("rises").asInt(),
                net.path("risBits").asInt(), net.path("antennas").asInt(), users, hash(fingerprint));
        return new Task(c, key, scenario, tree);
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Relative cost of a task, for the ETA: environment steps, weighted by the algorithm's cost per step. */
    private double weight(Task t) {
        if (!t.configuration().learned()) {
            return 0.3 * options.config().evaluation().episodes() * t.scenario().slotsPerEpisode();
        }
        double perStep = t.configuration().scheme().equals("ie-vdac") ? 3.0 : 1.0;
        double evaluations = 0.3 * CURVE_POINTS * options.config().evaluation().episodes() * t.scenario().slotsPerEpisode();
        return perStep * options.steps() + evaluations;
    }

    private Map<String, RunResult> runAll(List<Task> tasks) {
        Map<String, RunResult> results = new LinkedHashMap<>();
        int total = tasks.size() * options.seeds().size();
        double totalWeight = 0;
        List<Object[]> todo = new ArrayList<>();
        for (Task t : tasks) {
            for (long seed : options.seeds()) {
                Path dir = runDir(t, seed);
                if (Files.isRegularFile(dir.resolve(RunResult.FILE))) {
                    results.put(t.key() + "/" + seed, RunResult.read(dir));
                } else {
                    if (Files.exists(dir.resolve(TrainingRun.RUN_JSON)) && !options.resume()) {
                        throw new IllegalArgumentException(dir + " holds an unfinished run: pass --resume to continue it "
                                + "(or delete that directory)");
                    }
                    todo.add(new Object[] {t, seed});
                    totalWeight += weight(t);
                }
            }
        }
        options.log().printf(Locale.ROOT, "experiments: %d configurations x %d seeds = %d runs; %d finished earlier "
                        + "(reused), %d to run; %d steps each; output %s%n", tasks.size(), options.seeds().size(), total,
                total - todo.size(), todo.size(), options.steps(), options.out());
        long started = System.nanoTime();
        double doneWeight = 0;
        int index = 0;
        for (Object[] item : todo) {
            Task t = (Task) item[0];
            long seed = (Long) item[1];
            index++;
            double elapsed = (System.nanoTime() - started) / 1e9;
            String eta = doneWeight > 0 ? Progress.duration((long) (elapsed / doneWeight * (totalWeight - doneWeight)))
                    : "unknown";
            options.log().printf(Locale.ROOT, "%n== experiments [%d/%d, %.0f %% of the work, elapsed %s, ETA %s] %s: %s "
                            + "on %s, seed %d%n", index, todo.size(), 100 * doneWeight / totalWeight,
                    Progress.duration((long) elapsed), eta, t.key(), t.configuration().learned()
                            ? "training " + options.steps() + " steps" : "evaluating", t.configuration().scenarioSource(),
                    seed);
            RunResult r = t.configuration().learned() ? train(t, seed) : evaluate(t, seed);
            results.put(t.key() + "/" + seed, r);
            doneWeight += weight(t);
        }
        return results;
    }

    private Path runDir(Task t, long seed) {
        return options.out().resolve("runs").resolve(t.key()).resolve("seed-" + seed);
    }

    private RunResult train(Task t, long seed) {
        Path dir = runDir(t, seed);
        boolean resume = options.resume() && Files.isRegularFile(dir.resolve(Checkpoint.FILE));
        TrainingRun.Result r = new TrainingRun(new TrainingRun.Options(Algorithms.get(t.configuration().scheme()),
                t.scenario(), t.tree(), t.configuration().scenarioSource(), options.config(), options.steps(), seed, dir,
                resume, options.log(), options.terminal(), false)).run();
        long exchange = 0;
        try (ThzNetworkEnv probe = new ThzNetworkEnv(t.scenario(), 0)) {
            for (String[] row : TrainingRun.exchangeRows(probe.info(), probe.graph(), options.config().network())) {
                if (row[0].equals(t.configuration().scheme())) {
                    exchange = Long.parseLong(row[3]);
                }
            }
        }
        TrainingRun.Timing tm = r.timing();
        RunResult result = result(t, seed, r.envSteps(), RunResult.Metrics.of(r.evaluation()), curve(dir),
                tm.policy() + tm.env() + tm.update() + tm.export(), r.stepsHere(), tm.total(), exchange);
        result.write(dir);
        return result;
    }

    private RunResult evaluate(Task t, long seed) {
        Path dir = runDir(t, seed);
        long started = System.nanoTime();
        LearnerConfig.Evaluation ev = options.config().evaluation();
        EvaluationResult e;
        try (ThzNetworkEnv env = HeldOut.environment(t.scenario(), seed, ev.seedOffset())) {
            e = HeldOut.run(env, Baselines.create(t.configuration().scheme(), env.info()), ev.episodes());
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot create " + dir, x);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        options.log().printf(Locale.ROOT, "%s: %d held-out episodes in %.1f s; reward %s, EE %s Gbit/J%n",
                t.configuration().scheme(), e.episodes(), wall,
                HeldOut.meanStd(e, io.thz.core.env.Evaluation.EpisodeSummary::reward),
                HeldOut.meanStd(e, io.thz.core.env.Evaluation.EpisodeSummary::eeGbitPerJoule));
        RunResult result = result(t, seed, 0, RunResult.Metrics.of(e), List.of(), 0, 0, wall, 0);
        result.write(dir);
        return result;
    }

    private static RunResult result(Task t, long seed, long trained, RunResult.Metrics m, List<RunResult.CurvePoint> curve,
                                    double trainSeconds, long stepsHere, double wall, long exchange) {
        JsonNode net = t.tree().path("network");
        int users = net.path("aps").asInt() * (net.path("seUsersPerAp").asInt() + net.path("iotUsersPerAp").asInt());
        return new RunResult(t.key(), t.configuration().scheme(), t.configuration().learned(),
                t.configuration().scenarioSource(), seed, trained, users, net.path("rises").asInt(),
                net.path("risBits").asInt(), net.path("antennas").asInt(), m, curve, trainSeconds, stepsHere, wall,
                exchange);
    }

    /** The held-out evaluations of a run directory's {@code evaluations.csv}. */
    private static List<RunResult.CurvePoint> curve(Path dir) {
        List<RunResult.CurvePoint> points = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(dir.resolve(TrainingRun.EVALUATIONS_CSV));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                points.add(new RunResult.CurvePoint(Long.parseLong(f[0]), new RunResult.Metrics(Integer.parseInt(f[2]),
                        d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]), d(f[11]))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(TrainingRun.EVALUATIONS_CSV), e);
        }
        return points;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}

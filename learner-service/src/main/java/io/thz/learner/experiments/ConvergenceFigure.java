package io.thz.learner.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paper Fig. 4: convergence of the held-out (test) reward against training steps for GE-VDAC,
 * IE-VDAC, VDAC and the central critic at several RIS counts J, and each algorithm's training time
 * and information exchange.
 */
final class ConvergenceFigure extends Figure {

    static final String GE = "ge-vdac";
    static final String IE = "ie-vdac";
    static final String VDAC = "vdac";
    static final String CENTRAL = "central-critic";

    private final String baseScenario;
    private final List<Integer> rises;
    private final List<String> algorithms;

    ConvergenceFigure(String name, String baseScenario, List<Integer> rises, List<String> algorithms) {
        super(name, "Fig. 4, convergence, training time and information exchange");
        this.baseScenario = baseScenario;
        this.rises = List.copyOf(rises);
        this.algorithms = List.copyOf(algorithms);
    }

    @Override
    public String description() {
        return "Paper Fig. 4: convergence of the test reward of " + String.join(", ", algorithms) + " (K = 24, N_A = 64, "
                + "b = 1; the paper trains 150 000 steps), for J = " + rises + ", and the training time and information "
                + "exchange of each. Test reward: mean reward (35) per slot of the greedy policy on held-out episodes. "
                + "Scenario: bundled `" + baseScenario + "` with `network.rises` = " + rises + ".";
    }

    @Override
    String xName() {
        return "J";
    }

    @Override
    String xLabel() {
        return "RISs J";
    }

    @Override
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (String a : algorithms) {
            for (int j : rises) {
                points.add(new Point(a, j, new Configuration(a, baseScenario, Map.of("network.rises", Integer.toString(j)))));
            }
        }
        return points;
    }

    @Override
    List<Metric> metrics() {
        return List.of(new Metric("final test reward per slot", "final-reward", r -> r.evaluation().reward()),
                new Metric("training time (s, evaluations excluded)", "training-time", RunResult::trainingTimeSeconds),
                new Metric("training throughput (env steps/s)", "throughput", RunResult::stepsPerSecond),
                new Metric("information exchange (floats per slot, all agents)", "exchange", r -> r.exchangeFloats()),
                new Metric("mean test reward over the curve (learning speed)", "curve-mean", ConvergenceFigure::curveMean));
    }

    /** Mean of the held-out reward over the training curve: higher when learning is faster. */
    static double curveMean(RunResult r) {
        return r.curve().stream().mapToDouble(p -> p.metrics().reward()).average().orElse(Double.NaN);
    }

    @Override
    List<String> plots(Results results, Path dir) {
        List<String> files = new ArrayList<>();
        for (double j : results.xs()) {
            List<Charts.Series> lines = new ArrayList<>();
            for (String a : results.series()) {
                TreeMap<Long, List<Double>> bySteps = new TreeMap<>();
                for (RunResult r : results.at(a, j)) {
                    for (RunResult.CurvePoint p : r.curve()) {
                        bySteps.computeIfAbsent(p.envSteps(), k -> new ArrayList<>()).add(p.metrics().reward());
                    }
                }
                List<Charts.Point> pts = new ArrayList<>();
                bySteps.forEach((steps, values) -> pts.add(new Charts.Point(steps,
                        values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                        values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                        values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN))));
                lines.add(new Charts.Series(a, false, pts));
            }
            String file = name() + "-convergence-J" + number(j) + ".png";
            Charts.lines(dir.resolve(file), "Fig. 4: test reward, J = " + number(j), "training steps",
                    "test reward per slot", lines);
            files.add(file);
        }
        for (Metric m : metrics()) {
            if (m.file().equals("training-time") || m.file().equals("exchange")) {
                List<Charts.Series> lines = new ArrayList<>();
                for (String a : results.series()) {
                    lines.add(results.line(a, false, m.value()));
                }
                String file = name() + "-" + m.file() + ".png";
                Charts.lines(dir.resolve(file), "Fig. 4: " + m.label(), xLabel(), m.label(), lines);
                files.add(file);
            }
        }
        return files;
    }

    @Override
    String extraMarkdown(Results results) {
        StringBuilder md = new StringBuilder();
        md.append("Training time extrapolated to the paper's 150 000 steps at the measured throughput (s): ");
        List<String> parts = new ArrayList<>();
        for (String a : results.series()) {
            for (double j : results.xs(a)) {
                parts.add(String.format(Locale.ROOT, "%s J=%s %.0f", a, number(j),
                        150_000 / results.mean(a, j, RunResult::stepsPerSecond)));
            }
        }
        md.append(String.join("; ", parts)).append(".\n");
        return md.toString();
    }

    @Override
    List<Claim> claims(Results r) {
        List<Claim> claims = new ArrayList<>();
        java.util.function.ToDoubleFunction<RunResult> reward = x -> x.evaluation().reward();
        for (String a : List.of(GE, IE, VDAC)) {
            claims.add(extreme("Value decomposition beats the central critic: " + a + " ends with a higher test reward",
                    r, a, List.of(CENTRAL), reward, true));
        }
        claims.add(extreme("VDAC needs the least training time", r, VDAC, algorithms, RunResult::trainingTimeSeconds,
                false));
        claims.add(extreme("VDAC ends with a lower test reward than IE-VDAC and GE-VDAC", r, VDAC, List.of(IE, GE), reward,
                false));
        claims.add(extreme("GE-VDAC ends with the highest test reward", r, GE, algorithms, reward, true));
        claims.add(extreme("GE-VDAC learns fastest (highest mean test reward over the curve)", r, GE, algorithms,
                ConvergenceFigure::curveMean, true));
        claims.add(gapGrows(r, "GE-VDAC's reward lead over the best other algorithm grows with J", reward, true));
        claims.add(extreme("GE-VDAC exchanges less information than IE-VDAC", r, GE, List.of(IE),
                RunResult::exchangeFloats, false));
        claims.add(extreme("GE-VDAC trains faster than IE-VDAC", r, GE, List.of(IE), RunResult::trainingTimeSeconds,
                false));
        claims.add(gapGrows(r, "IE-VDAC's extra training time over GE-VDAC grows with J",
                RunResult::trainingTimeSeconds, false));
        return claims;
    }

    /**
     * Gap of GE-VDAC to the best other algorithm (reward: GE minus best other) or of IE-VDAC over
     * GE-VDAC (time: IE minus GE) along J; each consecutive J pair is one comparison.
     */
    private Claim gapGrows(Results r, String statement, java.util.function.ToDoubleFunction<RunResult> f,
                           boolean rewardLead) {
        int ok = 0;
        int total = 0;
        double prev = Double.NaN;
        StringBuilder ev = new StringBuilder();
        for (double j : r.xs(GE)) {
            double gap;
            if (rewardLead) {
                double best = Double.NEGATIVE_INFINITY;
                for (String a : algorithms) {
                    if (!a.equals(GE) && r.has(a, j)) {
                        best = Math.max(best, r.mean(a, j, f));
                    }
                }
                if (best == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                gap = r.mean(GE, j, f) - best;
            } else {
                if (!r.has(IE, j)) {
                    continue;
                }
                gap = r.mean(IE, j, f) - r.mean(GE, j, f);
            }
            ev.append(ev.length() > 0 ? " → " : "").append(r.at(j)).append(": ").append(f(gap));
            if (!Double.isNaN(prev)) {
                total++;
                ok += gap > prev ? 1 : 0;
            }
            prev = gap;
        }
        return new Claim(statement, ok, total, ev.toString());
    }
}

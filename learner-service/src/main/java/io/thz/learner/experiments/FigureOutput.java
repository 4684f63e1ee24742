package io.thz.learner.experiments;

import io.thz.learner.runners.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A figure's files: {@code <figure>.csv}, its PNGs and {@code sections/<figure>.md}. */
final class FigureOutput {

    static final String SECTIONS = "sections";

    static final String CSV_HEADER = "figure,series,x_name,x,configuration,scheme,scenario,seed,kind,env_steps,episodes,"
            + "reward,reward_std,ee_gbit_per_j,spectral_efficiency_bps_hz,sum_rate_gbps,power_w,violation_gbps,"
            + "se_reliability,iot_reliability,trained_steps,training_time_s,steps_per_s,exchange_floats_per_slot,wall_s";

    private FigureOutput() {
    }

    static void write(Figure f, Figure.Results r, Experiments.Options o) {
        try {
            Files.createDirectories(o.out().resolve(SECTIONS));
            Files.writeString(o.out().resolve(f.name() + ".csv"), csv(f, r));
            List<String> pngs = f.plots(r, o.out());
            Files.writeString(o.out().resolve(SECTIONS).resolve(f.name() + ".md"), section(f, r, pngs, o));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the files of " + f.name() + " in " + o.out(), e);
        }
    }

    /** One row per point and seed for the final evaluation ("final"), and one per learning-curve point ("curve"). */
    static String csv(Figure f, Figure.Results r) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Map.Entry<Figure.Point, List<RunResult>> e : r.byPoint().entrySet()) {
            Figure.Point p = e.getKey();
            for (RunResult res : e.getValue()) {
                String head = String.join(",", f.name(), quote(p.series()), f.xName(), Figure.number(p.x()), res.key(),
                        res.scheme(), quote(res.scenario()), Long.toString(res.seed()));
                String tail = String.format(Locale.ROOT, "%d,%.6g,%.6g,%d,%.3f", res.trainedSteps(),
                        res.trainingTimeSeconds(), res.stepsPerSecond(), res.exchangeFloats(), res.wallSeconds());
                csv.append(head).append(",final,").append(res.trainedSteps()).append(',')
                        .append(metrics(res.evaluation())).append(',').append(tail).append('\n');
                for (RunResult.CurvePoint c : res.curve()) {
                    csv.append(head).append(",curve,").append(c.envSteps()).append(',').append(metrics(c.metrics()))
                            .append(',').append(tail).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static String metrics(RunResult.Metrics m) {
        return String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g", m.episodes(), m.reward(),
                m.rewardStd(), m.eeGbitPerJoule(), m.spectralEfficiencyBpsHz(), m.sumRateGbps(), m.powerW(),
                m.rateViolationGbps(), m.seReliability(), m.iotReliability());
    }

    /** How large a difference must be before it means something: the held-out reward's episode-to-episode spread. */
    static String noise(Figure.Results r, int episodes) {
        double sum = 0;
        int n = 0;
        for (List<RunResult> rs : r.byPoint().values()) {
            for (RunResult x : rs) {
                sum += x.evaluation().rewardStd();
                n++;
            }
        }
        double std = n > 0 ? sum / n : Double.NaN;
        return String.format(Locale.ROOT, "Noise: the held-out reward per slot varies between episodes with a standard "
                + "deviation of about %.3g (mean over these runs), so the standard error of a mean over %d episodes is "
                + "about %.3g. Every configuration of one seed is evaluated on the same held-out episodes (same user "
                + "drops, channels, blockers and traffic), so differences between configurations are paired and less "
                + "noisy than that; still, read differences well below it as possibly chance.%n%n", std, episodes,
                std / Math.sqrt(episodes));
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String section(Figure f, Figure.Results r, List<String> pngs, Experiments.Options o) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(f.title()).append(" (`").append(f.name()).append("`)\n\n");
        md.append(f.description()).append("\n\n");
        Set<String> seen = new HashSet<>();
        double machine = 0;
        double fullScale = 0;
        int learned = 0;
        for (List<RunResult> rs : r.byPoint().values()) {
            for (RunResult x : rs) {
                if (seen.add(x.key() + "/" + x.seed())) {
                    machine += x.wallSeconds();
                    if (x.learned()) {
                        learned++;
                        fullScale += 150_000 / x.stepsPerSecond();
                    }
                }
            }
        }
        md.append(String.format(Locale.ROOT, "Budget: %d training steps per learned configuration (rounded up to whole "
                        + "updates), seeds %s, %d held-out episodes per evaluation; %d configurations, %d runs "
                        + "(%d trained); machine time of these runs %s (wall clock, evaluations included; 2-core machine "
                        + "shared with other jobs). At the paper's 150 000 steps the training alone would take about %s "
                        + "at the measured throughputs.%n%n", o.steps(), o.seeds(), o.config().evaluation().episodes(),
                r.byPoint().size(), seen.size(), learned, Progress.duration((long) machine),
                Progress.duration((long) fullScale)));
        for (String png : pngs) {
            md.append("![").append(png).append("](").append(png).append(")\n\n");
        }
        for (Figure.Metric m : f.metrics()) {
            md.append(Figure.table(r, f.xName(), m)).append('\n');
        }
        md.append(noise(r, o.config().evaluation().episodes()));
        if (r.seeds() > 1) {
            md.append("Cells: mean over seeds [minimum, maximum]; plots: the same as bars.\n\n");
        }
        String extra = f.extraMarkdown(r);
        if (!extra.isEmpty()) {
            md.append(extra).append('\n');
        }
        md.append("### The paper's claims at this budget\n\n| claim | verdict | evidence (means over seeds) |\n|---|---|---|\n");
        for (Figure.Claim c : f.claims(r)) {
            md.append("| ").append(c.statement()).append(" | ").append(c.verdict()).append(" | ")
                    .append(c.evidence().isEmpty() ? "-" : c.evidence()).append(" |\n");
        }
        md.append("\n### Configurations\n\n| series | ").append(f.xName())
                .append(" | run directory (`runs/...`) | scenario | seeds | wall s per seed |\n|---|---:|---|---|---|---|\n");
        for (Map.Entry<Figure.Point, List<RunResult>> e : r.byPoint().entrySet()) {
            Figure.Point p = e.getKey();
            List<RunResult> rs = e.getValue();
            md.append("| ").append(p.series()).append(" | ").append(Figure.number(p.x())).append(" | `")
                    .append(rs.get(0).key()).append("` | `").append(p.configuration().scenarioSource()).append("` | ")
                    .append(rs.stream().map(x -> Long.toString(x.seed())).toList()).append(" | ")
                    .append(String.join(", ", rs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x.wallSeconds()))
                            .toList())).append(" |\n");
        }
        md.append('\n');
        return md.toString();
    }
}

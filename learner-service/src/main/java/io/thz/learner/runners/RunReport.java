package io.thz.learner.runners;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.learner.learners.ActorCriticLearner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run directory's learning-curve PNG and summary markdown. */
final class RunReport {

    private RunReport() {
    }

    static void write(TrainingRun.Options o, TrainingRun.Result r, ActorCriticLearner learner, ThzNetworkEnv env) {
        try {
            List<Long> steps = new ArrayList<>();
            List<Double> reward = new ArrayList<>();
            List<Double> ee = new ArrayList<>();
            List<String> lines = Files.readAllLines(o.out().resolve(TrainingRun.METRICS_CSV));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                steps.add(Long.parseLong(f[1]));
                reward.add(Double.parseDouble(f[3]));
                ee.add(Double.parseDouble(f[4]));
            }
            List<Long> evalSteps = new ArrayList<>();
            List<Double> evalReward = new ArrayList<>();
            List<Double> evalEe = new ArrayList<>();
            List<String> evals = Files.readAllLines(o.out().resolve(TrainingRun.EVALUATIONS_CSV));
            for (String line : evals.subList(1, evals.size())) {
                String[] f = line.split(",");
                evalSteps.add(Long.parseLong(f[0]));
                evalReward.add(Double.parseDouble(f[3]));
                evalEe.add(Double.parseDouble(f[5]));
            }
            int window = Math.max(1, Math.min(50, steps.size() / 10));
            LearningCurves.write(o.out().resolve(TrainingRun.CURVE_PNG), o.algorithm().name() + " on "
                    + o.scenarioSource(), steps, reward, ee, evalSteps, evalReward, evalEe, window);
            Files.writeString(o.out().resolve(TrainingRun.SUMMARY_MD), markdown(o, r, learner, env));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + o.out(), e);
        }
    }

    private static String markdown(TrainingRun.Options o, TrainingRun.Result r, ActorCriticLearner learner,
                                   ThzNetworkEnv env) {
        EnvInfo info = env.info();
        TrainingRun.Timing t = r.timing();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(o.algorithm().name()).append(" on ").append(o.scenarioSource()).append("\n\n");
        md.append(o.algorithm().description()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "- effective seed: %d; M = %d APs, J = %d RISs, K_m = %d users per AP, "
                        + "L = %d elements, T = %d slots per episode%n", o.seed(), info.aps(), info.rises(),
                info.usersPerAp(), info.risElements(), info.episodeSlots()));
        md.append(String.format(Locale.ROOT, "- trained: %d environment steps, %d episodes, %d updates "
                + "(%d episodes per update)%n", r.envSteps(), r.episodes(), r.updates(),
                o.config().training().episodesPerUpdate()));
        md.append(String.format(Locale.ROOT, "- this process: %d steps and %d updates in %s: %.1f env steps/s, "
                        + "%.3f updates/s%n", r.stepsHere(), r.updatesHere(), Progress.duration((long) t.total()),
                r.stepsHere() / t.total(), r.updatesHere() / t.total()));
        long params = 0;
        for (var p : learner.parameters().values()) {
            params += p.getArray().size();
        }
        long actorParams = 0;
        for (var p : learner.agents().namedParameters().values()) {
            actorParams += p.getArray().size();
        }
        md.append(String.format(Locale.ROOT, "- parameters: %d trainable, of which %d in the published actors "
                + "(global state: %d floats)%n%n", params, actorParams, info.stateDim()));
        md.append("## Where the time went\n\n| phase | seconds | share |\n|---|---:|---:|\n");
        row(md, "actors' forward pass and sampling (plain Java)", t.policy(), t.total());
        row(md, "environment (slot scoring, queues, channels, features)", t.env(), t.total());
        row(md, "learner updates (DJL forward, backward, Adam)", t.update(), t.total());
        row(md, "weight export to the rollout policy", t.export(), t.total());
        row(md, "held-out evaluations", t.evaluation(), t.total());
        row(md, "checkpoints", t.checkpoint(), t.total());
        double other = t.total() - t.policy() - t.env() - t.update() - t.export() - t.evaluation() - t.checkpoint();
        row(md, "other (CSV, report, start-up)", other, t.total());
        md.append("\n## Held-out evaluation\n\n");
        md.append(String.format(Locale.ROOT, "%d episodes of an environment seeded apart from training; learned policy "
                + "with greedy actions; mean ± standard deviation over episodes.%n%n", r.evaluation().episodes()));
        md.append(HeldOut.HEADER).append('\n');
        md.append(HeldOut.row(o.algorithm().name() + " (learned)", r.evaluation())).append('\n');
        for (io.thz.core.env.EvaluationResult e : r.baselines()) {
            md.append(HeldOut.row(e.policy(), e)).append('\n');
        }
        md.append("\n## Information exchange per slot\n\n");
        md.append("Floats an agent sends to its neighbours in one slot (GE-VDAC: N x S_E per outbound edge; "
                + "IE-VDAC: the raw edge features; VDAC and the central critic's actors: nothing). Bytes at 4 per float.\n\n");
        md.append("| algorithm | per AP (max) | per RIS (max) | all agents (floats) | all agents (bytes) |\n"
                + "|---|---:|---:|---:|---:|\n");
        for (String[] row : TrainingRun.exchangeRows(info, env.graph(), o.config().network())) {
            boolean self = row[0].equals(o.algorithm().name());
            md.append("| ").append(self ? "**" + row[0] + "**" : row[0]);
            for (int i = 1; i < row.length; i++) {
                md.append(" | ").append(row[i]);
            }
            md.append(" |\n");
        }
        md.append("\n## Files\n\n- `metrics.csv`: one row per training episode; `evaluations.csv`: held-out "
                + "evaluations\n- `learning-curve.png`: reward and energy efficiency against environment steps\n"
                + "- `checkpoint.bin`: resume with `--resume`; `policy.thzw`: the weight blob the agents load\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String phase, double seconds, double total) {
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f %% |%n", phase, seconds, 100 * seconds / total));
    }

}

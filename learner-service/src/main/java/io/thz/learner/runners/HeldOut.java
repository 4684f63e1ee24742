package io.thz.learner.runners;

import io.thz.core.env.Evaluation;
import io.thz.core.env.EvaluationResult;
import io.thz.core.env.Policy;
import io.thz.core.env.ThzNetworkEnv;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Held-out evaluation for training runs and the CLI: episodes 0..n-1 of an environment whose master
 * seed ({@link Seeds#evaluationEnvironment}) training never uses, played by thz-core's
 * {@link Evaluation}; plus "mean ± std" formatting over the episodes.
 */
public final class HeldOut {

    private HeldOut() {
    }

    /** The evaluation environment of a run seed. */
    public static ThzNetworkEnv environment(io.thz.core.scenario.Scenario scenario, long seed, long offset) {
        return new ThzNetworkEnv(scenario, Seeds.evaluationEnvironment(seed, offset));
    }

    /** Plays {@code episodes} held-out episodes. */
    public static EvaluationResult run(ThzNetworkEnv env, Policy policy, int episodes) {
        return Evaluation.run(env, policy, 0, episodes);
    }

    /** Sample standard deviation of a per-episode figure (0 for one episode). */
    public static double std(EvaluationResult r, ToDoubleFunction<Evaluation.EpisodeSummary> f) {
        double mean = 0;
        for (Evaluation.EpisodeSummary e : r.perEpisode()) {
            mean += f.applyAsDouble(e);
        }
        mean /= r.perEpisode().size();
        double ss = 0;
        for (Evaluation.EpisodeSummary e : r.perEpisode()) {
            double d = f.applyAsDouble(e) - mean;
            ss += d * d;
        }
        return r.perEpisode().size() > 1 ? Math.sqrt(ss / (r.perEpisode().size() - 1)) : 0;
    }

    /** "mean ± std" of a per-episode figure. */
    public static String meanStd(EvaluationResult r, ToDoubleFunction<Evaluation.EpisodeSummary> f) {
        double mean = 0;
        for (Evaluation.EpisodeSummary e : r.perEpisode()) {
            mean += f.applyAsDouble(e);
        }
        mean /= r.perEpisode().size();
        return String.format(Locale.ROOT, "%.4g ± %.2g", mean, std(r, f));
    }

    /** One markdown table row: reward, EE, spectral efficiency, sum rate, power, shortfall, SE and IoT reliability. */
    public static String row(String name, EvaluationResult r) {
        return "| " + name + " | " + meanStd(r, Evaluation.EpisodeSummary::reward) + " | "
                + meanStd(r, Evaluation.EpisodeSummary::eeGbitPerJoule) + " | "
                + meanStd(r, Evaluation.EpisodeSummary::spectralEfficiencyBpsHz) + " | "
                + meanStd(r, Evaluation.EpisodeSummary::sumRateGbps) + " | "
                + meanStd(r, Evaluation.EpisodeSummary::powerW) + " | "
                + meanStd(r, Evaluation.EpisodeSummary::rateViolationGbps) + " | "
                + meanStd(r, Evaluation.EpisodeSummary::seReliability) + " | "
                + meanStd(r, Evaluation.EpisodeSummary::iotReliability) + " |";
    }

    /** The header of {@link #row}'s table. */
    public static final String HEADER = "| policy | reward per slot | EE (Gbit/J) | spectral efficiency (bit/s/Hz) "
            + "| sum rate (Gbit/s) | power (W) | rate shortfall (Gbit/s) | SE reliability | IoT reliability |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
}

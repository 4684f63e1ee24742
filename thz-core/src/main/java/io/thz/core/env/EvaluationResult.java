package io.thz.core.env;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What {@link Evaluation} reports: means over the episodes of the per-episode figures (units as in
 * {@link Evaluation.EpisodeSummary}), plus each episode's figures.
 *
 * @param policy                  the policy's name
 * @param seed                    the master seed of the episodes
 * @param firstEpisode            the first episode index
 * @param episodes                number of episodes
 * @param eeGbitPerJoule          energy efficiency, in Gbit/J
 * @param eeStdGbitPerJoule       standard deviation of the episodes' energy efficiency, in Gbit/J
 * @param spectralEfficiencyBpsHz sum rate / bandwidth, in bit/s/Hz
 * @param seReliability           SE reliability (24), in [0, 1]
 * @param iotReliability          IoT reliability (24), in [0, 1] (NaN without IoT users)
 * @param sumRateGbps             sum rate, in Gbit/s
 * @param powerW                  total power, in watts
 * @param rateViolationGbps       rate violation delta, in Gbit/s
 * @param reward                  reward (35) per slot
 * @param episodeReturn           undiscounted episode return
 * @param perEpisode              each episode's figures, in order
 */
public record EvaluationResult(String policy, long seed, long firstEpisode, int episodes,
                               double eeGbitPerJoule, double eeStdGbitPerJoule, double spectralEfficiencyBpsHz,
                               double seReliability, double iotReliability, double sumRateGbps, double powerW,
                               double rateViolationGbps, double reward, double episodeReturn,
                               List<Evaluation.EpisodeSummary> perEpisode) {

    public EvaluationResult {
        perEpisode = List.copyOf(perEpisode);
    }

    static EvaluationResult of(String policy, long seed, long firstEpisode, List<Evaluation.EpisodeSummary> s) {
        double ee = mean(s, Evaluation.EpisodeSummary::eeGbitPerJoule);
        double var = 0;
        for (Evaluation.EpisodeSummary e : s) {
            var += (e.eeGbitPerJoule() - ee) * (e.eeGbitPerJoule() - ee);
        }
        double std = s.size() > 1 ? Math.sqrt(var / (s.size() - 1)) : 0.0;
        return new EvaluationResult(policy, seed, firstEpisode, s.size(), ee, std,
                mean(s, Evaluation.EpisodeSummary::spectralEfficiencyBpsHz),
                mean(s, Evaluation.EpisodeSummary::seReliability), mean(s, Evaluation.EpisodeSummary::iotReliability),
                mean(s, Evaluation.EpisodeSummary::sumRateGbps), mean(s, Evaluation.EpisodeSummary::powerW),
                mean(s, Evaluation.EpisodeSummary::rateViolationGbps), mean(s, Evaluation.EpisodeSummary::reward),
                mean(s, Evaluation.EpisodeSummary::episodeReturn), s);
    }

    private static double mean(List<Evaluation.EpisodeSummary> s, ToDoubleFunction<Evaluation.EpisodeSummary> f) {
        double sum = 0;
        for (Evaluation.EpisodeSummary e : s) {
            sum += f.applyAsDouble(e);
        }
        return sum / s.size();
    }
}

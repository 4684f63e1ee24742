package io.thz.core.env;

import io.thz.core.model.UserType;
import io.thz.core.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a policy for whole episodes and reports the paper's figures of merit (Section V): energy
 * efficiency, spectral efficiency, SE and IoT reliability (24), sum rate, total power, reward.
 *
 * <p>Held-out evaluation: give an environment (or a master seed) that training never used; the
 * episodes played are {@code firstEpisode .. firstEpisode + episodes - 1} of that seed, and the
 * policy is reset at each episode start with the environment's {@link ThzNetworkEnv#policySeed()}.
 * Every per-slot figure is averaged over the T slots of an episode and then over the episodes
 * (episodes have equal length, so this is the mean over all slots). A user's reliability is the
 * fraction of its episode's slots that left its queue below q_max; it is averaged over the users of
 * a type, then over the episodes.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * @param scenario     the network
     * @param seed         the master seed of the held-out episodes
     * @param policy       the policy (reset at every episode start)
     * @param firstEpisode first episode index
     * @param episodes     number of episodes, at least 1
     */
    public static EvaluationResult run(Scenario scenario, long seed, Policy policy, long firstEpisode, int episodes) {
        return run(new ThzNetworkEnv(scenario, seed), policy, firstEpisode, episodes);
    }

    /** Runs on an existing environment (its master seed); leaves it after the last episode's time limit. */
    public static EvaluationResult run(ThzNetworkEnv env, Policy policy, long firstEpisode, int episodes) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes=" + episodes + " must be at least 1");
        }
        double bandwidthHz = env.scenario().radio().bandwidthHz();
        List<EpisodeSummary> summaries = new ArrayList<>(episodes);
        for (int n = 0; n < episodes; n++) {
            long episode = firstEpisode + n;
            env.seekEpisode(episode);
            env.reset();
            policy.reset(env.policySeed());
            double ee = 0;
            double sumRate = 0;
            double power = 0;
            double reward = 0;
            double violation = 0;
            int slots = 0;
            StepResult result;
            do {
                result = env.step(policy.act(env.view()));
                ee += result.metrics().eeGbitPerJoule();
                sumRate += result.metrics().sumRateGbps();
                power += result.metrics().powerW();
                reward += result.metrics().reward();
                violation += result.metrics().rateViolationGbps();
                slots++;
            } while (!result.truncated() && !result.terminated());
            double[] reliability = env.reliability();
            summaries.add(new EpisodeSummary(episode, slots, ee / slots, sumRate / slots * 1e9 / bandwidthHz,
                    env.meanOfType(reliability, UserType.SE), env.meanOfType(reliability, UserType.IOT),
                    sumRate / slots, power / slots, violation / slots, reward / slots, reward));
        }
        return EvaluationResult.of(policy.name(), env.seed(), firstEpisode, summaries);
    }

    /**
     * The figures of one episode (per-slot means unless stated).
     *
     * @param episode                 episode index
     * @param slots                   slots played (T)
     * @param eeGbitPerJoule          energy efficiency B sum R / P_total, in Gbit/J
     * @param spectralEfficiencyBpsHz sum R_k, in bit/s/Hz
     * @param seReliability           mean over SE users of the fraction of slots with q &lt; q_max
     * @param iotReliability          the same over IoT users (NaN without IoT users)
     * @param sumRateGbps             B sum R_k, in Gbit/s
     * @param powerW                  P_total (20), in watts
     * @param rateViolationGbps       delta, in Gbit/s
     * @param reward                  reward (35) per slot
     * @param episodeReturn           sum of the episode's rewards (undiscounted)
     */
    public record EpisodeSummary(long episode, int slots, double eeGbitPerJoule, double spectralEfficiencyBpsHz,
                                 double seReliability, double iotReliability, double sumRateGbps, double powerW,
                                 double rateViolationGbps, double reward, double episodeReturn) {
    }
}

package io.thz.learner.runners;

import io.thz.core.env.Policy;
import io.thz.core.env.SlotMetrics;
import io.thz.core.env.StepResult;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.model.UserType;
import io.thz.core.scenario.Scenario;

/**
 * Held-out evaluation of a policy: episodes of an environment whose master seed is derived from
 * the run seed and never used in training; per-episode means, then mean and standard deviation
 * over episodes.
 *
 * @param policy         the policy's name
 * @param episodes       episodes played
 * @param reward         mean reward per slot
 * @param eeGbitPerJoule energy efficiency, Gbit/J
 * @param sumRateGbps    sum throughput, Gbit/s
 * @param powerW         total power, W
 * @param violationGbps  minimum-rate shortfall, Gbit/s
 * @param seReliability  reliability (24) of the SE users
 * @param iotReliability reliability (24) of the IoT users
 */
public record Evaluation(String policy, int episodes, Stat reward, Stat eeGbitPerJoule, Stat sumRateGbps, Stat powerW,
                         Stat violationGbps, Stat seReliability, Stat iotReliability) {

    /**
     * Mean and sample standard deviation over episodes.
     *
     * @param mean mean
     * @param std  sample standard deviation (0 for one episode)
     */
    public record Stat(double mean, double std) {
        static Stat of(double[] x) {
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= x.length;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            return new Stat(mean, x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.4g ± %.2g", mean, std);
        }
    }

    /**
     * Plays {@code episodes} held-out episodes.
     *
     * @param scenario the scenario
     * @param policy   the policy (reset at every episode with its own derived seed)
     * @param seed     the run seed
     * @param offset   the evaluation seed offset (a different offset gives other episodes)
     * @param episodes number of episodes
     */
    public static Evaluation run(Scenario scenario, Policy policy, long seed, long offset, int episodes) {
        ThzNetworkEnv env = new ThzNetworkEnv(scenario, Seeds.evaluationEnvironment(seed, offset));
        return run(env, policy, seed, offset, episodes);
    }

    /** Plays {@code episodes} episodes of an existing evaluation environment. */
    public static Evaluation run(ThzNetworkEnv env, Policy policy, long seed, long offset, int episodes) {
        double[][] values = new double[7][episodes];
        int t = env.info().episodeSlots();
        for (int e = 0; e < episodes; e++) {
            env.reset(e);
            policy.reset(Seeds.evaluationPolicy(seed, offset, e));
            double[] sums = new double[5];
            for (int k = 0; k < t; k++) {
                StepResult r = env.step(policy.act(env.view()));
                SlotMetrics m = r.metrics();
                sums[0] += m.reward();
                sums[1] += m.eeGbitPerJoule();
                sums[2] += m.sumRateGbps();
                sums[3] += m.powerW();
                sums[4] += m.rateViolationGbps();
            }
            for (int i = 0; i < 5; i++) {
                values[i][e] = sums[i] / t;
            }
            values[5][e] = env.reliability(UserType.SE);
            values[6][e] = env.reliability(UserType.IOT);
        }
        return new Evaluation(policy.name(), episodes, Stat.of(values[0]), Stat.of(values[1]), Stat.of(values[2]),
                Stat.of(values[3]), Stat.of(values[4]), Stat.of(values[5]), Stat.of(values[6]));
    }
}

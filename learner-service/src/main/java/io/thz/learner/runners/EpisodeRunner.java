package io.thz.learner.runners;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.MultiAgentEnv;
import io.thz.core.env.SlotMetrics;
import io.thz.core.env.StepResult;
import io.thz.core.graph.AgentGraph;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.PowerHead;
import io.thz.core.policy.RisHead;
import io.thz.learner.components.Episode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays episodes with the current policy exactly as the agents would (Algorithm 1): the plain-Java
 * forward pass of the published weights, GRU state reset at the episode start, actions sampled
 * from the actors' distributions with a generator derived from the episode's seed.
 */
public final class EpisodeRunner {

    private final MultiAgentEnv env;
    private long policyNanos;
    private long envNanos;

    public EpisodeRunner(MultiAgentEnv env) {
        this.env = env;
    }

    public MultiAgentEnv env() {
        return env;
    }

    /** Time spent in the policy's forward pass and sampling so far, in nanoseconds. */
    public long policyNanos() {
        return policyNanos;
    }

    /** Time spent in the environment (slot scoring, queues, next slot's channels and features), in nanoseconds. */
    public long envNanos() {
        return envNanos;
    }

    /**
     * Plays one episode.
     *
     * @param policy      the actors
     * @param episode    the environment's episode index (its draws derive from the env's master seed)
     * @param actionSeed the seed of the action sampling
     * @return the episode's data
     */
    public Episode run(PolicyNetwork policy, long episode, long actionSeed) {
        EnvInfo info = env.info();
        AgentGraph graph = env.graph();
        SplittableRandom rng = new SplittableRandom(actionSeed);
        int t = info.episodeSlots();
        int h = policy.shape().gru();
        float[][] apGru = new float[graph.aps()][h];
        float[][] risGru = new float[graph.rises()][h];
        float[] logStd = policy.apLogStd();
        List<GraphObservation> observations = new ArrayList<>(t + 1);
        List<float[]> states = new ArrayList<>(t + 1);
        float[][][] apLogits = new float[t][][];
        int[][][] risChoices = new int[t][][];
        SlotMetrics[] metrics = new SlotMetrics[t];
        boolean[] terminated = new boolean[t];
        boolean[] truncated = new boolean[t];
        GraphObservation obs = env.reset(episode);
        float[] state = env.state();
        observations.add(obs);
        states.add(state);
        for (int k = 0; k < t; k++) {
            long start = System.nanoTime();
            PolicyNetwork.GraphOutput out = policy.forward(graph, obs, apGru, risGru);
            apLogits[k] = new float[graph.aps()][];
            double[][] powers = new double[graph.aps()][];
            for (int i = 0; i < graph.aps(); i++) {
                apLogits[k][i] = PowerHead.sample(out.aps()[i].head(), logStd, rng);
                powers[i] = PowerHead.powers(apLogits[k][i], info.pmaxW());
                apGru[i] = out.aps()[i].gruState();
            }
            risChoices[k] = new int[graph.rises()][];
            RisAction[] ris = new RisAction[graph.rises()];
            for (int j = 0; j < graph.rises(); j++) {
                risChoices[k][j] = RisHead.sample(out.rises()[j].head(), info.risElements(), info.risChoices(), rng);
                ris[j] = RisHead.toAction(risChoices[k][j]);
                risGru[j] = out.rises()[j].gruState();
            }
            long acted = System.nanoTime();
            StepResult result = env.step(new JointAction(powers, ris, Clustering.QOS));
            long stepped = System.nanoTime();
            policyNanos += acted - start;
            envNanos += stepped - acted;
            metrics[k] = result.metrics();
            terminated[k] = result.terminated();
            truncated[k] = result.truncated() || k == t - 1;
            obs = result.observation();
            state = result.state();
            observations.add(obs);
            states.add(state);
            if (result.terminated()) {
                throw new IllegalStateException("the environment terminated at slot " + k
                        + ": this network has no terminal state, episodes always run T slots");
            }
        }
        return new Episode(episode, observations, states, apLogits, risChoices, metrics, terminated, truncated,
                env.reliability());
    }
}

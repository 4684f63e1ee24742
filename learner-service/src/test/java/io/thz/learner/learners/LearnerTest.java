package io.thz.learner.learners;

import io.thz.core.policy.PolicyNetwork;
import io.thz.learner.ToyEnv;
import io.thz.learner.components.Checkpoint;
import io.thz.learner.components.Episode;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.runners.EpisodeRunner;
import io.thz.learner.runners.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerTest {

    private static final LearnerConfig CONFIG = LearnerConfigLoader.load(null,
            Map.of("training.episodesPerUpdate", "2", "training.nStep", "3"));

    @ParameterizedTest
    @ValueSource(strings = {"ge-vdac", "ie-vdac", "vdac", "central-critic"})
    void everyParameterGetsAGradientInOneUpdate(String name) {
        ToyEnv env = new ToyEnv(3, 2, 4);
        try (ActorCriticLearner learner = new ActorCriticLearner(Algorithms.get(name), CONFIG, env.info(), env.graph(), 5)) {
            learner.train(batch(learner, new EpisodeRunner(env), 5, 0));
            Map<String, Double> norms = learner.lastGradientNorms();
            assertThat(norms.keySet()).containsExactlyElementsOf(learner.parameters().keySet());
            if (name.endsWith("vdac")) {
                assertThat(norms).containsKeys("mixer.hyperW1.weight", "mixer.hyperB1.bias", "mixer.hyperWFinal.weight",
                        "mixer.hyperV.fc0.weight", "mixer.hyperV.fc1.bias", "agent.ap.critic.weight",
                        "agent.ris.critic.bias");
            } else {
                assertThat(norms).containsKeys("critic.fc0.weight", "critic.fc2.bias").doesNotContainKey("agent.ap.critic.weight");
            }
            if (name.equals("ge-vdac")) {
                assertThat(norms).containsKeys("gnn.0.edge.apAp.fc0.weight", "gnn.1.node.ris.fc1.bias");
            }
            norms.forEach((param, norm) -> assertThat(norm).as(param).isGreaterThan(0.0).isFinite());
        }
    }

    @Test
    void sameSeedGivesIdenticalEpisodesAndUpdates() {
        List<double[]> first = trace(11);
        List<double[]> second = trace(11);
        List<double[]> other = trace(12);
        assertThat(first).hasSize(second.size());
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i)).containsExactly(second.get(i));
        }
        assertThat(first.get(0)).isNotEqualTo(other.get(0));
    }

    @Test
    void checkpointResumesToTheSameState(@TempDir Path dir) {
        ToyEnv env = new ToyEnv(2, 1, 3);
        EpisodeRunner runner = new EpisodeRunner(env);
        Map<String, float[]> uninterrupted;
        Path file = dir.resolve(Checkpoint.FILE);
        try (ActorCriticLearner learner = new ActorCriticLearner(Algorithms.get("ge-vdac"), CONFIG, env.info(), env.graph(), 3)) {
            learner.train(batch(learner, runner, 3, 0));
            learner.train(batch(learner, runner, 3, 2));
            learner.checkpoint(null).write(file);
            learner.train(batch(learner, runner, 3, 4));
            learner.train(batch(learner, runner, 3, 6));
            uninterrupted = learner.parameterValues();
        }
        // a fresh learner with another initialisation seed: everything must come from the checkpoint
        try (ActorCriticLearner resumed = new ActorCriticLearner(Algorithms.get("ge-vdac"), CONFIG, env.info(), env.graph(), 99)) {
            resumed.restore(Checkpoint.read(file));
            assertThat(resumed.updates()).isEqualTo(2);
            resumed.train(batch(resumed, runner, 3, 4));
            resumed.train(batch(resumed, runner, 3, 6));
            Map<String, float[]> after = resumed.parameterValues();
            assertThat(after.keySet()).containsExactlyElementsOf(uninterrupted.keySet());
            after.forEach((name, values) -> assertThat(values).as(name).containsExactly(uninterrupted.get(name)));
        }
    }

    @Test
    void learnerRaisesTheToyReward() {
        ToyEnv env = new ToyEnv(2, 1, 5);
        EpisodeRunner runner = new EpisodeRunner(env);
        LearnerConfig fast = LearnerConfigLoader.load(null, Map.of("training.learningRate", "0.01",
                "training.episodesPerUpdate", "4", "training.entropyCoef", "0.0"));
        try (ActorCriticLearner learner = new ActorCriticLearner(Algorithms.get("ge-vdac"), fast, env.info(), env.graph(), 1)) {
            double before = meanReward(batch(learner, runner, 1, 1000, 8));
            for (int u = 0; u < 60; u++) {
                learner.train(batch(learner, runner, 1, 4L * u, 4));
            }
            double after = meanReward(batch(learner, runner, 1, 1000, 8));
            // reward per slot lies in [0, 3]: 2 APs' first-user fraction plus one RIS's phase-0 fraction.
            // A random policy gets about 1/3 * 2 + 1/3 = 1; learning must add at least 0.5.
            assertThat(before).isBetween(0.6, 1.4);
            assertThat(after).isGreaterThan(before + 0.5);
        }
    }

    private static List<double[]> trace(long seed) {
        ToyEnv env = new ToyEnv(3, 2, 4);
        EpisodeRunner runner = new EpisodeRunner(env);
        List<double[]> out = new ArrayList<>();
        try (ActorCriticLearner learner = new ActorCriticLearner(Algorithms.get("ge-vdac"), CONFIG, env.info(), env.graph(), seed)) {
            for (int u = 0; u < 2; u++) {
                List<Episode> batch = batch(learner, runner, seed, 2L * u);
                for (Episode e : batch) {
                    double[] rewards = new double[e.length()];
                    for (int k = 0; k < rewards.length; k++) {
                        rewards[k] = e.reward(k);
                    }
                    out.add(rewards);
                }
                UpdateStats s = learner.train(batch);
                out.add(new double[] {s.policyLoss(), s.criticLoss(), s.entropy(), s.gradNorm()});
            }
        }
        return out;
    }

    static List<Episode> batch(ActorCriticLearner learner, EpisodeRunner runner, long seed, long firstEpisode) {
        return batch(learner, runner, seed, firstEpisode, 2);
    }

    static List<Episode> batch(ActorCriticLearner learner, EpisodeRunner runner, long seed, long firstEpisode, int n) {
        PolicyNetwork policy = PolicyNetwork.of(learner.policy());
        List<Episode> episodes = new ArrayList<>();
        for (long e = firstEpisode; e < firstEpisode + n; e++) {
            episodes.add(runner.run(policy, e, Seeds.trainingActions(seed, e)));
        }
        return episodes;
    }

    private static double meanReward(List<Episode> episodes) {
        double sum = 0;
        int n = 0;
        for (Episode e : episodes) {
            for (int k = 0; k < e.length(); k++) {
                sum += e.reward(k);
                n++;
            }
        }
        return sum / n;
    }
}

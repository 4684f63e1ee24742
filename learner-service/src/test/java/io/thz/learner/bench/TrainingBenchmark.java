package io.thz.learner.bench;

import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.learner.components.Episode;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.learners.ActorCriticLearner;
import io.thz.learner.learners.Algorithms;
import io.thz.learner.learners.UpdateStats;
import io.thz.learner.runners.EpisodeRunner;
import io.thz.learner.runners.Seeds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Training throughput at the paper's Fig. 4 setting (M = 3, K = 24, N_A = 64, J = 2, L = 20,
 * B_R = 1, T = 40), on one core:
 * <ul>
 *   <li>{@code episode}: one 40-slot rollout (actors' plain-Java forward pass and sampling, slot
 *       scoring, queues, next slot's channels and features); environment steps/s = 40 / time;</li>
 *   <li>{@code update}: one learner update on a batch of {@code training.episodesPerUpdate} (8)
 *       episodes (DJL forward of the online and target networks, backward, Adam, Polyak);</li>
 *   <li>{@code cycle}: what training repeats: publish the weights, play 8 episodes, update; training
 *       environment steps/s = 320 / time, updates/s = 1 / time.</li>
 * </ul>
 *
 * <p>Run (after {@code ./mvnw -q -B -o -pl thz-core,thz-kafka-testing,learner-service test-compile}):
 * <pre>
 * cd learner-service && OMP_NUM_THREADS=1 java -Dai.djl.offline=true \
 *     -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.openjdk.jmh.Main TrainingBenchmark [-p algorithm=ie-vdac]
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx6g"})
public class TrainingBenchmark {

    @Param({"ge-vdac"})
    public String algorithm;

    private ThzNetworkEnv env;
    private EpisodeRunner runner;
    private ActorCriticLearner learner;
    private PolicyNetwork policy;
    private List<Episode> batch;
    private LearnerConfig config;
    private long nextEpisode;

    @Setup(Level.Trial)
    public void setUp() {
        Scenario fig4 = ScenarioLoader.bundled("fig4");
        config = LearnerConfigLoader.defaults();
        env = new ThzNetworkEnv(fig4, Seeds.trainingEnvironment(1));
        runner = new EpisodeRunner(env);
        learner = new ActorCriticLearner(Algorithms.get(algorithm), config, env.info(), env.graph(), Seeds.initialisation(1));
        policy = PolicyNetwork.of(learner.policy());
        batch = new ArrayList<>();
        for (int i = 0; i < config.training().episodesPerUpdate(); i++) {
            batch.add(runner.run(policy, nextEpisode, Seeds.trainingActions(1, nextEpisode)));
            nextEpisode++;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        learner.close();
    }

    /** One 40-slot rollout with the current policy. */
    @Benchmark
    public Episode episode() {
        Episode e = runner.run(policy, nextEpisode, Seeds.trainingActions(1, nextEpisode));
        nextEpisode++;
        return e;
    }

    /** One update on a fixed batch of episodes. */
    @Benchmark
    public UpdateStats update() {
        return learner.train(batch);
    }

    /** One training cycle: publish the weights, play a batch, update. */
    @Benchmark
    public UpdateStats cycle() {
        PolicyNetwork current = PolicyNetwork.of(learner.policy());
        List<Episode> fresh = new ArrayList<>();
        for (int i = 0; i < config.training().episodesPerUpdate(); i++) {
            fresh.add(runner.run(current, nextEpisode, Seeds.trainingActions(1, nextEpisode)));
            nextEpisode++;
        }
        return learner.train(fresh);
    }
}

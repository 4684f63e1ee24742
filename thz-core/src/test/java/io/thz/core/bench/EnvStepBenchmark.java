package io.thz.core.bench;

import io.thz.core.baseline.Baselines;
import io.thz.core.env.FeatureBuilder;
import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.StepResult;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.graph.AgentGraph;
import io.thz.core.policy.GraphObservation;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Environment steps per second at the paper's Fig. 4 setting (M = 3, K = 24, N_A = 64, J = 2,
 * L = 20, B_R = 1, T = 40), driven by a baseline policy as a training loop would drive it:
 * {@code step} = the policy's action + {@link ThzNetworkEnv#step} (scoring, queues, reward, the next
 * slot's simulation, its observation and global state), with a reset and policy reset every T
 * steps. {@code features} times the observation and state of one slot alone (a fresh previous
 * action each call, so the equivalent channels are recomputed).
 *
 * <p>Run (after {@code ./mvnw -q -B -o -pl thz-core test-compile}):
 * <pre>
 * cd thz-core && java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.openjdk.jmh.Main EnvStepBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvStepBenchmark {

    @Param({"equal-power-qos", "random-ris", "all-on-greedy"})
    public String scheme;

    private ThzNetworkEnv env;
    private Policy policy;
    private FeatureBuilder features;
    private double[] lambda;
    private double[] rates;

    @Setup
    public void setUp() {
        Scenario fig4 = ScenarioLoader.bundled("fig4");
        env = new ThzNetworkEnv(fig4, 1);
        policy = Baselines.create(scheme, env.info());
        env.reset();
        policy.reset(env.policySeed());
        features = new FeatureBuilder(fig4, AgentGraph.of(fig4));
        lambda = new double[fig4.network().users()];
        rates = new double[lambda.length];
        java.util.Arrays.fill(lambda, 12.5);
        java.util.Arrays.fill(rates, 3.0);
    }

    /** One training-loop step. */
    @Benchmark
    public StepResult step() {
        StepResult result = env.step(policy.act(env.view()));
        if (result.truncated()) {
            env.reset();
            policy.reset(env.policySeed());
        }
        return result;
    }

    /** Observation and state of one slot. */
    @Benchmark
    public float[] features() {
        JointAction previous = env.defaultAction().copy();
        GraphObservation obs = features.observation(env.channels(), lambda, previous);
        float[] state = features.state(env.channels(), lambda, lambda, rates, previous, 1);
        state[0] += obs.edges()[0][0];
        return state;
    }
}

package io.thz.core.bench;

import io.thz.core.channel.SlotChannels;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.NetworkSlot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Slots per second of the network simulator at the largest setting of the paper (M = 3, J = 4,
 * N_A = 64, K = 24, L = 20, n_NL = 2): user moves, 168 blockage draws, all channels including the
 * AP-RIS copies, 24 Poisson arrivals. {@code channelsOnly} times the channel generator alone on
 * fixed positions.
 *
 * <p>Run (after {@code ./mvnw -q -B -o -pl thz-core test-compile}):
 * <pre>
 * cd thz-core && java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.openjdk.jmh.Main ChannelGenerationBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelGenerationBenchmark {

    private NetworkSimulator simulator;
    private NetworkSlot fixed;

    @Setup
    public void setUp() {
        Scenario largest = ScenarioLoader.builder().bundled("fig7").set("network.risBits", "1").build();
        simulator = new NetworkSimulator(largest, 1);
        fixed = simulator.next();
    }

    /** One whole simulated slot. */
    @Benchmark
    public NetworkSlot slot() {
        return simulator.next();
    }

    /** The channels of one slot from fixed positions and LoS draws. */
    @Benchmark
    public SlotChannels channelsOnly() {
        return simulator.generator().generate(fixed.users(), fixed.losDirect(), fixed.losRis());
    }
}

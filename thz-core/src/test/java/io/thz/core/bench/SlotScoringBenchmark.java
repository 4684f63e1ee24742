package io.thz.core.bench;

import io.thz.core.slot.SlotCase;
import io.thz.core.slot.SlotCaseGenerator;
import io.thz.core.slot.SlotOutcome;
import io.thz.core.slot.SlotScorer;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Slot scoring throughput at the paper's largest setting: M = 3 APs, J = 4 RISs, N_A = 64,
 * N_R = 4, K = 24 users (4 SE + 4 IoT per AP), L = 20. The score is slots per second on one
 * thread. {@code apRis}: general full-rank AP-to-RIS matrices, or rank-one ones kept factored
 * (the simulator's LoS channels). {@code risOn}: the probability that a RIS element is ON (OFF
 * elements cost nothing on the full-rank path; 1.0 is the worst case).
 *
 * <p>Run from the repository root: {@code thz-core/bench.sh} (or see it for the raw command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SlotScoringBenchmark {

    /** Distinct random slots cycled through, so that no branch predictor learns one slot. */
    static final int SLOTS = 16;

    @Param({"FULL_RANK", "RANK_ONE"})
    public String apRis;

    @Param({"0.5", "1.0"})
    public double risOn;

    private SlotCase[] cases;
    private SlotScorer scorer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SlotCaseGenerator.Shape shape = SlotCaseGenerator.largest("RANK_ONE".equals(apRis))
                .withRisOnProbability(risOn);
        cases = new SlotCase[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            cases[i] = SlotCaseGenerator.generate(shape, 42L + i);
        }
        scorer = new SlotScorer();
    }

    @Benchmark
    public SlotOutcome scoreSlot() {
        SlotCase slotCase = cases[next];
        next = (next + 1) % SLOTS;
        return scorer.score(slotCase);
    }

    /** Runs this benchmark alone with its annotated settings. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SlotScoringBenchmark.class.getSimpleName()).build()).run();
    }
}

package io.thz.core.bench;

import io.thz.core.slot.SlotCase;
import io.thz.core.slot.SlotCaseGenerator;
import io.thz.core.slot.SlotOutcome;
import io.thz.core.slot.SlotScorer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The same work as {@link SlotScoringBenchmark}, timed by the scoring thread's CPU time instead
 * of the wall clock: on a machine shared with other processes this is what one core sustains.
 * Prints the median and best of 5 one-second (CPU) runs after a 3 s warm-up, per configuration.
 * Run from the repository root: {@code thz-core/bench.sh} (which calls it after JMH).
 */
public final class SlotScoringCpuTime {

    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final long RUN_NANOS = 1_000_000_000L;
    private static final int RUNS = 5;

    private SlotScoringCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            System.out.println("  thread CPU time is not supported by this JVM");
            return;
        }
        for (String apRis : new String[] {"FULL_RANK", "RANK_ONE"}) {
            for (double risOn : new double[] {0.5, 1.0}) {
                SlotCaseGenerator.Shape shape = SlotCaseGenerator.largest("RANK_ONE".equals(apRis))
                        .withRisOnProbability(risOn);
                SlotCase[] cases = new SlotCase[SlotScoringBenchmark.SLOTS];
                for (int i = 0; i < cases.length; i++) {
                    cases[i] = SlotCaseGenerator.generate(shape, 42L + i);
                }
                SlotScorer scorer = new SlotScorer();
                long checksum = 0;
                long start = threads.getCurrentThreadCpuTime();
                int next = 0;
                while (threads.getCurrentThreadCpuTime() - start < WARMUP_NANOS) {
                    checksum += scorer.score(cases[next++ % cases.length]).cluster()[0];
                }
                double[] rates = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    long runStart = threads.getCurrentThreadCpuTime();
                    long now = runStart;
                    int slots = 0;
                    while (now - runStart < RUN_NANOS) {
                        for (int i = 0; i < 64; i++) {
                            SlotOutcome outcome = scorer.score(cases[next++ % cases.length]);
                            checksum += outcome.cluster()[0];
                        }
                        slots += 64;
                        now = threads.getCurrentThreadCpuTime();
                    }
                    rates[run] = slots / ((now - runStart) / 1e9);
                }
                Arrays.sort(rates);
                System.out.printf(Locale.ROOT, "  %-9s AP-RIS, RIS ON p=%-3s  %10.0f slots/s of thread CPU (median; best %.0f)%n",
                        apRis, risOn, rates[RUNS / 2], rates[RUNS - 1]);
                if (checksum == Long.MIN_VALUE) {
                    System.out.println(); // keeps the results alive
                }
            }
        }
    }
}

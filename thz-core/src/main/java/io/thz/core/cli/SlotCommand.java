package io.thz.core.cli;

import io.thz.core.slot.SlotCase;
import io.thz.core.slot.SlotCaseException;
import io.thz.core.slot.SlotCaseReader;
import io.thz.core.slot.SlotOutcome;
import io.thz.core.slot.SlotOutcomeWriter;
import io.thz.core.slot.SlotScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code thz slot --in FILE [--repeat N]}: scores one slot case (spec section 11) and prints the
 * scored slot as JSON on standard output.
 */
@Command(name = "slot", description = {"Scores one slot case (JSON, spec section 11) and prints the scored slot as JSON.",
                "Malformed input: one line on stderr naming the field, exit code 2."})
public final class SlotCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    /** Warm-up before timing with --repeat: N slots, but stop early after this long. */
    static final long WARMUP_MAX_NANOS = 2_000_000_000L;

    @ParentCommand
    ThzCoreCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "the slot case JSON file, or - for standard input")
    String in;

    @Option(names = "--repeat", paramLabel = "N",
            description = "score the case N times after a warm-up (N slots or 2 s, whichever first), "
                    + "print the output once and the measured slots per second on stderr")
    Integer repeat;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        if (repeat != null && repeat < 1) {
            err.println(name + ": --repeat: expected a positive number of slots, got " + repeat);
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        SlotCase slotCase;
        try {
            slotCase = read();
        } catch (NoSuchFileException e) {
            err.println(name + ": --in: no such file: " + in);
            return ThzCoreCli.EXIT_BAD_INPUT;
        } catch (SlotCaseException e) {
            err.println(name + ": " + e.getMessage());
            return ThzCoreCli.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println(name + ": --in: cannot read " + in + ": " + e);
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        SlotScorer scorer = new SlotScorer();
        SlotOutcome outcome;
        try {
            outcome = scorer.score(slotCase);
            if (repeat != null) {
                outcome = timed(scorer, slotCase, repeat, err);
            }
        } catch (IllegalArgumentException e) { // inconsistencies the reader does not catch
            err.println(name + ": " + e.getMessage());
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            SlotOutcomeWriter.write(outcome, out);
        } catch (IOException e) {
            err.println(name + ": cannot write the output: " + e);
            return 1;
        }
        return 0;
    }

    private SlotCase read() throws IOException {
        if ("-".equals(in)) {
            return SlotCaseReader.read(parent.stdin());
        }
        Path path = Path.of(in);
        if (Files.isDirectory(path)) {
            throw new IOException(in + " is a directory");
        }
        try (InputStream stream = Files.newInputStream(path)) {
            return SlotCaseReader.read(stream);
        }
    }

    private static SlotOutcome timed(SlotScorer scorer, SlotCase slotCase, int slots, PrintWriter err) {
        long warmupStart = System.nanoTime();
        int warmup = 0;
        SlotOutcome outcome = null;
        while (warmup < slots && System.nanoTime() - warmupStart < WARMUP_MAX_NANOS) {
            outcome = scorer.score(slotCase);
            warmup++;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0L;
        long start = System.nanoTime();
        for (int i = 0; i < slots; i++) {
            outcome = scorer.score(slotCase);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time of this thread: what one core sustains even when other processes share it
        String cpu = cpuTimed ? String.format(Locale.ROOT, "; %.1f slots/s of thread CPU time",
                slots / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9)) : "";
        err.println(String.format(Locale.ROOT, "%.1f slots/s (%d slots in %.3f s after %d warm-up slots%s)",
                slots / seconds, slots, seconds, warmup, cpu));
        return outcome;
    }
}

package io.thz.core.cli;

import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioException;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.sim.ChannelRecorder;
import io.thz.core.sim.NetworkSimulator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code thz record --scenario FILE|--bundled NAME --slots N [--seed S] --out FILE}: simulates N
 * slots of a scenario from episode 0 on and writes them, with each episode's bootstrap slot, as a
 * channel stream ({@link io.thz.core.channel.ChannelStreamFormat}) that
 * {@link io.thz.core.env.ThzNetworkEnv#replaying} and {@code ./thz replay} play back bit for bit.
 */
@Command(name = "record", description = {
        "Simulates N slots of a scenario and records them as a channel stream for './thz replay'.",
        "The stream holds per slot the channels, traffic arrivals and episode flags, and each episode's "
                + "bootstrap slot; its header names the network (M, J, K, N_A, L, T, users per AP/type) and the seed.",
        "Progress on stderr every 2 s, a summary at the end. Bad input: one line on stderr, exit code 2."})
public final class RecordCommand implements Callable<Integer> {

    /** Interval between progress lines on stderr. */
    static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    static final class ScenarioChoice {
        @Option(names = "--scenario", paramLabel = "FILE", description = "scenario file (YAML, or JSON by its name)")
        Path file;

        @Option(names = "--bundled", paramLabel = "NAME",
                description = "bundled scenario: default, small, fig4, fig5 or fig7")
        String bundled;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ScenarioChoice scenarioChoice;

    @Option(names = "--slots", required = true, paramLabel = "N",
            description = "slots to record from episode 0 on; a multiple of the scenario's T records only complete "
                    + "episodes, which is what a replay plays")
    long slots;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: the scenario's)")
    Long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "the channel stream to write (replaced if it exists; written to FILE.part first)")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        if (slots < 1) {
            err.println(name + ": --slots: expected a positive number of slots, got " + slots);
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = scenarioChoice == null ? ScenarioLoader.bundled("default")
                    : scenarioChoice.file != null ? loadFile(scenarioChoice.file)
                    : ScenarioLoader.bundled(scenarioChoice.bundled);
        } catch (ScenarioException e) {
            err.println(name + ": " + e.getMessage().replace('\n', ' '));
            return ThzCoreCli.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        int t = scenario.slotsPerEpisode();
        if (slots < t) {
            err.println(name + ": --slots " + slots + " is less than one episode of the scenario (T = " + t
                    + " slots): a replay plays complete episodes only");
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            err.println(name + ": --out: " + out + " is a directory");
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        if (dir != null && !Files.isDirectory(dir)) {
            err.println(name + ": --out: directory " + dir + " does not exist");
            return ThzCoreCli.EXIT_BAD_INPUT;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long effectiveSeed = seed == null ? scenario.seed() : seed;
        long start = System.nanoTime();
        long bytes;
        long records;
        try {
            try (ChannelRecorder recorder = ChannelRecorder.toFile(new NetworkSimulator(scenario, effectiveSeed),
                    scenario, part)) {
                long lastProgress = start;
                long played = 0;
                for (long episode = 0; played < slots; episode++) {
                    recorder.seekEpisode(episode);
                    for (int s = 0; s < t && played < slots; s++) {
                        recorder.next();
                        played++;
                        if (s == t - 1) {
                            recorder.bootstrap();
                        }
                        long now = System.nanoTime();
                        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                            lastProgress = now;
                            long written = recorder.writer().bytesWritten();
                            err.println(String.format(Locale.ROOT, "%s: %d/%d slots (%.0f%%), %.1f MB, %.1f MB/s", name,
                                    played, slots, 100.0 * played / slots, written / 1e6,
                                    written / 1e6 / ((now - start) / 1e9)));
                        }
                    }
                }
                bytes = recorder.writer().bytesWritten();
                records = recorder.writer().recordsWritten();
            }
            move(part, target);
        } catch (IOException | UncheckedIOException e) {
            err.println(name + ": cannot write " + out + ": " + (e instanceof UncheckedIOException u ? u.getCause() : e));
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the message above already names the problem
            }
            return 1;
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        long complete = slots / t;
        long rest = slots % t;
        err.println(String.format(Locale.ROOT, "%s: %d slots (%d complete episode%s of T = %d, seed %d; %d records with "
                        + "the bootstrap slots) -> %s: %d bytes (%.1f MB) in %.2f s, %.1f MB/s", name, slots, complete,
                complete == 1 ? "" : "s", t, effectiveSeed, records, out, bytes, bytes / 1e6, seconds,
                bytes / 1e6 / seconds));
        if (rest != 0) {
            err.println(String.format(Locale.ROOT, "%s: note: the last %d slots are an incomplete episode (T = %d); "
                    + "a replay plays the %d complete episodes only (use a multiple of %d)", name, rest, t, complete, t));
        }
        return 0;
    }

    private static Scenario loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--scenario: no such file: " + file);
        }
        return ScenarioLoader.load(file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package io.thz.testbed;

import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ./thz up} and {@code ./thz replay}: the testbed on one machine. */
@Command(name = "thz", mixinStandardHelpOptions = true, subcommands = {TestbedCli.Up.class, TestbedCli.Replay.class, LoopBenchmark.class})
public final class TestbedCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new TestbedCli()).execute(args));
    }

    /** Options shared by up and replay. */
    static class RunOptions {
        @Option(names = "--scenario", description = "scenario file (YAML or JSON); default: the bundled default scenario")
        Path scenario;

        @Option(names = "--slots", defaultValue = "2000", description = "slots to run (default ${DEFAULT-VALUE})")
        long slots;

        @Option(names = "--seed", defaultValue = "1", description = "seed of channels and sampling (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--algo", defaultValue = "ge-vdac", description = "ge-vdac, ie-vdac or vdac (default ${DEFAULT-VALUE})")
        String algorithm;

        @Option(names = "--ap-replicas", defaultValue = "1", description = "replicas of ap-agent-service")
        int apReplicas;

        @Option(names = "--ris-replicas", defaultValue = "1", description = "replicas of ris-agent-service")
        int risReplicas;

        @Option(names = "--deadline-ms", defaultValue = "1000", description = "per-slot action deadline, ms (default ${DEFAULT-VALUE})")
        long deadlineMs;

        @Option(names = "--no-learning", description = "agents keep their initial weights; the learner only records")
        boolean noLearning;

        @Option(names = "--out", description = "run directory (default runs/<time>-<algo>)")
        Path out;

        @Option(names = "--port", defaultValue = "18080", description = "first HTTP port of the services")
        int basePort;

        @Option(names = "--set", description = "configuration for every service, e.g. --set thz.learner.episodes-per-update=1")
        Map<String, String> properties = new LinkedHashMap<>();

        int run(Path replay) throws Exception {
            Path root = Path.of(System.getProperty("thz.root", ".")).toAbsolutePath().normalize();
            if (!List.of("ge-vdac", "ie-vdac", "vdac").contains(algorithm)) {
                System.err.println("thz: --algo " + algorithm + " is not one of ge-vdac, ie-vdac, vdac");
                return 2;
            }
            if (scenario != null && !Files.isRegularFile(scenario)) {
                System.err.println("thz: --scenario " + scenario + ": no such file");
                return 2;
            }
            if (replay != null && !Files.isRegularFile(replay)) {
                System.err.println("thz: --in " + replay + ": no such file");
                return 2;
            }
            Path runDir = out != null ? out : root.resolve("runs").resolve(
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + algorithm);
            Files.createDirectories(runDir);
            String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            String prefix = "thz." + UUID.randomUUID().toString().substring(0, 8) + ".";
            TestbedOptions options = new TestbedOptions(root, runDir, scenario, replay, slots, seed, algorithm,
                    apReplicas, risReplicas, bootstrap == null || bootstrap.isBlank() ? null : bootstrap, prefix,
                    basePort, Duration.ofMillis(deadlineMs), !noLearning, properties);
            ConsoleProgress progress = new ConsoleProgress(slots);
            Charts.warmUp();
            Testbed testbed = new Testbed(options);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("algorithm", algorithm);
            settings.put("scenario", scenario != null ? scenario.toString()
                    : "bundled " + properties.getOrDefault("thz.model.scenario", "default"));
            settings.put("channels", replay == null ? "simulated, seed " + seed : "replayed from " + replay);
            settings.put("slots", Long.toString(slots));
            settings.put("replicas (AP / RIS agents)", apReplicas + " / " + risReplicas);
            settings.put("slot deadline", deadlineMs + " ms");
            settings.put("learning", Boolean.toString(!noLearning));
            AtomicBoolean reported = new AtomicBoolean();
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                interrupted.set(true);
                if (reported.compareAndSet(false, true)) {
                    System.err.println("\nthz: interrupted: writing the report of the slots so far, then stopping the services"
                            + (bootstrap == null ? " and the broker" : ""));
                    try {
                        RunStatus last = testbed.stopRunQuietly();
                        writeReport(testbed, runDir, settings, new RunStatus(last.runId(), "INTERRUPTED", last.slot(),
                                last.slotsTarget(), last.episode(), last.policyVersion(), last.meanReward(),
                                last.meanEeGbitPerJoule(), last.reliability(), last.fallbackSlots(), last.deadlineMisses(),
                                last.latencyP50Ms(), last.latencyP99Ms(), last.slotsPerSecond(), "stopped by Ctrl-C"));
                    } catch (Exception e) {
                        System.err.println("thz: no report: " + e.getMessage());
                    }
                }
                try {
                    testbed.close(); // idempotent: waits for a close already under way, so nothing is left behind
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "thz-up-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            RunStatus status;
            try {
                testbed.start(progress);
                testbed.startRun(slots);
                status = testbed.awaitRun(Duration.ofHours(24), progress);
                progress.done();
                if (reported.compareAndSet(false, true)) {
                    writeReport(testbed, runDir, settings, status);
                }
            } catch (Exception e) {
                if (interrupted.get()) {
                    return 130; // Ctrl-C: the hook reports and stops
                }
                throw e;
            } finally {
                testbed.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is already running
                }
            }
            return "DONE".equals(status.state()) ? 0 : 1;
        }

        private static void writeReport(Testbed testbed, Path runDir, Map<String, String> settings, RunStatus status)
                throws Exception {
            List<OutcomeRecord> outcomes = testbed.outcomes();
            Path report = RunReport.write(runDir, "Testbed run " + status.runId(), settings, status, outcomes);
            System.out.println("report: " + report);
            System.out.println("logs:   " + runDir.resolve("logs"));
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start a local Kafka broker and the four services, run online training, write a report.")
    static final class Up extends RunOptions implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return run(null);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Run the testbed on a recorded channel stream (./thz record) instead of simulated channels.")
    static final class Replay extends RunOptions implements Callable<Integer> {
        @Option(names = "--in", required = true, description = "recorded channel stream")
        Path in;

        @Override
        public Integer call() throws Exception {
            return run(in);
        }
    }

    /** One status line, rewritten in place on a terminal, else a line every 5 s. */
    static final class ConsoleProgress implements Testbed.ProgressSink {
        private final long target;
        private final boolean terminal = System.console() != null;
        private long lastPrint;

        ConsoleProgress(long target) {
            this.target = target;
        }

        @Override
        public void line(String text) {
            System.err.println("thz: " + text);
        }

        @Override
        public void status(RunStatus s) {
            long now = System.currentTimeMillis();
            if (!terminal && now - lastPrint < 5000 && !s.finished()) {
                return;
            }
            lastPrint = now;
            int width = 24;
            int filled = (int) (width * Math.min(1.0, s.slot() / (double) Math.max(1, target)));
            String bar = "#".repeat(filled) + "-".repeat(width - filled);
            String text = String.format(Locale.ROOT,
                    "[%s] slot %d/%d  ep %d  reward %.3f  EE %.2f Gbit/J  reliab %.2f  policy v%d  fallbacks %d  p50 %.1f ms  %.1f slot/s",
                    bar, s.slot(), target, s.episode(), s.meanReward(), s.meanEeGbitPerJoule(), s.reliability(),
                    s.policyVersion(), s.fallbackSlots(), s.latencyP50Ms(), s.slotsPerSecond());
            System.err.print(terminal ? "\r\033[K" + text : text + "\n");
        }

        void done() {
            if (terminal) {
                System.err.println();
            }
        }
    }
}

package io.thz.testbed;

import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code ./thz bench loop}: the slot protocol over a real broker, once per algorithm on the same
 * network and seed: slot latency p50/p99, slots per second, and bytes per slot on the embeddings
 * topics, with each algorithm's ratio to the first (the baseline of the same run).
 */
@Command(name = "bench-loop", mixinStandardHelpOptions = true,
        description = "Slot latency, slots/s and embedding bytes per slot over Kafka, per algorithm.")
final class LoopBenchmark implements Callable<Integer> {

    @Option(names = "--scenario", description = "scenario file (default scripts/bench/loop-m3-j4.yaml: M=3, J=4)")
    Path scenario;

    @Option(names = "--slots", defaultValue = "500", description = "measured slots per algorithm (default ${DEFAULT-VALUE})")
    long slots;

    @Option(names = "--warmup", defaultValue = "300", description = "slots before measuring (JIT) (default ${DEFAULT-VALUE})")
    long warmup;

    @Option(names = "--algos", split = ",", defaultValue = "ge-vdac,ie-vdac", description = "algorithms; the first is the baseline")
    List<String> algorithms;

    @Option(names = "--deadline-ms", defaultValue = "2000", description = "slot deadline, ms")
    long deadlineMs;

    @Option(names = "--out", description = "where the report goes (default runs/bench-loop-<time>)")
    Path out;

    record Result(String algorithm, long slots, double p50, double p99, double mean, double slotsPerSecond,
                  double embeddingBytesPerSlot, long fallbackSlots) {
    }

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(System.getProperty("thz.root", ".")).toAbsolutePath().normalize();
        Path network = scenario != null ? scenario : root.resolve("scripts/bench/loop-m3-j4.yaml");
        Path dir = out != null ? out : root.resolve("runs/bench-loop-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        LocalBroker broker = new LocalBroker(root);
        boolean startedBroker = false;
        String bootstrap = given;
        if (given == null || given.isBlank()) {
            startedBroker = broker.start();
            bootstrap = broker.bootstrap();
        }
        List<Result> results = new ArrayList<>();
        try {
            for (String algorithm : algorithms) {
                results.add(measure(root, network, dir.resolve(algorithm), algorithm, bootstrap));
            }
        } finally {
            if (startedBroker) {
                broker.stop();
            }
        }
        String report = report(network, results);
        Files.writeString(dir.resolve("report.md"), report);
        System.out.println(report);
        System.out.println("report: " + dir.resolve("report.md"));
        return 0;
    }

    private Result measure(Path root, Path network, Path runDir, String algorithm, String bootstrap) throws Exception {
        String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6) + ".";
        TestbedOptions options = new TestbedOptions(root, runDir, network, null, warmup + slots, 1, algorithm, 1, 1,
                bootstrap, prefix, 18180, Duration.ofMillis(deadlineMs), false, Map.of());
        try (Testbed testbed = new Testbed(options)) {
            TestbedCli.ConsoleProgress progress = new TestbedCli.ConsoleProgress(warmup + slots);
            testbed.start(progress);
            awaitPolicy(testbed);
            long bytesBefore = 0;
            testbed.startRun(warmup + slots);
            while (testbed.status().slot() < warmup && !testbed.status().finished()) {
                Thread.sleep(20);
            }
            long t0 = System.nanoTime();
            long measuredFrom = testbed.status().slot();
            bytesBefore = embeddingBytes(testbed);
            RunStatus done = testbed.awaitRun(Duration.ofHours(2), progress);
            long t1 = System.nanoTime();
            progress.done();
            long bytesAfter = embeddingBytes(testbed);
            List<OutcomeRecord> outcomes = testbed.outcomes();
            List<OutcomeRecord> measured = outcomes.subList((int) Math.min(measuredFrom, outcomes.size()), outcomes.size());
            double[] latency = measured.stream().mapToDouble(OutcomeRecord::latencyMs).sorted().toArray();
            long n = measured.size();
            long fallbacks = measured.stream().filter(o -> !o.fallbackAgents().isEmpty()).count();
            if (!"DONE".equals(done.state())) {
                throw new IllegalStateException(algorithm + ": run " + done.state() + " " + done.message());
            }
            return new Result(algorithm, n, RunReport.percentile(latency, 50), RunReport.percentile(latency, 99),
                    Arrays.stream(latency).average().orElse(Double.NaN), n / ((t1 - t0) / 1e9),
                    (bytesAfter - bytesBefore) / (double) Math.max(1, n), fallbacks);
        }
    }

    private static void awaitPolicy(Testbed testbed) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < end) {
            boolean all = true;
            for (ServiceProcess s : testbed.services()) {
                if (s.name().contains("agent")) {
                    all &= ((Number) testbed.get(s, "/agents").get("policyVersion")).longValue() >= 0;
                }
            }
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the agents did not receive the learner's weights within 3 minutes");
    }

    private static long embeddingBytes(Testbed testbed) throws Exception {
        long sum = 0;
        for (ServiceProcess s : testbed.services()) {
            if (s.name().contains("agent")) {
                sum += ((Number) testbed.get(s, "/agents").get("embeddingBytes")).longValue();
            }
        }
        return sum;
    }

    private String report(Path network, List<Result> results) {
        StringBuilder md = new StringBuilder("# Slot loop over Kafka\n\n");
        md.append(String.format(Locale.ROOT, "Network: `%s`; %d measured slots per algorithm after %d warm-up slots; "
                + "deadline %d ms; one replica of each service and the broker on this machine (%d cores).%n%n",
                network.getFileName(), slots, warmup, deadlineMs, Runtime.getRuntime().availableProcessors()));
        md.append("| algorithm | slot latency p50 (ms) | p99 (ms) | mean (ms) | slots/s | embedding bytes/slot | fallback slots |"
                + " p50 / baseline | bytes / baseline |\n|---|---|---|---|---|---|---|---|---|\n");
        Result base = results.get(0);
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %d | %.2f | %s |%n",
                    r.algorithm(), r.p50(), r.p99(), r.mean(), r.slotsPerSecond(), r.embeddingBytesPerSlot(),
                    r.fallbackSlots(), r.p50() / base.p50(),
                    base.embeddingBytesPerSlot() > 0 ? String.format(Locale.ROOT, "%.1f", r.embeddingBytesPerSlot()
                            / base.embeddingBytesPerSlot()) : "n/a"));
        }
        md.append("\nBytes are the encoded records (CBOR, float32 arrays) the agents put on the embeddings topics per slot, "
                + "before Kafka's batch compression; latency is observations published to slot scored.\n");
        return md.toString();
    }
}

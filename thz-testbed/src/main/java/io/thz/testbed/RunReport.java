package io.thz.testbed;

import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The report a testbed run leaves: {@code report.md} and PNG plots in the run directory. */
public final class RunReport {

    private RunReport() {
    }

    /**
     * Writes the report.
     *
     * @return the markdown file
     */
    public static Path write(Path dir, String title, Map<String, String> settings, RunStatus status,
                             List<OutcomeRecord> outcomes) throws IOException {
        Files.createDirectories(dir);
        int n = outcomes.size();
        double[] slot = new double[n];
        double[] reward = new double[n];
        double[] ee = new double[n];
        double[] reliability = new double[n];
        double[] latency = new double[n];
        double[] version = new double[n];
        double[] power = new double[n];
        double[] rate = new double[n];
        long fallbackSlots = 0;
        Map<Long, Long> firstSlotOfVersion = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            OutcomeRecord o = outcomes.get(i);
            slot[i] = o.slot();
            reward[i] = o.reward();
            ee[i] = o.eeGbitPerJoule();
            reliability[i] = o.reliability();
            latency[i] = o.latencyMs();
            version[i] = o.policyVersion();
            power[i] = o.powerTotalW();
            rate[i] = o.sumRateGbps();
            if (!o.fallbackAgents().isEmpty()) {
                fallbackSlots++;
            }
            firstSlotOfVersion.putIfAbsent(o.policyVersion(), o.slot());
        }
        int window = Math.max(1, Math.min(100, n / 10));
        List<String> plotProblems = new java.util.ArrayList<>();
        plot(plotProblems, () -> Charts.lines(dir.resolve("reward.png"), "Reward (35) per slot", "slot", "reward", slot,
                Map.of("reward", reward), window));
        plot(plotProblems, () -> Charts.lines(dir.resolve("energy-efficiency.png"), "Energy efficiency (21)", "slot",
                "Gbit/J", slot, Map.of("energy efficiency", ee), window));
        plot(plotProblems, () -> Charts.lines(dir.resolve("reliability.png"), "Users with queue below q_max", "slot",
                "fraction", slot, Map.of("reliability", reliability), window));
        plot(plotProblems, () -> Charts.lines(dir.resolve("latency.png"), "Slot latency over Kafka", "slot", "ms", slot,
                Map.of("slot latency", latency), window));
        plot(plotProblems, () -> Charts.lines(dir.resolve("policy-version.png"), "Policy version the agents acted with",
                "slot", "version", slot, Map.of("policy version", version), 1));

        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("| setting | value |\n|---|---|\n");
        settings.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Summary\n\n| figure | value |\n|---|---|\n");
        row(md, "run id", status.runId());
        row(md, "state", status.state() + (status.message() == null ? "" : " (" + status.message() + ")"));
        row(md, "slots scored", Long.toString(n));
        row(md, "mean reward", fmt(mean(reward)));
        row(md, "mean reward, last 10% of slots", fmt(mean(tail(reward, 0.1))));
        row(md, "mean energy efficiency (Gbit/J)", fmt(mean(ee)));
        row(md, "mean energy efficiency, last 10% (Gbit/J)", fmt(mean(tail(ee, 0.1))));
        row(md, "mean sum rate (Gbit/s)", fmt(mean(rate)));
        row(md, "mean total power (W)", fmt(mean(power)));
        row(md, "reliability (users below q_max)", fmt(mean(reliability)));
        row(md, "slots with a deadline fallback", fallbackSlots + " of " + n);
        row(md, "slot latency p50 / p99 (ms)", fmt(percentile(latency, 50)) + " / " + fmt(percentile(latency, 99)));
        row(md, "slots per second", fmt(status.slotsPerSecond()));
        row(md, "policy versions used", firstSlotOfVersion.size() + " (newest " + firstSlotOfVersion.keySet().stream()
                .max(Long::compare).orElse(0L) + ")");
        md.append("\n## Plots\n\n");
        for (String png : List.of("reward", "energy-efficiency", "reliability", "latency", "policy-version")) {
            md.append("![").append(png).append("](").append(png).append(".png)\n\n");
        }
        if (!plotProblems.isEmpty()) {
            md.append("Some plots could not be drawn: ").append(String.join("; ", plotProblems)).append("\n\n");
        }
        md.append("## Policy versions\n\n| version | first slot |\n|---|---|\n");
        firstSlotOfVersion.forEach((v, s) -> md.append("| ").append(v).append(" | ").append(s).append(" |\n"));
        Path file = dir.resolve("report.md");
        Files.writeString(file, md.toString());
        return file;
    }

    private interface Plot {
        void draw() throws IOException;
    }

    private static void plot(List<String> problems, Plot plot) {
        try {
            plot.draw();
        } catch (IOException | RuntimeException e) {
            problems.add(e.toString());
        }
    }

    private static void row(StringBuilder md, String k, String v) {
        md.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double[] tail(double[] v, double fraction) {
        int k = Math.max(1, (int) Math.ceil(v.length * fraction));
        return v.length == 0 ? v : Arrays.copyOfRange(v, Math.max(0, v.length - k), v.length);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }
}

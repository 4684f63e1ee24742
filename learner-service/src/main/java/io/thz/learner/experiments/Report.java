package io.thz.learner.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code report.md}: the settings and every figure section present in the output directory (so
 * figures run by separate invocations into one directory end up in one report).
 */
final class Report {

    static final String FILE = "report.md";

    /** The command that reproduces every figure at the paper's scale. */
    static final String FULL_SCALE = "./thz experiments --figure all --steps 150000 --seeds 1,2,3 "
            + "--out runs/experiments-full --resume";

    private Report() {
    }

    static void write(Path out, Experiments.Options o, double wallSeconds) {
        StringBuilder md = new StringBuilder("# Reproducing the paper's figures (Section V)\n\n");
        md.append("Last written by `").append(o.command()).append("` (sections of figures run earlier into the same "
                + "directory are kept) on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(String.format(Locale.ROOT, "; machine: %d cores, %s %s, Java %s; this invocation took %s "
                                + "(wall clock; runs finished earlier are reused, and each section gives the machine "
                                + "time of its own runs).%n%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.name"), System.getProperty("os.arch"),
                        System.getProperty("java.version"), io.thz.learner.runners.Progress.duration((long) wallSeconds)));
        md.append("Each learned configuration is trained in one process by the same runner as `./thz train` (the "
                + "learner defaults of `learner-defaults.yaml`, with " + Experiments.CURVE_POINTS + " held-out "
                + "evaluations along training) and evaluated with the greedy policy on held-out episodes exactly as "
                + "`./thz evaluate`; the non-learning schemes are evaluated on the same held-out episodes. Every figure "
                + "section states its own budget. A verdict \"holds\" means every comparison the claim implies agrees "
                + "with the paper at this budget; \"partly (n of m)\" counts them.\n\n");
        md.append("Full scale (the paper trains 150 000 steps; several hours on this 2-core machine, resumable):\n\n```bash\n")
                .append(FULL_SCALE).append("\n```\n\n");
        List<Path> sections = new ArrayList<>();
        Path dir = out.resolve(FigureOutput.SECTIONS);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".md")).forEach(sections::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        List<String> order = new ArrayList<>(Figures.REGISTRY.keySet());
        sections.sort((a, b) -> {
            int ia = order.indexOf(stem(a));
            int ib = order.indexOf(stem(b));
            ia = ia < 0 ? Integer.MAX_VALUE : ia;
            ib = ib < 0 ? Integer.MAX_VALUE : ib;
            return ia != ib ? Integer.compare(ia, ib) : stem(a).compareTo(stem(b));
        });
        try {
            for (Path p : sections) {
                md.append(Files.readString(p));
            }
            Files.writeString(out.resolve(FILE), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(FILE), e);
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - 3);
    }
}

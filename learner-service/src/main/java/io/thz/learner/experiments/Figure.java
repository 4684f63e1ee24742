package io.thz.learner.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * One of the paper's figures: the configurations of its sweep (each a {@link Point} of a series),
 * and how its results become PNG plots, tables and the check of the paper's qualitative claims.
 */
public abstract class Figure {

    /**
     * One configuration of the sweep, placed on the plots.
     *
     * @param series        the line it belongs to (an algorithm, a scheme, a J/b setting)
     * @param x             its abscissa (J, K, N_A)
     * @param configuration what is trained or evaluated
     */
    public record Point(String series, double x, Configuration configuration) {
    }

    /**
     * A figure of merit shown in the tables and plots.
     *
     * @param label  name with unit
     * @param file   PNG file name stem
     * @param value  its value in a result
     */
    record Metric(String label, String file, ToDoubleFunction<RunResult> value) {
    }

    /**
     * A qualitative statement of the paper, checked on the results: it holds in {@code satisfied}
     * of {@code total} comparisons.
     *
     * @param statement the paper's claim, in words
     * @param satisfied comparisons that agree with it
     * @param total     comparisons made (0: not checkable on these results)
     * @param evidence  the numbers compared
     */
    public record Claim(String statement, int satisfied, int total, String evidence) {

        /** "holds", "partly (n of m)", "does not hold" or "not checked". */
        public String verdict() {
            if (total == 0) {
                return "not checked";
            }
            if (satisfied == total) {
                return "holds";
            }
            return satisfied == 0 ? "does not hold" : "partly (" + satisfied + " of " + total + ")";
        }
    }

    /** The results of a figure: every seed's result of each point. */
    public static final class Results {

        private final Map<Point, List<RunResult>> byPoint;
        private final String xName;

        /**
         * @param byPoint each point's results, one per seed
         * @param xName   symbol of the abscissa (J, K, N_A), for the claims' evidence
         */
        Results(Map<Point, List<RunResult>> byPoint, String xName) {
            this.byPoint = byPoint;
            this.xName = xName;
        }

        /** "J = 2": an abscissa with its symbol. */
        String at(double x) {
            return xName + " = " + number(x);
        }

        public Map<Point, List<RunResult>> byPoint() {
            return byPoint;
        }

        /** Series names in the order of the figure's points. */
        List<String> series() {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            byPoint.keySet().forEach(p -> names.add(p.series()));
            return new ArrayList<>(names);
        }

        /** Abscissae of a series, ascending. */
        List<Double> xs(String series) {
            TreeSet<Double> xs = new TreeSet<>();
            byPoint.keySet().stream().filter(p -> p.series().equals(series)).forEach(p -> xs.add(p.x()));
            return new ArrayList<>(xs);
        }

        /** Abscissae of all series, ascending. */
        List<Double> xs() {
            TreeSet<Double> xs = new TreeSet<>();
            byPoint.keySet().forEach(p -> xs.add(p.x()));
            return new ArrayList<>(xs);
        }

        /** The results of one point (empty when the figure has no such point). */
        List<RunResult> at(String series, double x) {
            for (Map.Entry<Point, List<RunResult>> e : byPoint.entrySet()) {
                if (e.getKey().series().equals(series) && e.getKey().x() == x) {
                    return e.getValue();
                }
            }
            return List.of();
        }

        boolean has(String series, double x) {
            return !at(series, x).isEmpty();
        }

        /** Mean, minimum and maximum over seeds of a value at one point (NaNs without results). */
        Charts.Point stat(String series, double x, ToDoubleFunction<RunResult> f) {
            List<RunResult> rs = at(series, x);
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (RunResult r : rs) {
                double v = f.applyAsDouble(r);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return rs.isEmpty() ? new Charts.Point(x, Double.NaN, Double.NaN, Double.NaN)
                    : new Charts.Point(x, sum / rs.size(), min, max);
        }

        double mean(String series, double x, ToDoubleFunction<RunResult> f) {
            return stat(series, x, f).mean();
        }

        /** A series' line of a value against x. */
        Charts.Series line(String series, boolean dashed, ToDoubleFunction<RunResult> f) {
            List<Charts.Point> pts = new ArrayList<>();
            for (double x : xs(series)) {
                pts.add(stat(series, x, f));
            }
            return new Charts.Series(series, dashed, pts);
        }

        /** Seeds of the results, for the report. */
        int seeds() {
            return byPoint.values().stream().mapToInt(List::size).max().orElse(0);
        }
    }

    private final String name;
    private final String title;

    protected Figure(String name, String title) {
        this.name = name;
        this.title = title;
    }

    /** Registry name, e.g. {@code fig5}. */
    public final String name() {
        return name;
    }

    /** One-line title. */
    public final String title() {
        return title;
    }

    /** What the paper's figure shows and how this sweep reproduces it (markdown). */
    public abstract String description();

    /** Name of the abscissa, with unit. */
    abstract String xLabel();

    /** Symbol of the abscissa in tables (J, K, N_A). */
    abstract String xName();

    /** The configurations of the sweep. */
    public abstract List<Point> points();

    /** The figures of merit of the tables and plots. */
    abstract List<Metric> metrics();

    /** True for series drawn dashed (reference schemes). */
    boolean dashed(String series) {
        return false;
    }

    /** The paper's qualitative claims, checked on the results. */
    abstract List<Claim> claims(Results results);

    /**
     * Writes the figure's PNGs into {@code dir} and returns their file names; by default one plot
     * per metric against x.
     */
    List<String> plots(Results results, Path dir) {
        List<String> files = new ArrayList<>();
        for (Metric m : metrics()) {
            List<Charts.Series> lines = new ArrayList<>();
            for (String s : results.series()) {
                lines.add(results.line(s, dashed(s), m.value()));
            }
            String file = name + "-" + m.file() + ".png";
            Charts.lines(dir.resolve(file), title.split(",")[0] + ": " + m.label() + " vs " + xLabel(), xLabel(), m.label(),
                    lines);
            files.add(file);
        }
        return files;
    }

    /** Markdown after the metric tables (e.g. training time and information exchange); none by default. */
    String extraMarkdown(Results results) {
        return "";
    }

    /** A markdown table of a metric: one row per series, one column per x (mean, and [min, max] over seeds). */
    static String table(Results results, String xName, Metric m) {
        List<Double> xs = results.xs();
        StringBuilder md = new StringBuilder("| ").append(m.label()).append(" |");
        for (double x : xs) {
            md.append(' ').append(xName).append(" = ").append(number(x)).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(xs.size())).append('\n');
        for (String s : results.series()) {
            md.append("| ").append(s).append(" |");
            for (double x : xs) {
                Charts.Point p = results.stat(s, x, m.value());
                md.append(' ').append(cell(p, results.at(s, x).size())).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    static String cell(Charts.Point p, int n) {
        if (Double.isNaN(p.mean())) {
            return "-";
        }
        String mean = f(p.mean());
        return n > 1 ? mean + " [" + f(p.min()) + ", " + f(p.max()) + "]" : mean;
    }

    /** An abscissa without a needless ".0". */
    static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** A value with 4 significant digits, or as a whole number when it is one (counts, floats per slot). */
    static String f(double v) {
        if (v == Math.rint(v) && (v == 0 || Math.abs(v) >= 1) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    // ---- helpers for the claims ----

    /**
     * Checks that a value moves in one direction along x for each series: each consecutive pair of
     * abscissae is one comparison.
     */
    static Claim trendAlongX(String statement, Results r, List<String> series, ToDoubleFunction<RunResult> f,
                             boolean increasing) {
        int ok = 0;
        int total = 0;
        StringBuilder ev = new StringBuilder();
        for (String s : series) {
            List<Double> xs = r.xs(s);
            if (xs.size() < 2) {
                continue;
            }
            ev.append(ev.length() > 0 ? "; " : "").append(s).append(":");
            for (int i = 0; i < xs.size(); i++) {
                double v = r.mean(s, xs.get(i), f);
                ev.append(i == 0 ? " " : " → ").append(f(v));
                if (i > 0) {
                    double prev = r.mean(s, xs.get(i - 1), f);
                    total++;
                    if (increasing ? v > prev : v < prev) {
                        ok++;
                    }
                }
            }
        }
        return new Claim(statement, ok, total, ev.toString());
    }

    /**
     * Checks at each x that the series are ordered: {@code ordered} lists series whose values should
     * rise (increasing) or fall along the list; each consecutive pair at each x is one comparison.
     */
    static Claim orderAcrossSeries(String statement, Results r, List<String> ordered, ToDoubleFunction<RunResult> f,
                                   boolean increasing) {
        int ok = 0;
        int total = 0;
        StringBuilder ev = new StringBuilder();
        for (double x : r.xs()) {
            List<String> present = ordered.stream().filter(s -> r.has(s, x)).toList();
            if (present.size() < 2) {
                continue;
            }
            ev.append(ev.length() > 0 ? "; " : "").append("at ").append(r.at(x)).append(":");
            for (int i = 0; i < present.size(); i++) {
                double v = r.mean(present.get(i), x, f);
                ev.append(i == 0 ? " " : " → ").append(f(v));
                if (i > 0) {
                    double prev = r.mean(present.get(i - 1), x, f);
                    total++;
                    if (increasing ? v > prev : v < prev) {
                        ok++;
                    }
                }
            }
        }
        return new Claim(statement, ok, total, ev.toString());
    }

    /** Checks at each x that one series is above (or below) every other listed series. */
    static Claim extreme(String statement, Results r, String series, List<String> others,
                         ToDoubleFunction<RunResult> f, boolean highest) {
        int ok = 0;
        int total = 0;
        StringBuilder ev = new StringBuilder();
        for (double x : r.xs()) {
            if (!r.has(series, x)) {
                continue;
            }
            double v = r.mean(series, x, f);
            ev.append(ev.length() > 0 ? "; " : "").append("at ").append(r.at(x)).append(": ").append(series)
                    .append(' ').append(f(v));
            for (String o : others) {
                if (o.equals(series) || !r.has(o, x)) {
                    continue;
                }
                double w = r.mean(o, x, f);
                ev.append(", ").append(o).append(' ').append(f(w));
                total++;
                if (highest ? v > w : v < w) {
                    ok++;
                }
            }
        }
        return new Claim(statement, ok, total, ev.toString());
    }
}

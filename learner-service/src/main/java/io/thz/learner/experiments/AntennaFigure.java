package io.thz.learner.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paper Figs. 6 and 7: one learned algorithm against the AP antennas N_A, one series per RIS count J
 * and phase bits b. Both figures share the same configurations (a run of one serves the other):
 * Fig. 6 shows sum rate and power, Fig. 7 energy efficiency and SE reliability.
 */
final class AntennaFigure extends Figure {

    /** What the figure plots. */
    enum Panels { RATE_AND_POWER, EFFICIENCY_AND_RELIABILITY }

    /**
     * One line of the figure.
     *
     * @param rises   J
     * @param risBits b
     */
    record Setting(int rises, int risBits) {
        String label() {
            return "J=" + rises + ", b=" + risBits;
        }
    }

    private final Panels panels;
    private final String algorithm;
    private final String baseScenario;
    private final List<Integer> antennas;
    private final List<Setting> settings;

    AntennaFigure(String name, Panels panels, String algorithm, String baseScenario, List<Integer> antennas,
                  List<Setting> settings) {
        super(name, panels == Panels.RATE_AND_POWER ? "Fig. 6, sum rate and power vs N_A"
                : "Fig. 7, energy efficiency and SE reliability vs N_A");
        this.panels = panels;
        this.algorithm = algorithm;
        this.baseScenario = baseScenario;
        this.antennas = List.copyOf(antennas);
        this.settings = List.copyOf(settings);
    }

    @Override
    public String description() {
        String what = panels == Panels.RATE_AND_POWER
                ? "Paper Fig. 6: sum rate and total power (transmit and circuit) against the AP antennas N_A, for J RISs with b-bit phases"
                : "Paper Fig. 7: energy efficiency (a) and reliability of the SE users (b) against the AP antennas N_A, for J RISs with b-bit phases";
        return what + ", with " + algorithm + " trained at each point. Scenario: bundled `" + baseScenario
                + "` with `network.antennas` = " + antennas + " and (`network.rises`, `network.risBits`) = "
                + settings.stream().map(s -> "(" + s.rises() + ", " + s.risBits() + ")").toList()
                + ". Figs. 6 and 7 share these runs.";
    }

    @Override
    String xName() {
        return "N_A";
    }

    @Override
    String xLabel() {
        return "AP antennas N_A";
    }

    @Override
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (Setting s : settings) {
            for (int n : antennas) {
                points.add(new Point(s.label(), n, new Configuration(algorithm, baseScenario, Map.of(
                        "network.antennas", Integer.toString(n), "network.rises", Integer.toString(s.rises()),
                        "network.risBits", Integer.toString(s.risBits())))));
            }
        }
        return points;
    }

    @Override
    List<Metric> metrics() {
        return panels == Panels.RATE_AND_POWER
                ? List.of(new Metric("sum rate (Gbit/s)", "sum-rate", r -> r.evaluation().sumRateGbps()),
                        new Metric("total power (W)", "power", r -> r.evaluation().powerW()))
                : List.of(new Metric("energy efficiency (Gbit/J)", "ee", r -> r.evaluation().eeGbitPerJoule()),
                        new Metric("SE reliability", "se-reliability", r -> r.evaluation().seReliability()));
    }

    /** Series labels of the given b in J order. */
    private List<String> byRises(int bits) {
        return settings.stream().filter(s -> s.risBits() == bits).sorted((a, b) -> Integer.compare(a.rises(), b.rises()))
                .map(Setting::label).toList();
    }

    private List<Integer> bitsValues() {
        return settings.stream().map(Setting::risBits).distinct().sorted().toList();
    }

    @Override
    List<Claim> claims(Results r) {
        List<Claim> claims = new ArrayList<>();
        List<String> all = r.series();
        if (panels == Panels.RATE_AND_POWER) {
            claims.add(trendAlongX("Power grows with N_A", r, all, x -> x.evaluation().powerW(), true));
            for (int b : bitsValues()) {
                claims.add(orderAcrossSeries("Power grows with J (b = " + b + ")", r, byRises(b),
                        x -> x.evaluation().powerW(), true));
            }
            claims.add(trendAlongX("The sum rate grows with N_A", r, all, x -> x.evaluation().sumRateGbps(), true));
            for (int b : bitsValues()) {
                claims.add(orderAcrossSeries("The sum rate falls as J grows (b = " + b + ")", r, byRises(b),
                        x -> x.evaluation().sumRateGbps(), false));
            }
        } else {
            claims.add(trendAlongX("Energy efficiency falls as N_A grows", r, all, x -> x.evaluation().eeGbitPerJoule(),
                    false));
            for (int b : bitsValues()) {
                claims.add(orderAcrossSeries("Energy efficiency falls as J grows (b = " + b + ")", r, byRises(b),
                        x -> x.evaluation().eeGbitPerJoule(), false));
            }
            claims.add(bitsCompare(r, "2-bit RISs draw more power than 1-bit RISs (same J and N_A)",
                    x -> x.evaluation().powerW(), null));
            claims.add(bitsCompare(r, "2-bit RISs reach a higher energy efficiency than 1-bit RISs at J = 4 and the "
                    + "largest N_A", x -> x.evaluation().eeGbitPerJoule(), 4));
            claims.add(trendAlongX("SE reliability grows with N_A", r, all, x -> x.evaluation().seReliability(), true));
            for (int b : bitsValues()) {
                claims.add(orderAcrossSeries("SE reliability grows with J (b = " + b + ")", r, byRises(b),
                        x -> x.evaluation().seReliability(), true));
            }
            claims.add(bitsCompare(r, "SE reliability grows with b (same J and N_A)", x -> x.evaluation().seReliability(),
                    null));
        }
        return claims;
    }

    /**
     * Compares b = 2 with b = 1 at the same J: at every N_A ({@code onlyRises} null), or at the largest
     * N_A and the given J.
     */
    private Claim bitsCompare(Results r, String statement, java.util.function.ToDoubleFunction<RunResult> f,
                              Integer onlyRises) {
        int ok = 0;
        int total = 0;
        StringBuilder ev = new StringBuilder();
        for (Setting two : settings) {
            if (two.risBits() != 2 || onlyRises != null && two.rises() != onlyRises) {
                continue;
            }
            String one = new Setting(two.rises(), 1).label();
            List<Double> xs = r.xs(two.label());
            if (onlyRises != null && !xs.isEmpty()) {
                xs = List.of(xs.get(xs.size() - 1));
            }
            for (double x : xs) {
                if (!r.has(one, x)) {
                    continue;
                }
                double v2 = r.mean(two.label(), x, f);
                double v1 = r.mean(one, x, f);
                total++;
                ok += v2 > v1 ? 1 : 0;
                ev.append(ev.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "J=%d N_A=%s: b=2 %s vs b=1 %s",
                        two.rises(), number(x), f(v2), f(v1)));
            }
        }
        return new Claim(statement, ok, total, ev.toString());
    }
}

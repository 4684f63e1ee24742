package io.thz.learner.experiments;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paper Fig. 5: energy efficiency and SE reliability against the number of users K, with the IoT
 * users per AP swept (K = M (K_S + K_U)), for the learned algorithms and the MIMO-NOMA schemes
 * without RIS (equal power, CSI-based and QoS-based clustering).
 */
final class UsersFigure extends Figure {

    /** Series name of the no-RIS CSI-based scheme. */
    static final String CSI = "equal-power-csi";
    /** Series name of the no-RIS QoS-based scheme. */
    static final String QOS = "equal-power-qos";

    private final String baseScenario;
    private final List<Integer> iotUsersPerAp;
    private final List<String> algorithms;
    private final List<String> baselines;

    /**
     * @param baseScenario  bundled scenario the sweep starts from
     * @param iotUsersPerAp the K_U values
     * @param algorithms    learned algorithms
     * @param baselines     non-learning schemes
     */
    UsersFigure(String name, String baseScenario, List<Integer> iotUsersPerAp, List<String> algorithms,
                List<String> baselines) {
        super(name, "Fig. 5, energy efficiency and SE reliability vs users K");
        this.baseScenario = baseScenario;
        this.iotUsersPerAp = List.copyOf(iotUsersPerAp);
        this.algorithms = List.copyOf(algorithms);
        this.baselines = List.copyOf(baselines);
    }

    @Override
    public String description() {
        return "Paper Fig. 5: energy efficiency (a) and reliability of the SE users (b) against the number of users K, "
                + "the IoT users per AP K_U being varied (K = M (K_S + K_U)), for the learned algorithms and the "
                + "MIMO-NOMA schemes without RIS (every element OFF) with equal power and CSI-based or QoS-based "
                + "clustering. Scenario: bundled `" + baseScenario + "` with `network.iotUsersPerAp` = " + iotUsersPerAp
                + ".";
    }

    @Override
    String xName() {
        return "K";
    }

    @Override
    String xLabel() {
        return "users K";
    }

    @Override
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        List<String> schemes = new ArrayList<>(algorithms);
        schemes.addAll(baselines);
        for (String scheme : schemes) {
            for (int ku : iotUsersPerAp) {
                Configuration c = new Configuration(scheme, baseScenario, Map.of("network.iotUsersPerAp", Integer.toString(ku)));
                JsonNode net = c.scenario().tree().path("network");
                int k = net.path("aps").asInt() * (net.path("seUsersPerAp").asInt() + ku);
                points.add(new Point(scheme, k, c));
            }
        }
        return points;
    }

    @Override
    List<Metric> metrics() {
        return List.of(new Metric("energy efficiency (Gbit/J)", "ee", r -> r.evaluation().eeGbitPerJoule()),
                new Metric("SE reliability", "se-reliability", r -> r.evaluation().seReliability()));
    }

    @Override
    boolean dashed(String series) {
        return baselines.contains(series);
    }

    @Override
    List<Claim> claims(Results r) {
        List<Claim> claims = new ArrayList<>();
        List<String> all = r.series();
        claims.add(extreme("The CSI-based MIMO-NOMA scheme has the lowest SE reliability", r, CSI, all,
                x -> x.evaluation().seReliability(), false));
        claims.add(gapGrows(r, all));
        claims.add(extreme("Without RIS, QoS-based clustering gives a higher SE reliability than CSI-based", r, QOS,
                List.of(CSI), x -> x.evaluation().seReliability(), true));
        claims.add(extreme("The QoS-based MIMO-NOMA scheme has the lowest energy efficiency", r, QOS, all,
                x -> x.evaluation().eeGbitPerJoule(), false));
        for (String a : algorithms) {
            claims.add(extreme(a + " achieves a higher energy efficiency than the schemes without RIS", r, a, baselines,
                    x -> x.evaluation().eeGbitPerJoule(), true));
        }
        for (String a : algorithms) {
            int ok = 0;
            int total = 0;
            StringBuilder ev = new StringBuilder();
            for (double x : r.xs(a)) {
                double v = r.mean(a, x, y -> y.evaluation().seReliability());
                total++;
                ok += v >= 0.94 ? 1 : 0;
                ev.append(ev.length() > 0 ? ", " : "").append("K = ").append(number(x)).append(": ").append(f(v));
            }
            claims.add(new Claim("The SE reliability of " + a + " stays above 0.94 at every K", ok, total, ev.toString()));
        }
        return claims;
    }

    /** The CSI scheme's SE-reliability gap to the best other scheme grows with K. */
    private static Claim gapGrows(Results r, List<String> all) {
        List<Double> xs = r.xs(CSI);
        StringBuilder ev = new StringBuilder();
        int ok = 0;
        int total = 0;
        double prev = Double.NaN;
        for (double x : xs) {
            double best = Double.NEGATIVE_INFINITY;
            for (String s : all) {
                if (!s.equals(CSI) && r.has(s, x)) {
                    best = Math.max(best, r.mean(s, x, y -> y.evaluation().seReliability()));
                }
            }
            if (best == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double gap = best - r.mean(CSI, x, y -> y.evaluation().seReliability());
            ev.append(ev.length() > 0 ? " → " : "best other minus CSI-based: ").append(f(gap));
            if (!Double.isNaN(prev)) {
                total++;
                ok += gap > prev ? 1 : 0;
            }
            prev = gap;
        }
        return new Claim("The SE-reliability gap of the CSI-based scheme grows as users are added", ok, total,
                ev.toString());
    }
}

package io.thz.learner.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of the paper's figures by name, and their sweeps: the one place where the
 * experiment grids are defined. {@code all} selects every figure.
 */
public final class Figures {

    /** The name that selects every figure. */
    public static final String ALL = "all";

    /** Learning algorithms of Fig. 4, in legend order. */
    private static final List<String> FIG4_ALGORITHMS = List.of("ge-vdac", "ie-vdac", "vdac", "central-critic");
    /** RIS counts J of Fig. 4 (Section V: J = 1, 2, 4). */
    private static final List<Integer> FIG4_RISES = List.of(1, 2, 4);
    /** IoT users per AP of Fig. 5: K = 3 (4 + K_U) = 18, 24, 30, 36. */
    private static final List<Integer> FIG5_IOT_USERS_PER_AP = List.of(2, 4, 6, 8);
    /** Learned algorithms of Fig. 5: GE-VDAC and the exchange-free VDAC. */
    private static final List<String> FIG5_ALGORITHMS = List.of("ge-vdac", "vdac");
    /** The MIMO-NOMA schemes without RIS of Fig. 5 (equal power; QoS-based and CSI-based clustering). */
    private static final List<String> FIG5_BASELINES = List.of(UsersFigure.QOS, UsersFigure.CSI);
    /** AP antennas N_A of Figs. 6 and 7 (multiples of N_R = 4). */
    private static final List<Integer> FIG67_ANTENNAS = List.of(16, 32, 64, 128);
    /** (J, b) settings of Figs. 6 and 7. */
    private static final List<AntennaFigure.Setting> FIG67_SETTINGS = List.of(new AntennaFigure.Setting(1, 1),
            new AntennaFigure.Setting(2, 1), new AntennaFigure.Setting(4, 1), new AntennaFigure.Setting(1, 2),
            new AntennaFigure.Setting(2, 2), new AntennaFigure.Setting(4, 2));
    /** The algorithm trained at each point of Figs. 6 and 7. */
    private static final String FIG67_ALGORITHM = "ge-vdac";

    /** Name to figure, in the paper's order. */
    public static final Map<String, Figure> REGISTRY;

    static {
        Map<String, Figure> r = new LinkedHashMap<>();
        add(r, new ConvergenceFigure("fig4", "fig4", FIG4_RISES, FIG4_ALGORITHMS));
        add(r, new UsersFigure("fig5", "fig5", FIG5_IOT_USERS_PER_AP, FIG5_ALGORITHMS, FIG5_BASELINES));
        add(r, new AntennaFigure("fig6", AntennaFigure.Panels.RATE_AND_POWER, FIG67_ALGORITHM, "fig7", FIG67_ANTENNAS,
                FIG67_SETTINGS));
        add(r, new AntennaFigure("fig7", AntennaFigure.Panels.EFFICIENCY_AND_RELIABILITY, FIG67_ALGORITHM, "fig7",
                FIG67_ANTENNAS, FIG67_SETTINGS));
        REGISTRY = Collections.unmodifiableMap(r);
    }

    private Figures() {
    }

    private static void add(Map<String, Figure> r, Figure f) {
        r.put(f.name(), f);
    }

    /**
     * The figures a name selects: one, or every figure for {@code all}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static List<Figure> select(String name) {
        if (ALL.equals(name)) {
            return new ArrayList<>(REGISTRY.values());
        }
        Figure f = REGISTRY.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown figure '" + name + "'; valid: "
                    + String.join(", ", REGISTRY.keySet()) + ", " + ALL);
        }
        return List.of(f);
    }

    /** A Fig. 5 sweep on another scenario and grid (tests, small machines). */
    public static Figure users(String name, String baseScenario, List<Integer> iotUsersPerAp, List<String> algorithms,
                               List<String> baselines) {
        return new UsersFigure(name, baseScenario, iotUsersPerAp, algorithms, baselines);
    }

    /** A Fig. 4 sweep on another scenario and grid. */
    public static Figure convergence(String name, String baseScenario, List<Integer> rises, List<String> algorithms) {
        return new ConvergenceFigure(name, baseScenario, rises, algorithms);
    }
}

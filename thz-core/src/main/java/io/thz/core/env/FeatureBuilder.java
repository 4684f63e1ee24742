package io.thz.core.env;

import io.thz.core.channel.SlotChannels;
import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.EdgeType;
import io.thz.core.model.RisAction;
import io.thz.core.model.User;
import io.thz.core.policy.GraphObservation;
import io.thz.core.ris.EquivalentChannel;
import io.thz.core.ris.RisConfiguration;
import io.thz.core.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The node and edge features of the agent graph (spec section 9, equation 37) and the global state
 * s(t) of the mixer and the central critic, with their widths. Features are deterministic functions
 * of (the slot's channels, the queue state, the previous joint action); complex values are
 * {@code [re, im]} pairs, matrices are vectorised row by row, a user block lists the AP's users in
 * scenario order (its SE users, then its IoT users).
 *
 * <h2>Layout (floats)</h2>
 * <ul>
 * <li>AP node i, {@code 2 K_m N_A + 2 K_m}: vec H~^{ii} (row u = own user u, the 1 x N_A direct
 *     channel) / a_ref; Lambda_u / q_max,u of the own users; the previous powers p_u / P_max.</li>
 * <li>RIS node j, {@code 2 L}: the previous action as the reflection coefficients
 *     {@code omega_l e^{j theta_l}} (0 for an OFF element), which is what the channel sees.</li>
 * <li>AP i to AP i' edge, {@code 2 K_m N_A}: vec H~^{ii'}, the direct channels from AP i to the users
 *     of AP i', / a_ref.</li>
 * <li>AP i to RIS j edge, {@code 2 M K_m N_A}: M blocks vec H^{im}, the EQUIVALENT channels (4) from
 *     AP i to the users of AP m under the previous slot's RIS configuration, / a_ref. Block order is
 *     relative to the sender: first m = i (its own users), then the other APs in increasing index,
 *     so that relabelling APs permutes edges, not the layout inside them. A block whose AP m does
 *     not neighbour RIS j (no AP_RIS edge m to j) is zero: the width is fixed by M whatever the
 *     neighbour radius.</li>
 * <li>RIS j to AP i edge, {@code 2 L N_A + 2 K_m L}: vec G_ij (the L x N_A AP i to RIS j channel) /
 *     the AP-RIS reference amplitude, then vec F^{ji} (row u = the 1 x L channel from RIS j to user
 *     u of AP i) / the RIS-user reference amplitude.</li>
 * </ul>
 * The scales are {@link FeatureScales}.
 *
 * <h2>Global state, {@code 4 K + J + 1} floats</h2>
 * Per user k (scenario order), four values: {@code ||h^{mk}||^2 / (N_A a_ref^2)}, the gain of the
 * equivalent channel from its serving AP m under the previous RIS configuration; q_k / q_max,k;
 * Y_k / q_max,k; the previous slot's rate R_k / R_ref (0 at the episode start). Then per RIS the
 * fraction of its elements ON in the previous action, and last t / T, the elapsed fraction of the
 * episode (the time limit is part of the state: Pardo et al., "Time limits in reinforcement
 * learning", ICML 2018).
 *
 * <p>A reusable workspace: not thread-safe, one per environment.
 */
public final class FeatureBuilder {

    private final AgentGraph graph;
    private final FeatureScales scales;
    private final EnvInfo info;
    private final int aps;
    private final int rises;
    private final int usersPerAp;
    private final int users;
    private final int antennas;
    private final int elements;
    private final int risBits;
    private final int slotsPerEpisode;
    /** Global index of user u of AP m: [m][u]. */
    private final int[][] apUsers;
    /** Serving AP of each user. */
    private final int[] servingAp;
    private final int[] allUsers;

    private final EquivalentChannel equivalent = new EquivalentChannel();
    private final List<RisConfiguration> risConfigurations = new ArrayList<>();
    /** Equivalent channels under the previous RIS configuration: [i][k][n]. */
    private final double[][][] equivalentRe;
    private final double[][][] equivalentIm;
    private SlotChannels preparedChannels;
    private JointAction preparedAction;

    /**
     * @param scenario the network (sizes, positions, q_max, P_max)
     * @param graph    the agent graph of the scenario
     */
    public FeatureBuilder(Scenario scenario, AgentGraph graph) {
        this.graph = graph;
        this.scales = FeatureScales.of(scenario);
        this.aps = scenario.network().aps();
        this.rises = scenario.network().rises();
        this.usersPerAp = scenario.network().usersPerAp();
        this.antennas = scenario.network().antennas();
        this.elements = scenario.network().risElements();
        this.risBits = scenario.network().risBits();
        this.slotsPerEpisode = scenario.slotsPerEpisode();
        if (graph.aps() != aps || graph.rises() != rises) {
            throw new IllegalArgumentException("graph has " + graph.aps() + " APs and " + graph.rises()
                    + " RISs, the scenario " + aps + " and " + rises);
        }
        List<User> userList = scenario.users();
        this.users = userList.size();
        this.apUsers = new int[aps][usersPerAp];
        this.servingAp = new int[users];
        this.allUsers = new int[users];
        int[] filled = new int[aps];
        for (int k = 0; k < users; k++) {
            int m = userList.get(k).ap();
            apUsers[m][filled[m]++] = k;
            servingAp[k] = m;
            allUsers[k] = k;
        }
        for (int j = 0; j < rises; j++) {
            risConfigurations.add(new RisConfiguration(new double[elements], new double[elements]));
        }
        this.equivalentRe = new double[aps][users][antennas];
        this.equivalentIm = new double[aps][users][antennas];
        this.info = new EnvInfo(aps, rises, usersPerAp, elements, 1 + RisConfiguration.levels(risBits),
                apNodeDim(usersPerAp, antennas), risNodeDim(elements), apApEdgeDim(usersPerAp, antennas),
                apRisEdgeDim(aps, usersPerAp, antennas), risApEdgeDim(usersPerAp, antennas, elements),
                stateDim(users, rises), slotsPerEpisode, scenario.power().pmaxW());
    }

    /** Floats of an AP node: vec H~^{ii}, Lambda and previous powers of the K_m own users. */
    public static int apNodeDim(int usersPerAp, int antennas) {
        return 2 * usersPerAp * antennas + 2 * usersPerAp;
    }

    /** Floats of a RIS node: the L previous reflection coefficients. */
    public static int risNodeDim(int elements) {
        return 2 * elements;
    }

    /** Floats of an AP-AP edge: K_m x N_A complex. */
    public static int apApEdgeDim(int usersPerAp, int antennas) {
        return 2 * usersPerAp * antennas;
    }

    /** Floats of an AP-RIS edge: M blocks of K_m x N_A complex. */
    public static int apRisEdgeDim(int aps, int usersPerAp, int antennas) {
        return 2 * aps * usersPerAp * antennas;
    }

    /** Floats of a RIS-AP edge: L x N_A plus K_m x L complex. */
    public static int risApEdgeDim(int usersPerAp, int antennas, int elements) {
        return 2 * elements * antennas + 2 * usersPerAp * elements;
    }

    /** Floats of the global state: four per user, one per RIS, one for the time. */
    public static int stateDim(int users, int rises) {
        return 4 * users + rises + 1;
    }

    /** The sizes of the Dec-POMDP built by this builder. */
    public EnvInfo info() {
        return info;
    }

    /** The scale constants. */
    public FeatureScales scales() {
        return scales;
    }

    /** The agent graph the edge features follow. */
    public AgentGraph graph() {
        return graph;
    }

    /**
     * The features of one slot.
     *
     * @param channels            the slot's channels (before RIS reconfiguration)
     * @param lyapunovWeightsGbit Lambda_k = Y_k + 2 q_k at the start of the slot, per user, in Gbit
     * @param previous            the previous slot's joint action (not modified; keep it unchanged
     *                            while features of this slot are built)
     * @return fresh arrays (callers may keep them)
     */
    public GraphObservation observation(SlotChannels channels, double[] lyapunovWeightsGbit, JointAction previous) {
        checkUsers(lyapunovWeightsGbit, "lyapunovWeightsGbit");
        prepare(channels, previous);
        double a = scales.directAmplitude();
        float[][] apNodes = new float[aps][info.apNodeDim()];
        for (int i = 0; i < aps; i++) {
            float[] node = apNodes[i];
            int at = putDirect(node, 0, channels, i, i, a);
            for (int u = 0; u < usersPerAp; u++) {
                int k = apUsers[i][u];
                node[at++] = (float) (lyapunovWeightsGbit[k] / scales.queueMaxGbit()[k]);
            }
            for (int u = 0; u < usersPerAp; u++) {
                node[at++] = (float) (previous.powersW()[i][u] / scales.pmaxW());
            }
        }
        float[][] risNodes = new float[rises][info.risNodeDim()];
        for (int j = 0; j < rises; j++) {
            RisAction action = previous.ris()[j];
            for (int l = 0; l < elements; l++) {
                if (action.on()[l]) {
                    double theta = RisConfiguration.phaseRad(action.phase()[l], risBits);
                    risNodes[j][2 * l] = (float) Math.cos(theta);
                    risNodes[j][2 * l + 1] = (float) Math.sin(theta);
                }
            }
        }
        List<Edge> edges = graph.edges();
        float[][] edgeFeatures = new float[edges.size()][];
        for (int e = 0; e < edgeFeatures.length; e++) {
            Edge edge = edges.get(e);
            float[] f = new float[info.edgeDim(edge.type())];
            switch (edge.type()) {
                case AP_AP -> putDirect(f, 0, channels, edge.source(), edge.destination(), a);
                case AP_RIS -> putApRis(f, edge.source(), edge.destination(), a);
                case RIS_AP -> putRisAp(f, channels, edge.source(), edge.destination());
            }
            edgeFeatures[e] = f;
        }
        return new GraphObservation(apNodes, risNodes, edgeFeatures);
    }

    /**
     * The global state of one slot (layout in the class comment).
     *
     * @param channels           the slot's channels
     * @param queuesGbit         q_k at the start of the slot, in Gbit
     * @param virtualQueuesGbit  Y_k at the start of the slot, in Gbit
     * @param previousRatesBpsHz R_k of the previous slot, in bit/s/Hz (zeros at an episode start)
     * @param previous           the previous slot's joint action
     * @param slotInEpisode      t, 0..T (T: the bootstrap slot after the time limit)
     * @return a fresh array of {@link EnvInfo#stateDim()} floats
     */
    public float[] state(SlotChannels channels, double[] queuesGbit, double[] virtualQueuesGbit,
                         double[] previousRatesBpsHz, JointAction previous, int slotInEpisode) {
        checkUsers(queuesGbit, "queuesGbit");
        checkUsers(virtualQueuesGbit, "virtualQueuesGbit");
        checkUsers(previousRatesBpsHz, "previousRatesBpsHz");
        prepare(channels, previous);
        float[] s = new float[info.stateDim()];
        double a = scales.directAmplitude();
        double gainScale = 1.0 / (antennas * a * a);
        int at = 0;
        for (int k = 0; k < users; k++) {
            double[] re = equivalentRe[servingAp[k]][k];
            double[] im = equivalentIm[servingAp[k]][k];
            double gain = 0;
            for (int n = 0; n < antennas; n++) {
                gain += re[n] * re[n] + im[n] * im[n];
            }
            double qmax = scales.queueMaxGbit()[k];
            s[at++] = (float) (gain * gainScale);
            s[at++] = (float) (queuesGbit[k] / qmax);
            s[at++] = (float) (virtualQueuesGbit[k] / qmax);
            s[at++] = (float) (previousRatesBpsHz[k] / scales.referenceRateBpsHz());
        }
        for (int j = 0; j < rises; j++) {
            s[at++] = (float) ((double) RisConfiguration.onElements(previous.ris()[j]) / elements);
        }
        s[at] = (float) ((double) slotInEpisode / slotsPerEpisode);
        return s;
    }

    /** The equivalent channels of every AP to every user under the previous RIS configuration. */
    private void prepare(SlotChannels channels, JointAction previous) {
        if (channels == preparedChannels && previous == preparedAction) {
            return;
        }
        if (channels.aps() != aps || channels.users() != users || channels.rises() != rises
                || channels.antennas() != antennas || channels.risElements() != elements) {
            throw new IllegalArgumentException("channels are for M=" + channels.aps() + " K=" + channels.users()
                    + " J=" + channels.rises() + " N_A=" + channels.antennas() + " L=" + channels.risElements()
                    + ", the scenario has M=" + aps + " K=" + users + " J=" + rises + " N_A=" + antennas
                    + " L=" + elements);
        }
        for (int j = 0; j < rises; j++) {
            RisConfiguration c = risConfigurations.get(j);
            RisConfiguration.fill(previous.ris()[j], risBits, c.re(), c.im());
        }
        equivalent.prepare(channels, risConfigurations);
        for (int i = 0; i < aps; i++) {
            equivalent.channels(i, allUsers, users, equivalentRe[i], equivalentIm[i]);
        }
        preparedChannels = channels;
        preparedAction = previous;
    }

    /** vec H~^{i m}: the direct channels from AP i to the users of AP m, scaled. */
    private int putDirect(float[] out, int at, SlotChannels channels, int ap, int usersOf, double scale) {
        for (int u = 0; u < usersPerAp; u++) {
            at = putInterleaved(out, at, channels.direct()[ap][apUsers[usersOf][u]].data, 2 * antennas, scale);
        }
        return at;
    }

    /** Blocks vec H^{im}: own users first, then the other APs' in index order; zero if m is no neighbour. */
    private void putApRis(float[] out, int ap, int ris, double scale) {
        int at = 0;
        for (int b = 0; b < aps; b++) {
            int m = b == 0 ? ap : (b <= ap ? b - 1 : b);
            if (graph.find(EdgeType.AP_RIS, m, ris) < 0) {
                at += 2 * usersPerAp * antennas;
                continue;
            }
            for (int u = 0; u < usersPerAp; u++) {
                int k = apUsers[m][u];
                double[] re = equivalentRe[ap][k];
                double[] im = equivalentIm[ap][k];
                for (int n = 0; n < antennas; n++) {
                    out[at++] = (float) (re[n] / scale);
                    out[at++] = (float) (im[n] / scale);
                }
            }
        }
    }

    /** [vec G_{ap,ris}, vec F^{ris,ap}]. */
    private void putRisAp(float[] out, SlotChannels channels, int ris, int ap) {
        int at = putInterleaved(out, 0, channels.apRis()[ap][ris].data, 2 * elements * antennas,
                scales.apRisAmplitude());
        for (int u = 0; u < usersPerAp; u++) {
            at = putInterleaved(out, at, channels.risUser()[ris][apUsers[ap][u]].data, 2 * elements,
                    scales.risUserAmplitude());
        }
    }

    private static int putInterleaved(float[] out, int at, double[] data, int count, double scale) {
        for (int c = 0; c < count; c++) {
            out[at++] = (float) (data[c] / scale);
        }
        return at;
    }

    private void checkUsers(double[] values, String name) {
        if (values.length != users) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, expected one per user (K="
                    + users + ")");
        }
    }
}

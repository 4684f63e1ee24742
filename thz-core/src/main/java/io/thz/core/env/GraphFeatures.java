package io.thz.core.env;

import io.thz.core.channel.PathLoss;
import io.thz.core.channel.SlotChannels;
import io.thz.core.geometry.Vec3;
import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.GraphObservation;
import io.thz.core.scenario.Scenario;
import org.ejml.data.ZMatrixRMaj;

/**
 * The node and edge features of spec section 9 (equation 37) and the global state, with their
 * widths in one place (the widths size the networks, the builder fills them: a test checks they
 * agree). Complex values are [re, im] pairs; users of AP m are its K_m users in scenario order.
 *
 * <table>
 *   <caption>features</caption>
 *   <tr><td>AP node o^0_i</td><td>vec H~^{ii} (2 K_m N_A), ln(1 + Lambda_k / q_max,k) of its users (K_m),
 *       previous action: power fractions p_k / P_max and the unused fraction (K_m + 1)</td></tr>
 *   <tr><td>RIS node o^1_i</td><td>previous action: per element a one-hot over OFF and the 2^B_R
 *       phase levels (L (1 + 2^B_R))</td></tr>
 *   <tr><td>AP i to AP i'</td><td>vec H~^{ii'}, AP i to the users of AP i' (2 K_m N_A)</td></tr>
 *   <tr><td>AP i to RIS i'</td><td>vec H~^{im} for every AP m neighbouring RIS i', one slot per AP
 *       in index order, zero where m is not a neighbour (2 M K_m N_A)</td></tr>
 *   <tr><td>RIS i to AP i'</td><td>vec G_{i'i} (2 L N_A) and vec F^{ii'}, RIS i to the users of
 *       AP i' (2 L K_m)</td></tr>
 *   <tr><td>global state s</td><td>every AP node feature, every RIS node feature, vec H~^{ii'} for
 *       every AP pair i != i', vec F of every RIS to every user</td></tr>
 * </table>
 *
 * <p>Channel entries are divided by the amplitude of one path of their kind at the reference
 * distance d_ref (AP height minus user height, the shortest AP-user distance):
 * {@code sqrt(Lpath(f, d_ref) G)} for direct links, {@code sqrt(Lpath(f, d_ref) G_R)} for RIS
 * hops, so that features are of order one whatever the frequency and gains. Lambda = Y + 2q grows
 * without bound while a queue stays above q_max eps (Y sums the excess), so it enters as
 * ln(1 + Lambda / q_max): an unbounded raw input would drive the mixer's hypernetworks (and with
 * them the bootstrapped values) out of range. The paper's H^{im} on AP-RIS edges is taken as the direct channel H~^{im}:
 * the reconfigured channel depends on the RIS action being decided.
 */
public final class GraphFeatures {

    private final Scenario scenario;
    private final AgentGraph graph;
    private final int aps;
    private final int rises;
    private final int usersPerAp;
    private final int antennas;
    private final int elements;
    private final int choices;
    private final double directScale;
    private final double risScale;
    private final double[] queueMax;

    public GraphFeatures(Scenario scenario, AgentGraph graph) {
        this.scenario = scenario;
        this.graph = graph;
        this.aps = scenario.network().aps();
        this.rises = scenario.network().rises();
        this.usersPerAp = scenario.network().usersPerAp();
        this.antennas = scenario.network().antennas();
        this.elements = scenario.network().risElements();
        this.choices = 1 + (1 << scenario.network().risBits());
        double referenceM = Double.POSITIVE_INFINITY;
        for (Vec3 ap : scenario.deployment().aps()) {
            referenceM = Math.min(referenceM, ap.z() - scenario.geometry().userHeightM());
        }
        if (!(referenceM > 0)) {
            throw new IllegalArgumentException("the APs must be above the users to set the feature scale");
        }
        double loss = new PathLoss(scenario.radio().carrierHz(), scenario.radio().absorptionPerM()).linear(referenceM);
        this.directScale = 1.0 / Math.sqrt(loss * Math.pow(10, scenario.radio().apGainDbi() / 10));
        this.risScale = 1.0 / Math.sqrt(loss * Math.pow(10, scenario.radio().risGainDbi() / 10));
        this.queueMax = scenario.queueParameters().queueMaxGbit();
    }

    /** The sizes of everything, for the networks. */
    public EnvInfo info() {
        return new EnvInfo(aps, rises, usersPerAp, elements, choices, apNodeDim(), risNodeDim(), apApEdgeDim(),
                apRisEdgeDim(), risApEdgeDim(), stateDim(), scenario.slotsPerEpisode(), scenario.power().pmaxW());
    }

    public int apNodeDim() {
        return 2 * usersPerAp * antennas + usersPerAp + usersPerAp + 1;
    }

    public int risNodeDim() {
        return elements * choices;
    }

    public int apApEdgeDim() {
        return 2 * usersPerAp * antennas;
    }

    public int apRisEdgeDim() {
        return aps * 2 * usersPerAp * antennas;
    }

    public int risApEdgeDim() {
        return 2 * elements * antennas + 2 * elements * usersPerAp;
    }

    public int stateDim() {
        return aps * apNodeDim() + rises * risNodeDim() + aps * (aps - 1) * apApEdgeDim()
                + rises * aps * 2 * elements * usersPerAp;
    }

    /**
     * The observation of one slot.
     *
     * @param channels        the slot's channels
     * @param lambdaGbit      Lambda_k = Y_k + 2 q_k of every user at the start of the slot, in Gbit
     * @param previousPowerW  [M][K_m] the previous slot's powers in watts (zeros at the episode start)
     * @param previousChoices [J][L] the previous RIS choices (0 = OFF, c = phase level c - 1), or null at
     *                        the episode start
     */
    public GraphObservation observe(SlotChannels channels, double[] lambdaGbit, double[][] previousPowerW,
                                    int[][] previousChoices) {
        float[][] apNodes = new float[aps][];
        for (int i = 0; i < aps; i++) {
            float[] o = new float[apNodeDim()];
            int at = putUsers(o, 0, channels.direct()[i], i);
            for (int u = 0; u < usersPerAp; u++) {
                int k = i * usersPerAp + u;
                o[at++] = (float) Math.log1p(lambdaGbit[k] / queueMax[k]);
            }
            double pmax = scenario.power().pmaxW();
            double used = 0;
            for (int u = 0; u < usersPerAp; u++) {
                double p = previousPowerW == null ? 0 : previousPowerW[i][u];
                used += p;
                o[at++] = (float) (p / pmax);
            }
            o[at] = previousPowerW == null ? 0f : (float) Math.max(0, 1 - used / pmax);
            apNodes[i] = o;
        }
        float[][] risNodes = new float[rises][];
        for (int j = 0; j < rises; j++) {
            float[] o = new float[risNodeDim()];
            if (previousChoices != null) {
                for (int l = 0; l < elements; l++) {
                    o[l * choices + previousChoices[j][l]] = 1f;
                }
            }
            risNodes[j] = o;
        }
        float[][] edges = new float[graph.edges().size()][];
        for (int e = 0; e < edges.length; e++) {
            Edge edge = graph.edges().get(e);
            edges[e] = switch (edge.type()) {
                case AP_AP -> {
                    float[] d = new float[apApEdgeDim()];
                    putUsers(d, 0, channels.direct()[edge.source()], edge.destination());
                    yield d;
                }
                case AP_RIS -> {
                    float[] d = new float[apRisEdgeDim()];
                    for (int m = 0; m < aps; m++) {
                        if (graph.find(io.thz.core.graph.EdgeType.AP_RIS, m, edge.destination()) >= 0) {
                            putUsers(d, m * apApEdgeDim(), channels.direct()[edge.source()], m);
                        }
                    }
                    yield d;
                }
                case RIS_AP -> {
                    float[] d = new float[risApEdgeDim()];
                    int at = put(d, 0, channels.apRis()[edge.destination()][edge.source()], risScale);
                    for (int u = 0; u < usersPerAp; u++) {
                        at = put(d, at, channels.risUser()[edge.source()][edge.destination() * usersPerAp + u], risScale);
                    }
                    yield d;
                }
            };
        }
        return new GraphObservation(apNodes, risNodes, edges);
    }

    /** The global state s(t) of an observation of the same slot. */
    public float[] state(GraphObservation obs, SlotChannels channels) {
        float[] s = new float[stateDim()];
        int at = 0;
        for (float[] o : obs.apNodes()) {
            System.arraycopy(o, 0, s, at, o.length);
            at += o.length;
        }
        for (float[] o : obs.risNodes()) {
            System.arraycopy(o, 0, s, at, o.length);
            at += o.length;
        }
        for (int i = 0; i < aps; i++) {
            for (int k = 0; k < aps; k++) {
                if (i != k) {
                    at = putUsers(s, at, channels.direct()[i], k);
                }
            }
        }
        for (int j = 0; j < rises; j++) {
            for (ZMatrixRMaj f : channels.risUser()[j]) {
                at = put(s, at, f, risScale);
            }
        }
        if (at != s.length) {
            throw new IllegalStateException("state filled " + at + " of " + s.length + " floats");
        }
        return s;
    }

    /** Number of nodes of a type (for callers sizing per-agent arrays). */
    public int nodes(NodeType type) {
        return graph.nodes(type);
    }

    /** vec of AP {@code ap}'s direct channels to the users of AP {@code owner}, scaled. */
    private int putUsers(float[] out, int at, ZMatrixRMaj[] directFromAp, int owner) {
        for (int u = 0; u < usersPerAp; u++) {
            at = put(out, at, directFromAp[owner * usersPerAp + u], directScale);
        }
        return at;
    }

    private static int put(float[] out, int at, ZMatrixRMaj m, double scale) {
        double[] data = m.data;
        int n = m.getDataLength();
        for (int i = 0; i < n; i++) {
            out[at + i] = (float) (data[i] * scale);
        }
        return at + n;
    }
}

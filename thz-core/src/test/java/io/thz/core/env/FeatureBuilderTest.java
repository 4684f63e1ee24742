package io.thz.core.env;

import io.thz.core.channel.RankOne;
import io.thz.core.channel.SlotChannels;
import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.policy.GraphObservation;
import io.thz.core.ris.RisConfiguration;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureBuilderTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");
    private static final Scenario DEFAULT = ScenarioLoader.defaults();
    /** Features are floats of O(1) values. */
    private static final double FLOAT_TOL = 2e-6;

    @Test
    void featureWidthsEqualEnvInfoForEveryNodeAndEdgeType() {
        // small: APs at x = 2 and 6 (4 m apart), the RIS at (4, 0, 2): 3.35 m from each AP, so a
        // 3.5 m radius drops both AP-AP edges and keeps the AP-RIS ones. default: APs at x = 4/3, 4,
        // 20/3; 3 m keeps only AP 1 - RIS edges and the AP-AP edges of neighbours 2.67 m apart.
        Scenario smallRadius = ScenarioLoader.builder().bundled("small").set("network.neighbourRadiusM", "3.5").build();
        Scenario defaultRadius = ScenarioLoader.builder().set("network.neighbourRadiusM", "3").build();
        for (Scenario s : List.of(SMALL, DEFAULT, smallRadius, defaultRadius, ScenarioLoader.bundled("fig7"))) {
            ThzNetworkEnv env = new ThzNetworkEnv(s, 3);
            EnvInfo info = env.info();
            int km = s.network().usersPerAp();
            int na = s.network().antennas();
            int l = s.network().risElements();
            assertThat(info.apNodeDim()).isEqualTo(2 * km * na + 2 * km);
            assertThat(info.risNodeDim()).isEqualTo(2 * l);
            assertThat(info.apApEdgeDim()).isEqualTo(2 * km * na);
            assertThat(info.apRisEdgeDim()).isEqualTo(2 * s.network().aps() * km * na);
            assertThat(info.risApEdgeDim()).isEqualTo(2 * l * na + 2 * km * l);
            assertThat(info.stateDim()).isEqualTo(4 * s.network().users() + s.network().rises() + 1);
            assertThat(info.risChoices()).isEqualTo(1 + (1 << s.network().risBits()));
            assertThat(info.apActionDim()).isEqualTo(km + 1);
            for (int step = 0; step < 2; step++) {
                GraphObservation obs = step == 0 ? env.reset() : env.step(env.defaultAction()).observation();
                assertThat(obs.apNodes()).hasNumberOfRows(info.aps());
                for (float[] node : obs.apNodes()) {
                    assertThat(node).hasSize(info.nodeDim(NodeType.AP));
                }
                assertThat(obs.risNodes()).hasNumberOfRows(info.rises());
                for (float[] node : obs.risNodes()) {
                    assertThat(node).hasSize(info.nodeDim(NodeType.RIS));
                }
                List<Edge> edges = env.graph().edges();
                assertThat(obs.edges()).hasNumberOfRows(edges.size());
                for (int e = 0; e < edges.size(); e++) {
                    assertThat(obs.edges()[e]).hasSize(info.edgeDim(edges.get(e).type()));
                }
                assertThat(env.state()).hasSize(info.stateDim());
            }
        }
        assertThat(new ThzNetworkEnv(smallRadius, 1).graph().edgeCount(EdgeType.AP_AP)).isZero();
        assertThat(new ThzNetworkEnv(smallRadius, 1).graph().edgeCount(EdgeType.AP_RIS)).isEqualTo(2);
        AgentGraph cut = new ThzNetworkEnv(defaultRadius, 1).graph();
        assertThat(cut.edgeCount(EdgeType.AP_AP)).isEqualTo(4);
        assertThat(cut.edgeCount(EdgeType.AP_RIS)).isEqualTo(2);
        assertThat(cut.edges()).contains(new Edge(EdgeType.AP_RIS, 1, 0), new Edge(EdgeType.RIS_AP, 1, 1));
        assertThat(new ThzNetworkEnv(DEFAULT, 1).graph().edges()).hasSize(6 + 6 + 6);
    }

    @Test
    void apNodeStartsWithItsFirstUsersFirstAntennaScaledByTheLosAmplitudeAtTwoMetres() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 11);
        GraphObservation obs = env.reset();
        // a_ref = sqrt(Lpath(f, d) G), d = ceiling 3 m - user height 1 m = 2 m, f = 0.3 THz,
        // k = 0.0033 /m, G = 20 dBi: (c / (4 pi f d))^2 = (299792458 / (4 pi 3e11 2))^2 = 1.58105e-9
        double spreading = 299_792_458.0 / (4 * Math.PI * 3e11 * 2);
        double aRef = Math.sqrt(spreading * spreading * Math.exp(-0.0033 * 2) * 100);
        assertThat(aRef).isCloseTo(3.9630e-4, within(1e-8));
        assertThat(env.scales().directAmplitude()).isCloseTo(aRef, within(1e-18));
        SlotChannels ch = env.channels();
        // AP 0's first user is user 0; AP 1's is user 3 (K_m = 3)
        assertThat((double) obs.apNodes()[0][0]).isCloseTo(ch.direct()[0][0].data[0] / aRef, within(FLOAT_TOL));
        assertThat((double) obs.apNodes()[0][1]).isCloseTo(ch.direct()[0][0].data[1] / aRef, within(FLOAT_TOL));
        assertThat((double) obs.apNodes()[1][0]).isCloseTo(ch.direct()[1][3].data[0] / aRef, within(FLOAT_TOL));
        assertThat((double) obs.apNodes()[1][2]).isCloseTo(ch.direct()[1][3].data[2] / aRef, within(FLOAT_TOL));
        // episode start: Lambda = 0, previous powers P_max / K_m = 5/3 W -> 1/3, RIS all OFF
        int lambdaAt = 2 * 3 * 8;
        for (int u = 0; u < 3; u++) {
            assertThat(obs.apNodes()[0][lambdaAt + u]).isZero();
            assertThat((double) obs.apNodes()[0][lambdaAt + 3 + u]).isCloseTo(1.0 / 3, within(FLOAT_TOL));
        }
        assertThat(obs.risNodes()[0]).containsOnly(0f);
    }

    @Test
    void nodesCarryTheLyapunovWeightsAndThePreviousActionAfterAStep() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 11);
        env.reset();
        // B_R = 1: theta = pi beta. Elements: ON 0, OFF, ON pi, ON 0.
        RisAction ris = new RisAction(new boolean[] {true, false, true, true}, new int[] {0, 1, 1, 0});
        JointAction action = new JointAction(new double[][] {{1, 2, 0.5}, {0, 4, 1}}, new RisAction[] {ris},
                Clustering.QOS);
        StepResult result = env.step(action);
        GraphObservation obs = result.observation();
        float[] expectedRis = {1, 0, 0, 0, -1, 0, 1, 0};
        for (int i = 0; i < expectedRis.length; i++) {
            assertThat(obs.risNodes()[0][i]).isCloseTo(expectedRis[i], within(1e-7f));
        }
        double[] q = result.queues().queuesGbit();
        double[] y = result.queues().virtualQueuesGbit();
        double[] qmax = SMALL.queueParameters().queueMaxGbit();
        assertThat(qmax).containsExactly(25, 25, 10, 25, 25, 10);
        assertThat(q[0] + y[0]).as("an SE user's Lambda after 10 Gbit/slot arrivals").isPositive();
        int lambdaAt = 2 * 3 * 8;
        for (int m = 0; m < 2; m++) {
            for (int u = 0; u < 3; u++) {
                int k = 3 * m + u;
                assertThat((double) obs.apNodes()[m][lambdaAt + u]).isCloseTo((y[k] + 2 * q[k]) / qmax[k],
                        within(1e-6 * (1 + (y[k] + 2 * q[k]) / qmax[k])));
                assertThat((double) obs.apNodes()[m][lambdaAt + 3 + u]).isCloseTo(action.powersW()[m][u] / 5,
                        within(FLOAT_TOL));
            }
        }
        // state: per user [gain, q/qmax, Y/qmax, R/R_ref], then the ON fraction 3/4, then t/T = 1/10
        float[] state = result.state();
        for (int k = 0; k < 6; k++) {
            assertThat((double) state[4 * k + 1]).isCloseTo(q[k] / qmax[k], within(1e-6 * (1 + q[k] / qmax[k])));
            assertThat((double) state[4 * k + 2]).isCloseTo(y[k] / qmax[k], within(1e-6 * (1 + y[k] / qmax[k])));
            assertThat((double) state[4 * k + 3]).isCloseTo(
                    result.outcome().rateBpsHz()[k] / env.scales().referenceRateBpsHz(), within(FLOAT_TOL));
        }
        assertThat(state[24]).isEqualTo(0.75f);
        assertThat(state[25]).isCloseTo(0.1f, within(1e-7f));
    }

    /** Every edge of a graph with some edges removed holds the blocks the layout documents. */
    @Test
    void everyEdgeFeatureHoldsItsDocumentedChannelsUnderThePreviousRisConfiguration() {
        Scenario s = ScenarioLoader.builder().set("network.neighbourRadiusM", "3").build();
        ThzNetworkEnv env = new ThzNetworkEnv(s, 21);
        env.reset();
        RisAction[] ris = new RisAction[2];
        java.util.Random random = new java.util.Random(4);
        for (int j = 0; j < 2; j++) {
            boolean[] on = new boolean[20];
            int[] phase = new int[20];
            for (int l = 0; l < 20; l++) {
                on[l] = random.nextBoolean();
                phase[l] = random.nextInt(2);
            }
            ris[j] = new RisAction(on, phase);
        }
        double[][] powers = env.defaultAction().powersW();
        GraphObservation obs = env.step(new JointAction(powers, ris, Clustering.QOS)).observation();
        SlotChannels ch = env.channels();
        FeatureScales sc = env.scales();
        AgentGraph graph = env.graph();
        int km = 8;
        int na = 64;
        int l = 20;
        for (int e = 0; e < graph.edges().size(); e++) {
            Edge edge = graph.edges().get(e);
            float[] f = obs.edges()[e];
            int at = 0;
            switch (edge.type()) {
                case AP_AP -> {
                    for (int u = 0; u < km; u++) {
                        at = expect(f, at, ch.direct()[edge.source()][edge.destination() * km + u].data,
                                sc.directAmplitude(), "apAp " + edge);
                    }
                }
                case AP_RIS -> {
                    int i = edge.source();
                    int[] order = new int[3];
                    order[0] = i;
                    for (int m = 0, b = 1; m < 3; m++) {
                        if (m != i) {
                            order[b++] = m;
                        }
                    }
                    for (int m : order) {
                        boolean neighbour = graph.find(EdgeType.AP_RIS, m, edge.destination()) >= 0;
                        for (int u = 0; u < km; u++) {
                            double[] h = neighbour ? naiveEquivalent(ch, ris, 1, i, m * km + u) : new double[2 * na];
                            at = expect(f, at, h, sc.directAmplitude(), "apRis " + edge + " block " + m);
                        }
                    }
                    // AP 1 is the only AP within 3 m of either RIS: its other two blocks are zero
                    assertThat(i).isEqualTo(1);
                }
                case RIS_AP -> {
                    at = expect(f, at, ch.apRis()[edge.destination()][edge.source()].data, sc.apRisAmplitude(),
                            "risAp G " + edge);
                    for (int u = 0; u < km; u++) {
                        at = expect(f, at, ch.risUser()[edge.source()][edge.destination() * km + u].data,
                                sc.risUserAmplitude(), "risAp F " + edge);
                    }
                }
            }
            assertThat(at).isEqualTo(f.length);
        }
        // the RIS changed the equivalent channel: the AP-RIS feature is not the direct channel
        int apRis = graph.find(EdgeType.AP_RIS, 1, 0);
        double diff = 0;
        for (int n = 0; n < 2 * na; n++) {
            diff = Math.max(diff, Math.abs(obs.edges()[apRis][n] - ch.direct()[1][8].data[n] / sc.directAmplitude()));
        }
        assertThat(diff).isGreaterThan(1e-3);
        assertThat(l).isEqualTo(s.network().risElements());
    }

    /**
     * Swapping the two APs of the small network (AP 0 with AP 1, and AP 0's users with AP 1's: both
     * serve 2 SE + 1 IoT users) permutes the features: nodes swap, each edge maps to its image.
     */
    @Test
    void swappingTwoApsRolesPermutesNodesAndEdges() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 8);
        env.reset();
        RisAction ris = new RisAction(new boolean[] {true, true, false, true}, new int[] {1, 0, 0, 1});
        env.step(new JointAction(new double[][] {{1, 2, 0.5}, {0.2, 3, 1}}, new RisAction[] {ris}, Clustering.QOS));
        SlotChannels ch = env.channels();
        JointAction previous = env.previousAction();
        double[] lambda = new double[6];
        double[] q = env.queuesGbit();
        double[] y = env.virtualQueuesGbit();
        double[] rates = {1, 2, 3, 4, 5, 6};
        for (int k = 0; k < 6; k++) {
            lambda[k] = y[k] + 2 * q[k];
        }
        FeatureBuilder builder = new FeatureBuilder(SMALL, env.graph());
        GraphObservation a = builder.observation(ch, lambda, previous);
        float[] stateA = builder.state(ch, q, y, rates, previous, 1);

        int[] ap = {1, 0};
        int[] user = {3, 4, 5, 0, 1, 2}; // user k of the swapped network is user[k] of the original
        ZMatrixRMaj[][] direct = new ZMatrixRMaj[2][6];
        ZMatrixRMaj[][] risUser = new ZMatrixRMaj[1][6];
        ZMatrixRMaj[][] apRis = new ZMatrixRMaj[2][1];
        RankOne[][] factors = new RankOne[2][1];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 6; k++) {
                direct[i][k] = ch.direct()[ap[i]][user[k]];
            }
            apRis[i][0] = ch.apRis()[ap[i]][0];
            factors[i][0] = ch.apRisFactor(ap[i], 0);
        }
        for (int k = 0; k < 6; k++) {
            risUser[0][k] = ch.risUser()[0][user[k]];
        }
        SlotChannels swapped = new SlotChannels(8, 4, direct, risUser, apRis, factors);
        JointAction swappedPrevious = new JointAction(new double[][] {previous.powersW()[1], previous.powersW()[0]},
                previous.ris(), Clustering.QOS);
        double[] lambdaS = new double[6];
        double[] qS = new double[6];
        double[] yS = new double[6];
        double[] ratesS = new double[6];
        for (int k = 0; k < 6; k++) {
            lambdaS[k] = lambda[user[k]];
            qS[k] = q[user[k]];
            yS[k] = y[user[k]];
            ratesS[k] = rates[user[k]];
        }
        GraphObservation b = new FeatureBuilder(SMALL, env.graph()).observation(swapped, lambdaS, swappedPrevious);
        float[] stateB = new FeatureBuilder(SMALL, env.graph()).state(swapped, qS, yS, ratesS, swappedPrevious, 1);

        assertThat(b.apNodes()[0]).containsExactly(a.apNodes()[1]);
        assertThat(b.apNodes()[1]).containsExactly(a.apNodes()[0]);
        assertThat(b.risNodes()[0]).containsExactly(a.risNodes()[0]);
        AgentGraph graph = env.graph();
        for (int e = 0; e < graph.edges().size(); e++) {
            Edge edge = graph.edges().get(e);
            Edge image = switch (edge.type()) {
                case AP_AP -> new Edge(EdgeType.AP_AP, ap[edge.source()], ap[edge.destination()]);
                case AP_RIS -> new Edge(EdgeType.AP_RIS, ap[edge.source()], edge.destination());
                case RIS_AP -> new Edge(EdgeType.RIS_AP, edge.source(), ap[edge.destination()]);
            };
            assertThat(b.edges()[e]).as("edge " + edge).containsExactly(
                    a.edges()[graph.find(image.type(), image.source(), image.destination())]);
        }
        for (int k = 0; k < 6; k++) {
            for (int c = 0; c < 4; c++) {
                assertThat(stateB[4 * k + c]).isEqualTo(stateA[4 * user[k] + c]);
            }
        }
        assertThat(stateB[24]).isEqualTo(stateA[24]);
        assertThat(stateB[25]).isEqualTo(stateA[25]);
    }

    private static int expect(float[] f, int at, double[] interleaved, double scale, String what) {
        for (double v : interleaved) {
            assertThat((double) f[at]).as(what + " at " + at).isCloseTo(v / scale, within(FLOAT_TOL * (1 + Math.abs(v / scale))));
            at++;
        }
        return at;
    }

    /** h = h~ + sum_j sum_l f_jl omega_jl e^{j theta_jl} G_ij[l, :], written out naively. */
    private static double[] naiveEquivalent(SlotChannels ch, RisAction[] ris, int bits, int ap, int user) {
        int na = ch.antennas();
        double[] h = ch.direct()[ap][user].data.clone();
        for (int j = 0; j < ris.length; j++) {
            double[] f = ch.risUser()[j][user].data;
            double[] g = ch.apRis()[ap][j].data;
            for (int l = 0; l < ch.risElements(); l++) {
                if (!ris[j].on()[l]) {
                    continue;
                }
                double theta = RisConfiguration.phaseRad(ris[j].phase()[l], bits);
                double cr = f[2 * l] * Math.cos(theta) - f[2 * l + 1] * Math.sin(theta);
                double ci = f[2 * l] * Math.sin(theta) + f[2 * l + 1] * Math.cos(theta);
                for (int n = 0; n < na; n++) {
                    double gr = g[2 * (l * na + n)];
                    double gi = g[2 * (l * na + n) + 1];
                    h[2 * n] += cr * gr - ci * gi;
                    h[2 * n + 1] += cr * gi + ci * gr;
                }
            }
        }
        return h;
    }

}

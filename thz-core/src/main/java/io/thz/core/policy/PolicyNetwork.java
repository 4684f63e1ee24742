package io.thz.core.policy;

import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;

import java.util.List;

/**
 * The agents' forward pass in plain Java from a published {@link WeightBlob} (no DJL, no
 * reflection). It is exposed in the steps the agents run over Kafka, one message-passing layer at a
 * time:
 * <ol>
 *   <li>{@link #edgeMessage}: the message e_ii'^(n) agent i sends to i' (38);</li>
 *   <li>{@link #nodeUpdate}: z_i^(n) from z_i^(n-1) and the mean of the inbound messages (39);</li>
 *   <li>{@link #agentStep}: FC, GRU, actor head and local critic on z~_i = [o_i, z_i^(N)] (41).</li>
 * </ol>
 * {@link #forward} runs the three steps for a whole graph in one process.
 *
 * <p>Both MLPs are two linear layers with a ReLU between them and a linear output; the FC before
 * the GRU has a ReLU; the GRU follows PyTorch's gate order (reset, update, new).
 *
 * <p>Every raw feature (node feature, edge feature, assembled VDAC / IE-VDAC input) first goes
 * through {@link #symlog}, {@code sign(x) ln(1 + |x|)}: about the identity for the O(1) channel
 * entries, logarithmic for queue-derived features (Lambda, Y) that grow without bound while a
 * queue stays long. Callers always pass raw features; the methods transform them.
 */
public final class PolicyNetwork {

    private final PolicyShape shape;
    private final long policyVersion;
    private final Dense[][][] edgeMlp;   // [layer][edge type][fc]
    private final Dense[][][] nodeMlp;   // [layer][node type][fc]
    private final Dense[] fc1 = new Dense[2];
    private final Dense[] gruInput = new Dense[2];
    private final Dense[] gruHidden = new Dense[2];
    private final Dense[] head = new Dense[2];
    private final Dense[] critic = new Dense[2];
    private final float[] logStd;

    private PolicyNetwork(WeightBlob blob) {
        this.shape = blob.shape();
        this.policyVersion = blob.policyVersion();
        int layers = shape.actorInput() == ActorInput.GRAPH_EMBEDDED ? shape.layers() : 0;
        edgeMlp = new Dense[layers][EdgeType.values().length][];
        nodeMlp = new Dense[layers][NodeType.values().length][];
        for (int n = 0; n < layers; n++) {
            for (EdgeType type : EdgeType.values()) {
                if (shape.hasEdgeType(type)) {
                    edgeMlp[n][type.ordinal()] = new Dense[] {
                        dense(blob, PolicyShape.edgeMlpName(n, type, 0)),
                        dense(blob, PolicyShape.edgeMlpName(n, type, 1))};
                }
            }
            for (NodeType type : NodeType.values()) {
                if (shape.hasNodeType(type)) {
                    nodeMlp[n][type.ordinal()] = new Dense[] {
                        dense(blob, PolicyShape.nodeMlpName(n, type, 0)),
                        dense(blob, PolicyShape.nodeMlpName(n, type, 1))};
                }
            }
        }
        for (NodeType type : NodeType.values()) {
            if (!shape.hasNodeType(type)) {
                continue;
            }
            String agent = PolicyShape.agentName(type);
            int u = type.ordinal();
            fc1[u] = dense(blob, agent + ".fc1");
            gruInput[u] = dense(blob, agent + ".gru.i2h");
            gruHidden[u] = dense(blob, agent + ".gru.h2h");
            head[u] = dense(blob, agent + ".head");
            if (shape.localCritics()) {
                critic[u] = dense(blob, agent + ".critic");
            }
        }
        logStd = blob.tensor(PolicyShape.agentName(NodeType.AP) + ".logStd").data().clone();
    }

    /** The network of a blob (already validated by {@link WeightBlob#fromBytes}). */
    public static PolicyNetwork of(WeightBlob blob) {
        return new PolicyNetwork(blob);
    }

    public PolicyShape shape() {
        return shape;
    }

    /** The learner's update counter of these weights. */
    public long policyVersion() {
        return policyVersion;
    }

    /** log sigma of the AP Gaussian over the K_m + 1 power logits (state independent). */
    public float[] apLogStd() {
        return logStd.clone();
    }

    /**
     * Equation (38): the message agent i sends over one outbound edge at layer {@code layer} (0-based,
     * the paper's n - 1).
     *
     * @param layer       0..N-1
     * @param type        the edge type (its source type is the sender's)
     * @param senderState z_i^(n-1): the node feature at layer 0, else the previous layer's output
     * @param edgeFeature d_ii'
     * @return e_ii'^(n), S_E floats
     */
    public float[] edgeMessage(int layer, EdgeType type, float[] senderState, float[] edgeFeature) {
        return message(layer, type, layer == 0 ? symlog(senderState) : senderState, symlog(edgeFeature));
    }

    private float[] message(int layer, EdgeType type, float[] senderState, float[] edgeFeature) {
        Dense[] mlp = edgeLayers(layer, type);
        float[] hiddenUnits = Dense.relu(mlp[0].applyConcat(senderState, edgeFeature));
        return Dense.identity(mlp[1].applyConcat(hiddenUnits));
    }

    /**
     * Equation (39) with mean aggregation: z_i^(n) = Psi_u(z_i^(n-1), mean of the inbound messages).
     * A node without inbound edges aggregates the zero vector.
     *
     * @param layer   0..N-1
     * @param type    the node's type
     * @param state   z_i^(n-1)
     * @param inbound the messages e_i'i^(n) of every inbound edge
     * @return z_i^(n), S_Z floats
     */
    public float[] nodeUpdate(int layer, NodeType type, float[] state, List<float[]> inbound) {
        return update(layer, type, layer == 0 ? symlog(state) : state, inbound);
    }

    private float[] update(int layer, NodeType type, float[] state, List<float[]> inbound) {
        float[] mean = new float[shape.embedding()];
        if (!inbound.isEmpty()) {
            double[] sum = new double[mean.length];
            for (float[] message : inbound) {
                if (message.length != mean.length) {
                    throw new IllegalArgumentException("message of " + message.length + " floats, S_E = " + mean.length);
                }
                for (int k = 0; k < mean.length; k++) {
                    sum[k] += message[k];
                }
            }
            for (int k = 0; k < mean.length; k++) {
                mean[k] = (float) (sum[k] / inbound.size());
            }
        }
        Dense[] mlp = nodeLayers(layer, type);
        float[] hiddenUnits = Dense.relu(mlp[0].applyConcat(state, mean));
        return Dense.identity(mlp[1].applyConcat(hiddenUnits));
    }

    /** Equation (41): z~_i = [o_i, z_i^(N)] (o_i through {@link #symlog}). */
    public float[] embeddedInput(float[] nodeFeature, float[] finalState) {
        return concat(symlog(nodeFeature), finalState);
    }

    private static float[] concat(float[] nodeFeature, float[] finalState) {
        float[] input = new float[nodeFeature.length + finalState.length];
        System.arraycopy(nodeFeature, 0, input, 0, nodeFeature.length);
        System.arraycopy(finalState, 0, input, nodeFeature.length, finalState.length);
        return input;
    }

    /**
     * The action generation sub-policy and the local critic: FC + ReLU, GRU, then the actor head and
     * the critic head on the GRU output.
     *
     * @param type       the agent's type
     * @param actorInput z~_i (or the VDAC / IE-VDAC input from {@link ActorInputs})
     * @param gruState   the agent's GRU state from the previous slot (zeros at episode start)
     * @return head output, local value and the new GRU state
     */
    public AgentOutput agentStep(NodeType type, float[] actorInput, float[] gruState) {
        return step(type, shape.actorInput() == ActorInput.GRAPH_EMBEDDED ? actorInput : symlog(actorInput), gruState);
    }

    /** sign(x) ln(1 + |x|), element by element: the input transform of every raw feature. */
    public static float[] symlog(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float v = x[i];
            y[i] = v == 0f ? 0f : (float) Math.copySign(Math.log1p(Math.abs((double) v)), v);
        }
        return y;
    }

    private AgentOutput step(NodeType type, float[] actorInput, float[] gruState) {
        int u = type.ordinal();
        if (fc1[u] == null) {
            throw new IllegalArgumentException("the policy has no " + type + " agents");
        }
        int h = shape.gru();
        if (gruState.length != h) {
            throw new IllegalArgumentException("GRU state of " + gruState.length + " floats, S_GRU = " + h);
        }
        float[] x = Dense.relu(fc1[u].applyConcat(actorInput));
        double[] gi = gruInput[u].applyConcat(x);
        double[] gh = gruHidden[u].applyConcat(gruState);
        float[] next = new float[h];
        for (int k = 0; k < h; k++) {
            double reset = sigmoid(gi[k] + gh[k]);
            double update = sigmoid(gi[h + k] + gh[h + k]);
            double candidate = Math.tanh(gi[2 * h + k] + reset * gh[2 * h + k]);
            next[k] = (float) ((1 - update) * candidate + update * gruState[k]);
        }
        float[] out = Dense.identity(head[u].applyConcat(next));
        float value = critic[u] == null ? Float.NaN : (float) critic[u].applyConcat(next)[0];
        return new AgentOutput(out, value, next);
    }

    /**
     * One slot for the whole graph in one process: N message-passing layers (when the policy embeds
     * the graph), then every agent's step.
     *
     * @param graph     the agent graph of the slot
     * @param obs       node and edge features
     * @param apGru     [M][S_GRU] GRU states, read only
     * @param risGru    [J][S_GRU] GRU states, read only
     * @return per AP then per RIS, the agents' outputs
     */
    public GraphOutput forward(AgentGraph graph, GraphObservation obs, float[][] apGru, float[][] risGru) {
        float[][] apInputs = new float[graph.aps()][];
        float[][] risInputs = new float[graph.rises()][];
        GraphObservation x = transformed(obs);
        if (shape.actorInput() == ActorInput.GRAPH_EMBEDDED) {
            float[][] zAp = x.apNodes();
            float[][] zRis = x.risNodes();
            List<Edge> edges = graph.edges();
            for (int n = 0; n < shape.layers(); n++) {
                float[][] messages = new float[edges.size()][];
                for (int e = 0; e < edges.size(); e++) {
                    Edge edge = edges.get(e);
                    float[] sender = edge.type().source() == NodeType.AP ? zAp[edge.source()] : zRis[edge.source()];
                    messages[e] = message(n, edge.type(), sender, x.edges()[e]);
                }
                zAp = update(graph, n, NodeType.AP, zAp, messages);
                zRis = update(graph, n, NodeType.RIS, zRis, messages);
            }
            for (int i = 0; i < graph.aps(); i++) {
                apInputs[i] = concat(x.apNodes()[i], zAp[i]);
            }
            for (int j = 0; j < graph.rises(); j++) {
                risInputs[j] = concat(x.risNodes()[j], zRis[j]);
            }
        } else {
            for (int i = 0; i < graph.aps(); i++) {
                apInputs[i] = ActorInputs.assemble(shape, graph, x, NodeType.AP, i);
            }
            for (int j = 0; j < graph.rises(); j++) {
                risInputs[j] = ActorInputs.assemble(shape, graph, x, NodeType.RIS, j);
            }
        }
        AgentOutput[] aps = new AgentOutput[graph.aps()];
        for (int i = 0; i < aps.length; i++) {
            aps[i] = step(NodeType.AP, apInputs[i], apGru[i]);
        }
        AgentOutput[] rises = new AgentOutput[graph.rises()];
        for (int j = 0; j < rises.length; j++) {
            rises[j] = step(NodeType.RIS, risInputs[j], risGru[j]);
        }
        return new GraphOutput(aps, rises);
    }

    private float[][] update(AgentGraph graph, int layer, NodeType type, float[][] states, float[][] messages) {
        float[][] next = new float[graph.nodes(type)][];
        for (int i = 0; i < next.length; i++) {
            List<Integer> inbound = graph.inbound(type, i);
            List<float[]> received = new java.util.ArrayList<>(inbound.size());
            for (int e : inbound) {
                received.add(messages[e]);
            }
            next[i] = update(layer, type, states[i], received);
        }
        return next;
    }

    /** Every raw feature of an observation through {@link #symlog}. */
    private static GraphObservation transformed(GraphObservation obs) {
        return new GraphObservation(symlogAll(obs.apNodes()), symlogAll(obs.risNodes()), symlogAll(obs.edges()));
    }

    private static float[][] symlogAll(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = symlog(rows[i]);
        }
        return out;
    }

    private Dense[] edgeLayers(int layer, EdgeType type) {
        if (layer < 0 || layer >= edgeMlp.length) {
            throw new IllegalArgumentException("layer " + layer + " outside 0.." + (edgeMlp.length - 1));
        }
        Dense[] mlp = edgeMlp[layer][type.ordinal()];
        if (mlp == null) {
            throw new IllegalArgumentException("the policy has no " + type + " edges");
        }
        return mlp;
    }

    private Dense[] nodeLayers(int layer, NodeType type) {
        if (layer < 0 || layer >= nodeMlp.length) {
            throw new IllegalArgumentException("layer " + layer + " outside 0.." + (nodeMlp.length - 1));
        }
        Dense[] mlp = nodeMlp[layer][type.ordinal()];
        if (mlp == null) {
            throw new IllegalArgumentException("the policy has no " + type + " nodes");
        }
        return mlp;
    }

    private static Dense dense(WeightBlob blob, String name) {
        return new Dense(blob.tensor(name + ".weight"), blob.tensor(name + ".bias"));
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * The outputs of every agent in one slot.
     *
     * @param aps   per AP
     * @param rises per RIS
     */
    public record GraphOutput(AgentOutput[] aps, AgentOutput[] rises) {
    }
}

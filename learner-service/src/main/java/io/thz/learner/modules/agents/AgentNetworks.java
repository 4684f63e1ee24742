package io.thz.learner.modules.agents;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.PolicyShape;
import io.thz.core.policy.Tensor;
import io.thz.core.policy.WeightBlob;
import io.thz.learner.modules.ParameterNames;
import io.thz.learner.modules.gnn.GraphEmbedding;
import io.thz.learner.modules.gnn.GraphTensors;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All actors (and their local critics) of one policy: the optional graph embedding ({@code gnn})
 * shared by every agent, and one {@link RecurrentAgent} per agent type ({@code agent.ap},
 * {@code agent.ris}). Parameter names, with DJL's "_" read as ".", are exactly the tensor names of
 * {@link PolicyShape#tensorShapes()}, so {@link #export} gives the blob the agents load.
 *
 * <p>Dimensions: B episodes, T steps, M APs, J RISs, S = B T samples, S_Z embedding output.
 */
public final class AgentNetworks extends AbstractBlock {

    private static final byte VERSION = 1;

    private final PolicyShape shape;
    private final GraphEmbedding gnn;
    private final Map<NodeType, RecurrentAgent> agents = new EnumMap<>(NodeType.class);

    private AgentNetworks(Builder builder) {
        super(VERSION);
        this.shape = builder.shape;
        this.gnn = shape.actorInput() == ActorInput.GRAPH_EMBEDDED
                ? addChildBlock("gnn", GraphEmbedding.builder().setShape(shape).build()) : null;
        for (NodeType type : NodeType.values()) {
            if (!shape.hasNodeType(type)) {
                continue;
            }
            RecurrentAgent.Builder agent = RecurrentAgent.builder().setInputs(shape.actorInputDim(type))
                    .setGru(shape.gru()).setHeadOutputs(shape.headDim(type)).optLocalCritic(shape.localCritics());
            if (type == NodeType.AP) {
                agent.optGaussian(shape.apActions(), builder.initialLogStd);
            }
            agents.put(type, addChildBlock(PolicyShape.agentName(type), agent.build()));
        }
    }

    public PolicyShape shape() {
        return shape;
    }

    /**
     * sign(x) ln(1 + |x|): the input transform of every raw feature, as in thz-core's
     * {@code PolicyNetwork.symlog}.
     */
    public static NDArray symlog(NDArray x) {
        return x.abs().add(1).log().mul(x.sign());
    }

    /** The forward pass over whole episodes (GRU state zero at each episode's first step); raw features in. */
    public AgentOutputs apply(ParameterStore store, GraphTensors graph, PolicyInputs raw, boolean training) {
        Map<EdgeType, NDArray> edges = new EnumMap<>(EdgeType.class);
        raw.edges().forEach((type, e) -> edges.put(type, symlog(e)));
        PolicyInputs in = new PolicyInputs(raw.apNodes() == null ? null : symlog(raw.apNodes()),
                raw.risNodes() == null ? null : symlog(raw.risNodes()), edges,
                raw.apInputs() == null ? null : symlog(raw.apInputs()),
                raw.risInputs() == null ? null : symlog(raw.risInputs()));
        NDArray apIn;
        NDArray risIn;
        if (gnn != null) {
            Shape a = in.apNodes().getShape();
            long b = a.get(0);
            long t = a.get(1);
            Map<EdgeType, NDArray> flatEdges = new EnumMap<>(EdgeType.class);
            for (Map.Entry<EdgeType, NDArray> e : in.edges().entrySet()) {
                Shape s = e.getValue().getShape();
                flatEdges.put(e.getKey(), e.getValue().reshape(b * t, s.get(2), s.get(3))); // (S, E_t, D_t)
            }
            NDArray apFlat = in.apNodes().reshape(b * t, a.get(2), a.get(3));              // (S, M, D_ap)
            NDArray risFlat = null;
            if (in.risNodes() != null) {
                Shape r = in.risNodes().getShape();
                risFlat = in.risNodes().reshape(b * t, r.get(2), r.get(3));                 // (S, J, D_ris)
            }
            NDArray[] z = gnn.apply(store, graph, apFlat, risFlat, flatEdges, training);   // (S, N_u, S_Z)
            apIn = in.apNodes().concat(z[0].reshape(b, t, a.get(2), shape.hidden()), -1); // (B, T, M, D_ap + S_Z)
            risIn = risFlat == null ? null : in.risNodes().concat(
                    z[1].reshape(b, t, in.risNodes().getShape().get(2), shape.hidden()), -1); // (B, T, J, D_ris + S_Z)
        } else {
            apIn = in.apInputs();
            risIn = in.risInputs();
        }
        RecurrentAgent ap = agents.get(NodeType.AP);
        NDList apOut = ap.forwardSequence(store, apIn, training);
        NDArray logStd = ap.logStd(store, apIn.getDevice(), training);
        NDList risOut = risIn == null ? null : agents.get(NodeType.RIS).forwardSequence(store, risIn, training);
        return new AgentOutputs(apOut.get(0), logStd, apOut.size() > 1 ? apOut.get(1) : null,
                risOut == null ? null : risOut.get(0), risOut != null && risOut.size() > 1 ? risOut.get(1) : null);
    }

    /** Every parameter by tensor name (see {@link ParameterNames}). */
    public Map<String, Parameter> namedParameters() {
        return ParameterNames.of(this, "");
    }

    /** The weight blob the agents load. */
    public WeightBlob export(long policyVersion) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : namedParameters().entrySet()) {
            NDArray array = p.getValue().getArray();
            long[] dims = array.getShape().getShape();
            int[] intDims = new int[dims.length];
            for (int d = 0; d < dims.length; d++) {
                intDims[d] = Math.toIntExact(dims[d]);
            }
            tensors.put(p.getKey(), new Tensor(p.getKey(), intDims, array.toFloatArray()));
        }
        return new WeightBlob(policyVersion, shape, tensors);
    }

    /** Loads every parameter from a blob of the same shape. */
    public void load(WeightBlob blob) {
        if (!blob.shape().equals(shape)) {
            throw new IllegalArgumentException("blob shape " + blob.shape() + " differs from the network's " + shape);
        }
        for (Map.Entry<String, Parameter> p : namedParameters().entrySet()) {
            p.getValue().getArray().set(blob.tensor(p.getKey()).data());
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        throw new UnsupportedOperationException("call apply(store, graph, inputs, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(-1, -1, shape.aps(), shape.apActions())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (gnn != null) {
            gnn.initialize(manager, dataType, new Shape(1));
        }
        agents.values().forEach(a -> a.initialize(manager, dataType, new Shape(1)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: the shape is required; the initial log sigma of the AP Gaussian is optional (0). */
    public static final class Builder {
        private PolicyShape shape;
        private double initialLogStd;

        public Builder setShape(PolicyShape shape) {
            this.shape = shape;
            return this;
        }

        public Builder optInitialLogStd(double initialLogStd) {
            this.initialLogStd = initialLogStd;
            return this;
        }

        public AgentNetworks build() {
            if (shape == null) {
                throw new IllegalArgumentException("AgentNetworks needs a shape");
            }
            return new AgentNetworks(this);
        }
    }
}

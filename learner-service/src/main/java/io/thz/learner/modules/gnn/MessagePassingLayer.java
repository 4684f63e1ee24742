package io.thz.learner.modules.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.PolicyShape;

import java.util.EnumMap;
import java.util.Map;

/**
 * One MPGNN layer n: every edge type has its own psi (38) (children {@code edge.apAp},
 * {@code edge.apRis}, {@code edge.risAp}), every node type its own Psi (39) (children
 * {@code node.ap}, {@code node.ris}); inbound messages are averaged over all edge types.
 *
 * <p>Dimensions: S samples (batch x time), M APs, J RISs, E_t edges of type t, D_t edge feature,
 * Z_u node state of type u at layer n-1, S_E embedding, S_Z output.
 */
public final class MessagePassingLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final PolicyShape shape;
    private final int layer;
    private final Map<EdgeType, TwoLayerMlp> edgeMlps = new EnumMap<>(EdgeType.class);
    private final Map<NodeType, TwoLayerMlp> nodeMlps = new EnumMap<>(NodeType.class);

    private MessagePassingLayer(Builder builder) {
        super(VERSION);
        this.shape = builder.shape;
        this.layer = builder.layer;
        for (EdgeType type : EdgeType.values()) {
            if (shape.hasEdgeType(type)) {
                edgeMlps.put(type, addChildBlock("edge." + type.key(), TwoLayerMlp.builder()
                        .setInputs(shape.stateDim(layer, type.source()) + shape.edgeDim(type))
                        .setHidden(shape.mlpHidden()).setOutputs(shape.embedding()).build()));
            }
        }
        for (NodeType type : NodeType.values()) {
            if (shape.hasNodeType(type)) {
                nodeMlps.put(type, addChildBlock("node." + PolicyShape.nodeKey(type), TwoLayerMlp.builder()
                        .setInputs(shape.stateDim(layer, type) + shape.embedding())
                        .setHidden(shape.mlpHidden()).setOutputs(shape.hidden()).build()));
            }
        }
    }

    /**
     * One round of message passing.
     *
     * @param zAp   (S, M, Z_ap) AP states z^(n-1)
     * @param zRis  (S, J, Z_ris) RIS states, or null without RISs
     * @param edges per edge type (S, E_t, D_t) edge features (absent types: null)
     * @return {zAp', zRis'} of shape (S, M, S_Z), (S, J, S_Z) (zRis' null without RISs)
     */
    public NDArray[] apply(ParameterStore store, GraphTensors graph, NDArray zAp, NDArray zRis,
                           Map<EdgeType, NDArray> edges, boolean training) {
        NDManager manager = zAp.getManager();
        NDArray aggAp = null;
        NDArray aggRis = null;
        for (EdgeType type : EdgeType.values()) {
            if (!graph.has(type)) {
                continue;
            }
            NDArray sources = type.source() == NodeType.AP ? zAp : zRis;
            NDArray senders = graph.gather(manager, type).matMul(sources);             // (S, E_t, Z_src)
            NDArray input = senders.concat(edges.get(type), -1);                       // (S, E_t, Z_src + D_t)
            NDArray messages = edgeMlps.get(type).apply(store, input, training);       // (S, E_t, S_E)
            NDArray received = graph.mean(manager, type).matMul(messages);             // (S, N_dst, S_E)
            if (type.destination() == NodeType.AP) {
                aggAp = aggAp == null ? received : aggAp.add(received);
            } else {
                aggRis = aggRis == null ? received : aggRis.add(received);
            }
        }
        NDArray nextAp = nodeMlps.get(NodeType.AP).apply(store,
                zAp.concat(orZeros(aggAp, zAp), -1), training);                       // (S, M, S_Z)
        NDArray nextRis = zRis == null ? null : nodeMlps.get(NodeType.RIS).apply(store,
                zRis.concat(orZeros(aggRis, zRis), -1), training);                    // (S, J, S_Z)
        return new NDArray[] {nextAp, nextRis};
    }

    private NDArray orZeros(NDArray aggregate, NDArray states) {
        if (aggregate != null) {
            return aggregate;
        }
        Shape s = states.getShape();
        return states.getManager().zeros(new Shape(s.get(0), s.get(1), shape.embedding()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        throw new UnsupportedOperationException("call apply(store, graph, zAp, zRis, edges, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(-1, shape.aps(), shape.hidden()), new Shape(-1, shape.rises(), shape.hidden())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        edgeMlps.values().forEach(b -> b.initialize(manager, dataType, new Shape(1)));
        nodeMlps.values().forEach(b -> b.initialize(manager, dataType, new Shape(1)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: the network shape and the layer index (0-based) are required. */
    public static final class Builder {
        private PolicyShape shape;
        private int layer = -1;

        public Builder setShape(PolicyShape shape) {
            this.shape = shape;
            return this;
        }

        public Builder setLayer(int layer) {
            this.layer = layer;
            return this;
        }

        public MessagePassingLayer build() {
            if (shape == null || layer < 0 || layer >= shape.layers()) {
                throw new IllegalArgumentException("MessagePassingLayer needs a shape and a layer in 0..layers-1");
            }
            return new MessagePassingLayer(this);
        }
    }
}

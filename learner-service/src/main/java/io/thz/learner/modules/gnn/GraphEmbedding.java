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
import io.thz.core.policy.PolicyShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The graph embedding sub-policy pi_G (40): N message-passing layers (children {@code 0..N-1}),
 * starting from z^(0) = o_i.
 *
 * <p>Dimensions: S samples, M APs, J RISs, D_u node feature of type u, S_Z output.
 */
public final class GraphEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<MessagePassingLayer> layers = new ArrayList<>();

    private GraphEmbedding(Builder builder) {
        super(VERSION);
        for (int n = 0; n < builder.shape.layers(); n++) {
            layers.add(addChildBlock(Integer.toString(n),
                    MessagePassingLayer.builder().setShape(builder.shape).setLayer(n).build()));
        }
    }

    /**
     * @param apNodes  (S, M, D_ap) AP node features
     * @param risNodes (S, J, D_ris) RIS node features, or null without RISs
     * @param edges    per edge type (S, E_t, D_t)
     * @return {z_ap^(N) (S, M, S_Z), z_ris^(N) (S, J, S_Z) or null}
     */
    public NDArray[] apply(ParameterStore store, GraphTensors graph, NDArray apNodes, NDArray risNodes,
                           Map<EdgeType, NDArray> edges, boolean training) {
        NDArray[] z = {apNodes, risNodes};
        for (MessagePassingLayer layer : layers) {
            z = layer.apply(store, graph, z[0], z[1], edges, training);
        }
        return z;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        throw new UnsupportedOperationException("call apply(store, graph, apNodes, risNodes, edges, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return layers.get(layers.size() - 1).getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        layers.forEach(l -> l.initialize(manager, dataType, new Shape(1)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: the network shape is required. */
    public static final class Builder {
        private PolicyShape shape;

        public Builder setShape(PolicyShape shape) {
            this.shape = shape;
            return this;
        }

        public GraphEmbedding build() {
            if (shape == null) {
                throw new IllegalArgumentException("GraphEmbedding needs a shape");
            }
            return new GraphEmbedding(this);
        }
    }
}

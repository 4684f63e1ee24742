package io.thz.learner.modules.mixers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.thz.learner.modules.gnn.TwoLayerMlp;

/**
 * The monotonic mixing network of (45)-(46), QMIX style: the weights of a two-layer mixer come from
 * hypernetworks of the global state through abs(), so dV_tot/dV_i >= 0 for every agent (Lemma 2):
 * <pre>
 *   hidden = elu(v W1(s) + b1(s)),  W1 = |hyperW1(s)|
 *   V_tot  = hidden WF(s) + V(s),   WF = |hyperWFinal(s)|
 * </pre>
 * Children: {@code hyperW1}, {@code hyperB1}, {@code hyperWFinal}, {@code hyperV} (state to E to 1).
 *
 * <p>Dimensions: S samples, n agents, D state, E mixing width.
 */
public final class QmixMixer extends AbstractBlock implements Mixer {

    private static final byte VERSION = 1;

    private final int agents;
    private final int stateDim;
    private final int embed;
    private final Linear hyperW1;
    private final Linear hyperB1;
    private final Linear hyperWFinal;
    private final TwoLayerMlp hyperV;

    private QmixMixer(Builder builder) {
        super(VERSION);
        this.agents = builder.agents;
        this.stateDim = builder.stateDim;
        this.embed = builder.embed;
        this.hyperW1 = addChildBlock("hyperW1", Linear.builder().setUnits((long) agents * embed).build());
        this.hyperB1 = addChildBlock("hyperB1", Linear.builder().setUnits(embed).build());
        this.hyperWFinal = addChildBlock("hyperWFinal", Linear.builder().setUnits(embed).build());
        this.hyperV = addChildBlock("hyperV", TwoLayerMlp.builder().setInputs(stateDim).setHidden(embed)
                .setOutputs(1).build());
    }

    @Override
    public NDArray mix(ParameterStore store, NDArray values, NDArray state, boolean training) {
        long samples = values.getShape().get(0);
        NDList s = new NDList(state);
        NDArray w1 = hyperW1.forward(store, s, training).singletonOrThrow().abs()
                .reshape(samples, agents, embed);                                          // (S, n, E)
        NDArray b1 = hyperB1.forward(store, s, training).singletonOrThrow().reshape(samples, 1, embed); // (S, 1, E)
        NDArray hidden = Activation.elu(values.reshape(samples, 1, agents).matMul(w1).add(b1), 1f); // (S, 1, E)
        NDArray wFinal = hyperWFinal.forward(store, s, training).singletonOrThrow().abs()
                .reshape(samples, embed, 1);                                               // (S, E, 1)
        NDArray v = hyperV.apply(store, state, training).reshape(samples, 1, 1);          // (S, 1, 1)
        return hidden.matMul(wFinal).add(v).reshape(samples);                              // (S)
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(mix(store, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape state = new Shape(1, stateDim);
        hyperW1.initialize(manager, dataType, state);
        hyperB1.initialize(manager, dataType, state);
        hyperWFinal.initialize(manager, dataType, state);
        hyperV.initialize(manager, dataType, state);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: agents, state size and mixing width are required. */
    public static final class Builder {
        private int agents;
        private int stateDim;
        private int embed;

        public Builder setAgents(int agents) {
            this.agents = agents;
            return this;
        }

        public Builder setStateDim(int stateDim) {
            this.stateDim = stateDim;
            return this;
        }

        public Builder setEmbed(int embed) {
            this.embed = embed;
            return this;
        }

        public QmixMixer build() {
            if (agents <= 0 || stateDim <= 0 || embed <= 0) {
                throw new IllegalArgumentException("QmixMixer sizes must be positive: agents=" + agents
                        + " stateDim=" + stateDim + " embed=" + embed);
            }
            return new QmixMixer(this);
        }
    }
}

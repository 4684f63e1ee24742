package io.thz.learner.modules.critics;

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
import io.thz.learner.modules.mixers.Mixer;

/**
 * The central-critic baseline: one value network V(s) on the global state (children {@code fc0},
 * {@code fc1}, {@code fc2}; ReLU between them). It ignores the local values, so it plugs in where
 * the mixer does.
 *
 * <p>Dimensions: S samples, D state, H hidden.
 */
public final class CentralCritic extends AbstractBlock implements Mixer {

    private static final byte VERSION = 1;

    private final int stateDim;
    private final Linear fc0;
    private final Linear fc1;
    private final Linear fc2;

    private CentralCritic(Builder builder) {
        super(VERSION);
        this.stateDim = builder.stateDim;
        this.fc0 = addChildBlock("fc0", Linear.builder().setUnits(builder.hidden).build());
        this.fc1 = addChildBlock("fc1", Linear.builder().setUnits(builder.hidden).build());
        this.fc2 = addChildBlock("fc2", Linear.builder().setUnits(1).build());
    }

    @Override
    public NDArray mix(ParameterStore store, NDArray values, NDArray state, boolean training) {
        NDArray h = Activation.relu(fc0.forward(store, new NDList(state), training).singletonOrThrow()); // (S, H)
        h = Activation.relu(fc1.forward(store, new NDList(h), training).singletonOrThrow());              // (S, H)
        return fc2.forward(store, new NDList(h), training).singletonOrThrow().squeeze(-1);               // (S)
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(mix(store, null, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fc0.initialize(manager, dataType, new Shape(1, stateDim));
        Shape hidden = fc0.getOutputShapes(new Shape[] {new Shape(1, stateDim)})[0];
        fc1.initialize(manager, dataType, hidden);
        fc2.initialize(manager, dataType, hidden);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: state size and hidden width are required. */
    public static final class Builder {
        private int stateDim;
        private int hidden;

        public Builder setStateDim(int stateDim) {
            this.stateDim = stateDim;
            return this;
        }

        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        public CentralCritic build() {
            if (stateDim <= 0 || hidden <= 0) {
                throw new IllegalArgumentException("CentralCritic sizes must be positive");
            }
            return new CentralCritic(this);
        }
    }
}

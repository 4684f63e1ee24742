package io.thz.learner.modules.gnn;

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

/**
 * Two linear layers with a ReLU between them and a linear output: the psi (38) and Psi (39)
 * functions of the MPGNN ("two-layer MLPs", paper Section IV-E-3). Children {@code fc0}, {@code fc1}.
 *
 * <p>Dimensions: I input, H hidden, O output; any leading dimensions (...) pass through.
 */
public final class TwoLayerMlp extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inputs;
    private final Linear fc0;
    private final Linear fc1;

    private TwoLayerMlp(Builder builder) {
        super(VERSION);
        this.inputs = builder.inputs;
        this.fc0 = addChildBlock("fc0", Linear.builder().setUnits(builder.hidden).build());
        this.fc1 = addChildBlock("fc1", Linear.builder().setUnits(builder.outputs).build());
    }

    /** Applies the MLP to x of shape (..., I), giving (..., O). */
    public NDArray apply(ParameterStore store, NDArray x, boolean training) {
        NDArray h = Activation.relu(fc0.forward(store, new NDList(x), training).singletonOrThrow()); // (..., H)
        return fc1.forward(store, new NDList(h), training).singletonOrThrow(); // (..., O)
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return fc1.getOutputShapes(fc0.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fc0.initialize(manager, dataType, new Shape(1, inputs));
        fc1.initialize(manager, dataType, fc0.getOutputShapes(new Shape[] {new Shape(1, inputs)}));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: all three sizes are required. */
    public static final class Builder {
        private int inputs;
        private int hidden;
        private int outputs;

        public Builder setInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        public TwoLayerMlp build() {
            if (inputs <= 0 || hidden <= 0 || outputs <= 0) {
                throw new IllegalArgumentException("TwoLayerMlp sizes must be positive: inputs=" + inputs
                        + " hidden=" + hidden + " outputs=" + outputs);
            }
            return new TwoLayerMlp(this);
        }
    }
}

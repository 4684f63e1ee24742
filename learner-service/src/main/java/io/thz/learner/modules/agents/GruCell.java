package io.thz.learner.modules.agents;

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
 * A GRU cell in PyTorch's gate order (reset r, update z, new n), children {@code i2h} and
 * {@code h2h}, so the plain-Java forward pass (thz-core PolicyNetwork) computes the same thing:
 * <pre>
 *   r = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
 *   z = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r * (W_hn h + b_hn))
 *   h' = (1 - z) * n + z * h
 * </pre>
 * Dimensions: ... leading dimensions, H state size.
 */
public final class GruCell extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inputs;
    private final int size;
    private final Linear inputToHidden;
    private final Linear hiddenToHidden;

    private GruCell(Builder builder) {
        super(VERSION);
        this.inputs = builder.inputs;
        this.size = builder.size;
        this.inputToHidden = addChildBlock("i2h", Linear.builder().setUnits(3L * size).build());
        this.hiddenToHidden = addChildBlock("h2h", Linear.builder().setUnits(3L * size).build());
    }

    /** The input part of all three gates, for a whole sequence at once: (..., I) to (..., 3H). */
    public NDArray inputGates(ParameterStore store, NDArray x, boolean training) {
        return inputToHidden.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /**
     * One step from precomputed input gates.
     *
     * @param gates (..., 3H) from {@link #inputGates}
     * @param h     (..., H) previous state
     * @return (..., H) next state
     */
    public NDArray step(ParameterStore store, NDArray gates, NDArray h, boolean training) {
        NDArray hidden = hiddenToHidden.forward(store, new NDList(h), training).singletonOrThrow(); // (..., 3H)
        int last = gates.getShape().dimension() - 1;
        NDList gi = gates.split(3, last);  // 3 x (..., H)
        NDList gh = hidden.split(3, last); // 3 x (..., H)
        NDArray reset = Activation.sigmoid(gi.get(0).add(gh.get(0)));
        NDArray update = Activation.sigmoid(gi.get(1).add(gh.get(1)));
        NDArray candidate = gi.get(2).add(reset.mul(gh.get(2))).tanh();
        return candidate.add(update.mul(h.sub(candidate))); // (1 - z) n + z h, (..., H)
    }

    public int size() {
        return size;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(step(store, inputGates(store, inputs.get(0), training), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inputToHidden.initialize(manager, dataType, new Shape(1, inputs));
        hiddenToHidden.initialize(manager, dataType, new Shape(1, size));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: input and state sizes are required. */
    public static final class Builder {
        private int inputs;
        private int size;

        public Builder setInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        public Builder setSize(int size) {
            this.size = size;
            return this;
        }

        public GruCell build() {
            if (inputs <= 0 || size <= 0) {
                throw new IllegalArgumentException("GruCell sizes must be positive");
            }
            return new GruCell(this);
        }
    }
}

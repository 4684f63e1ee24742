package io.thz.learner.modules.agents;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The action generation sub-policy of one agent type (shared by all agents of that type): FC + ReLU
 * (child {@code fc1}), GRU ({@code gru}), then the actor head ({@code head}, the last FC layer of
 * Table II) and, for value decomposition, the local critic V^u ({@code critic}) on the same GRU
 * output: the critic shares every non-output layer with the actor (paper Section IV-D). An AP agent
 * also owns {@code logStd}, the state-independent log sigma of its Gaussian over power logits.
 *
 * <p>Dimensions: B episodes, T steps, N agents of this type, I input, H = S_GRU, A head outputs.
 */
public final class RecurrentAgent extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inputs;
    private final int gruSize;
    private final Linear fc1;
    private final GruCell gru;
    private final Linear head;
    private final Linear critic;
    private final Parameter logStd;

    private RecurrentAgent(Builder builder) {
        super(VERSION);
        this.inputs = builder.inputs;
        this.gruSize = builder.gru;
        this.fc1 = addChildBlock("fc1", Linear.builder().setUnits(builder.gru).build());
        this.gru = addChildBlock("gru", GruCell.builder().setInputs(builder.gru).setSize(builder.gru).build());
        this.head = addChildBlock("head", Linear.builder().setUnits(builder.headOutputs).build());
        this.critic = builder.localCritic ? addChildBlock("critic", Linear.builder().setUnits(1).build()) : null;
        this.logStd = builder.gaussianLogits > 0 ? addParameter(Parameter.builder().setName("logStd")
                .setType(Parameter.Type.OTHER).optShape(new Shape(builder.gaussianLogits))
                .optInitializer(new ConstantInitializer((float) builder.initialLogStd)).build()) : null;
    }

    /**
     * Runs the agents over whole episodes, GRU state zero at the first step.
     *
     * @param x (B, T, N, I) actor inputs
     * @return {head (B, T, N, A), value (B, T, N) or absent when there is no local critic}
     */
    public NDList forwardSequence(ParameterStore store, NDArray x, boolean training) {
        Shape s = x.getShape();
        long batch = s.get(0);
        long steps = s.get(1);
        long agents = s.get(2);
        NDArray features = Activation.relu(fc1.forward(store, new NDList(x), training).singletonOrThrow()); // (B, T, N, H)
        NDArray gates = gru.inputGates(store, features, training);                  // (B, T, N, 3H)
        NDArray h = x.getManager().zeros(new Shape(batch, agents, gruSize));         // (B, N, H)
        List<NDArray> states = new ArrayList<>();
        for (long t = 0; t < steps; t++) {
            h = gru.step(store, gates.get(new NDIndex(":, {}", t)), h, training);     // (B, N, H)
            states.add(h);
        }
        NDArray hs = NDArrays.stack(new NDList(states), 1);                           // (B, T, N, H)
        NDList out = new NDList(head.forward(store, new NDList(hs), training).singletonOrThrow()); // (B, T, N, A)
        if (critic != null) {
            out.add(critic.forward(store, new NDList(hs), training).singletonOrThrow().squeeze(-1)); // (B, T, N)
        }
        return out;
    }

    /** The AP's log sigma (A), or null for a categorical head. */
    public NDArray logStd(ParameterStore store, ai.djl.Device device, boolean training) {
        return logStd == null ? null : store.getValue(logStd, device, training);
    }

    public boolean hasCritic() {
        return critic != null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return forwardSequence(store, inputs.singletonOrThrow(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fc1.initialize(manager, dataType, new Shape(1, inputs));
        gru.initialize(manager, dataType, new Shape(1, gruSize), new Shape(1, gruSize));
        head.initialize(manager, dataType, new Shape(1, gruSize));
        if (critic != null) {
            critic.initialize(manager, dataType, new Shape(1, gruSize));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: inputs, GRU size and head outputs are required; a critic and a Gaussian are optional. */
    public static final class Builder {
        private int inputs;
        private int gru;
        private int headOutputs;
        private boolean localCritic;
        private int gaussianLogits;
        private double initialLogStd;

        public Builder setInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        public Builder setGru(int gru) {
            this.gru = gru;
            return this;
        }

        public Builder setHeadOutputs(int headOutputs) {
            this.headOutputs = headOutputs;
            return this;
        }

        /** Adds the local critic head V^u. */
        public Builder optLocalCritic(boolean localCritic) {
            this.localCritic = localCritic;
            return this;
        }

        /** Makes the head the mean of a Gaussian over {@code logits} values with a learned log sigma. */
        public Builder optGaussian(int logits, double initialLogStd) {
            this.gaussianLogits = logits;
            this.initialLogStd = initialLogStd;
            return this;
        }

        public RecurrentAgent build() {
            if (inputs <= 0 || gru <= 0 || headOutputs <= 0) {
                throw new IllegalArgumentException("RecurrentAgent sizes must be positive: inputs=" + inputs
                        + " gru=" + gru + " headOutputs=" + headOutputs);
            }
            return new RecurrentAgent(this);
        }
    }
}

package io.thz.learner.modules.mixers;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** f_mix of (45): combines the local values V^u(z~_i) into V_tot(s). */
public interface Mixer extends Block {

    /**
     * @param values (S, n) local values of the n agents
     * @param state  (S, D) global state s(t)
     * @return (S) V_tot
     */
    NDArray mix(ParameterStore store, NDArray values, NDArray state, boolean training);
}

package io.thz.learner.modules.agents;

import ai.djl.ndarray.NDArray;
import io.thz.core.graph.EdgeType;

import java.util.Map;

/**
 * The inputs of the agents' networks for B episodes of T steps.
 *
 * <p>Graph-embedded actors read the features: {@code apNodes} (B, T, M, D_ap), {@code risNodes}
 * (B, T, J, D_ris) and per edge type (B, T, E_t, D_t). The other actors read their assembled
 * inputs: {@code apInputs} (B, T, M, I_ap), {@code risInputs} (B, T, J, I_ris). Unused entries are
 * null; RIS entries are null without RISs.
 */
public record PolicyInputs(NDArray apNodes, NDArray risNodes, Map<EdgeType, NDArray> edges,
                           NDArray apInputs, NDArray risInputs) {
}

package io.thz.learner.modules.agents;

import ai.djl.ndarray.NDArray;

/**
 * The agents' networks over B episodes of T steps.
 *
 * @param apHead   (B, T, M, K_m + 1) Gaussian means of the power logits
 * @param apLogStd (K_m + 1) log sigma of that Gaussian
 * @param apValue  (B, T, M) local values, or null without local critics
 * @param risHead  (B, T, J, L x C) element-major logits, or null without RISs
 * @param risValue (B, T, J) local values, or null
 */
public record AgentOutputs(NDArray apHead, NDArray apLogStd, NDArray apValue, NDArray risHead, NDArray risValue) {
}

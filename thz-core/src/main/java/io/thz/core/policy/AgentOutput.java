package io.thz.core.policy;

/**
 * What one agent's actor/critic computes in one slot.
 *
 * @param head     AP: the K_m + 1 Gaussian means of the power logits; RIS: L x (1 + 2^B_R) logits,
 *                 element-major
 * @param value    the local critic V^u(z~_i), NaN when the policy has no local critics
 * @param gruState the GRU state to carry to the next slot (S_GRU floats)
 */
public record AgentOutput(float[] head, float value, float[] gruState) {
}

package io.thz.core.policy;

/**
 * The features of one slot on the agent graph (spec section 9, equation 37).
 *
 * @param apNodes  [M][d_N^0] AP node features o^0_i
 * @param risNodes [J][d_N^1] RIS node features o^1_i
 * @param edges    [E][d] edge features d_ii', indexed like {@code AgentGraph.edges()}
 */
public record GraphObservation(float[][] apNodes, float[][] risNodes, float[][] edges) {
}

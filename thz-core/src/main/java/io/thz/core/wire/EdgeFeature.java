package io.thz.core.wire;

/**
 * An outbound edge of an agent with its feature d_ii' (spec section 9).
 *
 * @param to       destination agent id
 * @param type     edge type name: AP_AP, AP_RIS or RIS_AP
 * @param features the edge feature, complex values as [re, im] pairs
 */
public record EdgeFeature(String to, String type, float[] features) {
}

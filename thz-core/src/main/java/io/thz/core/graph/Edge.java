package io.thz.core.graph;

/**
 * One directed edge (i, i') of the agent graph. Node indices are local to their type: AP m is
 * {@code (AP, m)}, RIS j is {@code (RIS, j)}.
 *
 * @param type        the edge type, which fixes the types of both ends
 * @param source      index of the sending node i among the nodes of {@code type.source()}
 * @param destination index of the receiving node i' among the nodes of {@code type.destination()}
 */
public record Edge(EdgeType type, int source, int destination) {
}

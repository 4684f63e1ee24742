package io.thz.core.graph;

import io.thz.core.policy.PolicyShape;

/**
 * The information an agent sends to its neighbours in one slot, per algorithm (spec section 10):
 * GE-VDAC sends one S_E-float embedding per outbound edge and layer (38); IE-VDAC sends the raw
 * edge feature d_ii' over each outbound edge; VDAC and the central critic's actors send nothing.
 *
 * @param apFloats  floats each AP sends, per AP
 * @param risFloats floats each RIS sends, per RIS
 */
public record ExchangeCost(long[] apFloats, long[] risFloats) {

    /** Bytes of one float on the wire (float32). */
    public static final int BYTES_PER_FLOAT = Float.BYTES;

    /** The cost of a policy on a graph. */
    public static ExchangeCost of(PolicyShape shape, AgentGraph graph) {
        long[] ap = new long[graph.aps()];
        long[] ris = new long[graph.rises()];
        for (Edge edge : graph.edges()) {
            long floats = switch (shape.actorInput()) {
                case GRAPH_EMBEDDED -> (long) shape.layers() * shape.embedding();
                case OWN_AND_INBOUND_EDGES -> shape.edgeDim(edge.type());
                case OWN_EDGES -> 0;
            };
            if (edge.type().source() == NodeType.AP) {
                ap[edge.source()] += floats;
            } else {
                ris[edge.source()] += floats;
            }
        }
        return new ExchangeCost(ap, ris);
    }

    /** Floats sent by all agents in one slot. */
    public long totalFloats() {
        long sum = 0;
        for (long f : apFloats) {
            sum += f;
        }
        for (long f : risFloats) {
            sum += f;
        }
        return sum;
    }

    /** Bytes sent by all agents in one slot. */
    public long totalBytes() {
        return totalFloats() * BYTES_PER_FLOAT;
    }

    /** The most any single agent sends in one slot, in floats. */
    public long maxAgentFloats() {
        long max = 0;
        for (long f : apFloats) {
            max = Math.max(max, f);
        }
        for (long f : risFloats) {
            max = Math.max(max, f);
        }
        return max;
    }
}

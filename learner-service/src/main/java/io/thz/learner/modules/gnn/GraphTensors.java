package io.thz.learner.modules.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;

import java.util.List;

/**
 * The agent graph as constant matrices for batched message passing: per edge type a one-hot
 * {@code gather} (E_t x N_src) picking each edge's sender, and a {@code mean} matrix (N_dst x E_t)
 * whose entry (i, k) is 1/indeg(i) when edge k enters node i, so that summing
 * {@code mean_t @ messages_t} over the edge types gives the mean over all inbound messages (39).
 */
public final class GraphTensors {

    private final AgentGraph graph;
    private final float[][] gather = new float[EdgeType.values().length][];
    private final float[][] mean = new float[EdgeType.values().length][];

    public GraphTensors(AgentGraph graph) {
        this.graph = graph;
        List<Edge> edges = graph.edges();
        for (EdgeType type : EdgeType.values()) {
            int[] ofType = graph.edgesOfType(type);
            int sources = graph.nodes(type.source());
            int destinations = graph.nodes(type.destination());
            float[] g = new float[ofType.length * sources];
            float[] a = new float[destinations * ofType.length];
            for (int k = 0; k < ofType.length; k++) {
                Edge edge = edges.get(ofType[k]);
                g[k * sources + edge.source()] = 1f;
                int indegree = graph.inbound(type.destination(), edge.destination()).size();
                a[edge.destination() * ofType.length + k] = 1f / indegree;
            }
            gather[type.ordinal()] = g;
            mean[type.ordinal()] = a;
        }
    }

    public AgentGraph graph() {
        return graph;
    }

    /** (E_t, N_src) one-hot sender selection, created in {@code manager}. */
    public NDArray gather(NDManager manager, EdgeType type) {
        return manager.create(gather[type.ordinal()],
                new Shape(graph.edgeCount(type), graph.nodes(type.source())));
    }

    /** (N_dst, E_t) mean-aggregation weights, created in {@code manager}. */
    public NDArray mean(NDManager manager, EdgeType type) {
        return manager.create(mean[type.ordinal()],
                new Shape(graph.nodes(type.destination()), graph.edgeCount(type)));
    }

    /** Whether edges of this type exist in the graph. */
    public boolean has(EdgeType type) {
        return graph.edgeCount(type) > 0;
    }

    /** Nodes of a type. */
    public int nodes(NodeType type) {
        return graph.nodes(type);
    }
}

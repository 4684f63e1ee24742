package io.thz.learner.components;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.ActorInputs;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyShape;
import io.thz.learner.modules.agents.PolicyInputs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Packs B episodes of T graph observations into the tensors of {@link PolicyInputs}: the features
 * themselves for graph-embedded actors, the assembled VDAC / IE-VDAC inputs
 * ({@link ActorInputs}, the same code the agents run) otherwise.
 */
public final class ObservationTensors {

    private ObservationTensors() {
    }

    /**
     * @param episodes [B][T] observations, all episodes of the same length
     */
    public static PolicyInputs pack(NDManager manager, PolicyShape shape, AgentGraph graph,
                                    List<List<GraphObservation>> episodes) {
        int b = episodes.size();
        int t = episodes.get(0).size();
        for (List<GraphObservation> episode : episodes) {
            if (episode.size() != t) {
                throw new IllegalArgumentException("episodes of different lengths: " + episode.size() + " and " + t);
            }
        }
        int m = graph.aps();
        int j = graph.rises();
        if (shape.actorInput() == ActorInput.GRAPH_EMBEDDED) {
            NDArray ap = nodes(manager, episodes, b, t, m, shape.apNodeDim(), NodeType.AP);
            NDArray ris = j == 0 ? null : nodes(manager, episodes, b, t, j, shape.risNodeDim(), NodeType.RIS);
            Map<EdgeType, NDArray> edges = new EnumMap<>(EdgeType.class);
            for (EdgeType type : EdgeType.values()) {
                int[] ofType = graph.edgesOfType(type);
                if (ofType.length == 0) {
                    continue;
                }
                int d = shape.edgeDim(type);
                float[] data = new float[b * t * ofType.length * d];
                int at = 0;
                for (List<GraphObservation> episode : episodes) {
                    for (GraphObservation obs : episode) {
                        for (int e : ofType) {
                            float[] f = obs.edges()[e];
                            check(f, d, type.key() + " edge " + e);
                            System.arraycopy(f, 0, data, at, d);
                            at += d;
                        }
                    }
                }
                edges.put(type, manager.create(data, new Shape(b, t, ofType.length, d)));
            }
            return new PolicyInputs(ap, ris, edges, null, null);
        }
        NDArray ap = assembled(manager, shape, graph, episodes, b, t, NodeType.AP);
        NDArray ris = j == 0 ? null : assembled(manager, shape, graph, episodes, b, t, NodeType.RIS);
        return new PolicyInputs(null, null, Map.of(), ap, ris);
    }

    private static NDArray nodes(NDManager manager, List<List<GraphObservation>> episodes, int b, int t, int n, int d,
                                 NodeType type) {
        float[] data = new float[b * t * n * d];
        int at = 0;
        for (List<GraphObservation> episode : episodes) {
            for (GraphObservation obs : episode) {
                float[][] nodes = type == NodeType.AP ? obs.apNodes() : obs.risNodes();
                for (int i = 0; i < n; i++) {
                    check(nodes[i], d, type + " node " + i);
                    System.arraycopy(nodes[i], 0, data, at, d);
                    at += d;
                }
            }
        }
        return manager.create(data, new Shape(b, t, n, d));
    }

    private static NDArray assembled(NDManager manager, PolicyShape shape, AgentGraph graph,
                                     List<List<GraphObservation>> episodes, int b, int t, NodeType type) {
        int n = graph.nodes(type);
        int d = shape.actorInputDim(type);
        float[] data = new float[b * t * n * d];
        int at = 0;
        for (List<GraphObservation> episode : episodes) {
            for (GraphObservation obs : episode) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(ActorInputs.assemble(shape, graph, obs, type, i), 0, data, at, d);
                    at += d;
                }
            }
        }
        return manager.create(data, new Shape(b, t, n, d));
    }

    private static void check(float[] f, int d, String what) {
        if (f.length != d) {
            throw new IllegalArgumentException(what + " has " + f.length + " floats, the policy takes " + d);
        }
    }
}

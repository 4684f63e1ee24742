package io.thz.learner;

import io.thz.core.graph.AgentGraph;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyShape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small abstract shapes and random features for network tests that need no physics. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A shape with Table II's layer structure but small feature sizes. */
    public static PolicyShape shape(ActorInput input, boolean localCritics, int aps, int rises) {
        return new PolicyShape("test", input, localCritics, aps, rises,
                11, 7, 5, 9, 6,
                2, 8, 12, 10, 16,
                4, 3, 3);
    }

    /** A random observation of a graph; a fraction of the values are exact zeros, like padding. */
    public static GraphObservation observation(PolicyShape shape, AgentGraph graph, SplittableRandom rng) {
        float[][] ap = new float[graph.aps()][];
        for (int i = 0; i < ap.length; i++) {
            ap[i] = random(shape.apNodeDim(), rng);
        }
        float[][] ris = new float[graph.rises()][];
        for (int j = 0; j < ris.length; j++) {
            ris[j] = random(shape.risNodeDim(), rng);
        }
        float[][] edges = new float[graph.edges().size()][];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = random(shape.edgeDim(graph.edges().get(e).type()), rng);
        }
        return new GraphObservation(ap, ris, edges);
    }

    /** One episode of random observations. */
    public static List<GraphObservation> episode(PolicyShape shape, AgentGraph graph, int steps, SplittableRandom rng) {
        List<GraphObservation> episode = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            episode.add(observation(shape, graph, rng));
        }
        return episode;
    }

    public static float[] random(int n, SplittableRandom rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(5) == 0 ? 0f : (float) (2 * rng.nextDouble() - 1);
        }
        return x;
    }
}

package io.thz.core.agent;

import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.policy.GraphObservation;
import io.thz.core.wire.AgentId;
import io.thz.core.wire.EdgeFeature;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.WireRecord;

import java.util.ArrayList;
import java.util.List;

/** One agent's slice of a slot's graph observation, as the channel-service publishes it. */
public final class AgentObservations {

    private AgentObservations() {
    }

    /**
     * The agent's node feature, its outbound edges with their features and its in-neighbours.
     *
     * @param deadlineEpochMs wall-clock deadline of the action, epoch ms
     */
    public static ObservationRecord of(AgentGraph graph, GraphObservation obs, AgentId agent, String runId, long slot,
                                       int episode, int step, long deadlineEpochMs) {
        List<EdgeFeature> out = new ArrayList<>();
        for (int e : graph.outbound(agent.nodeType(), agent.index())) {
            Edge edge = graph.edges().get(e);
            out.add(new EdgeFeature(AgentId.of(edge.type().destination(), edge.destination()).toString(),
                    edge.type().name(), obs.edges()[e]));
        }
        List<String> in = new ArrayList<>();
        for (int e : graph.inbound(agent.nodeType(), agent.index())) {
            Edge edge = graph.edges().get(e);
            in.add(AgentId.of(edge.type().source(), edge.source()).toString());
        }
        float[] node = agent.ris() ? obs.risNodes()[agent.index()] : obs.apNodes()[agent.index()];
        return new ObservationRecord(WireRecord.SCHEMA, runId, slot, episode, step, agent.toString(), node, out, in,
                deadlineEpochMs);
    }
}

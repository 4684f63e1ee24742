package io.thz.agent;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /agents}: what this replica hosts and does. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    @Inject
    AgentHost host;

    @GET
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replica", host.replica());
        m.put("type", host.type());
        m.put("partitions", host.partitions());
        m.put("agents", host.hostedAgents());
        m.put("policyVersion", host.policyVersion());
        m.put("actions", host.slotsActed());
        m.put("lateSkipped", host.lateSkipped());
        m.put("droppedMessages", host.droppedMessages());
        m.put("degradedSlots", host.degradedSlots());
        m.put("embeddingBytes", host.embeddingBytes());
        return m;
    }
}

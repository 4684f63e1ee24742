package io.thz.learner;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** What this service has seen on Kafka. */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    ExperienceInbox inbox;

    @GET
    public Map<String, Object> status() {
        return Map.of("service", "learner-service", "received", inbox.count());
    }

    @GET
    @Path("/received/{key}")
    public Response received(@PathParam("key") String key) {
        String value = inbox.lastValue(key);
        return value == null ? Response.status(404).build() : Response.ok(Map.of("key", key, "value", value)).build();
    }
}

package io.thz.channel;

import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Start, pause, inspect and stop runs of the slot clock. */
@Path("/run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    /**
     * A run request.
     *
     * @param slots  how many slots to play (a replay ends earlier when its recording does)
     * @param seed   master seed of the channels (absent: thz.model.seed); ignored by a replay
     * @param replay a recorded channel stream to play instead of simulating (absent or blank:
     *               simulate); relative to thz.channel.recordings-dir, and confined to it, when that is set
     */
    public record RunRequest(@Min(1) @Max(100_000_000) long slots, Long seed, String replay) {
    }

    @Inject
    RunManager runs;

    @POST
    public Response start(@Valid RunRequest request) {
        try {
            return Response.accepted(runs.start(request.slots(), request.seed(), request.replay())).build();
        } catch (RunRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
        } catch (UncheckedIOException e) {
            return Response.serverError().entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    public RunStatus status() {
        return runs.status();
    }

    @GET
    @Path("/outcomes")
    public List<OutcomeRecord> outcomes(@QueryParam("from") @DefaultValue("0") @Min(0) int from,
                                        @QueryParam("limit") @DefaultValue("1000000") @Min(1) int limit) {
        return runs.outcomes(from, limit);
    }

    @POST
    @Path("/pause")
    public Response pause() {
        return control(runs::pause);
    }

    @POST
    @Path("/resume")
    public Response resume() {
        return control(runs::resume);
    }

    @POST
    @Path("/stop")
    public Response stop() {
        return control(runs::stop);
    }

    private Response control(Runnable action) {
        try {
            action.run();
            return Response.ok(runs.status()).build();
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
        }
    }
}

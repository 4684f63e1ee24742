package io.thz.learner.service;

import io.thz.learner.learners.UpdateStats;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /learner}: what the learner has received, trained and published. */
@Path("/learner")
@Produces(MediaType.APPLICATION_JSON)
public class LearnerResource {

    @Inject
    OnlineLearner learner;

    @GET
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", learner.runId());
        m.put("policyVersion", learner.policyVersion());
        m.put("experienceReceived", learner.received());
        m.put("duplicatesSkipped", learner.duplicates());
        m.put("episodesTrained", learner.episodesTrained());
        m.put("recordsDropped", learner.droppedRecords());
        m.put("recordsPending", learner.pendingRecords());
        m.put("consumedUpTo", learner.consumed());
        UpdateStats s = learner.lastStats();
        if (s != null) {
            m.put("lastUpdate", s);
        }
        return m;
    }
}

package io.thz.learner.service;

import io.thz.core.env.SlotMetrics;
import io.thz.core.policy.GraphObservation;
import io.thz.core.wire.ExperienceRecord;
import io.thz.learner.components.Episode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the experience stream of a run back into the learner's episodes: the records of one
 * episode arrive in slot order (one partition); the episode is complete with its last slot, which
 * carries the bootstrap observation. A record out of sequence (a new run or episode while one is
 * unfinished, a gap) drops the unfinished episode.
 */
final class EpisodeAssembler {

    private final List<ExperienceRecord> pending = new ArrayList<>();
    private long dropped;

    /**
     * Adds one record.
     *
     * @return the completed episode, or null while it is unfinished
     */
    Episode add(ExperienceRecord r) {
        if (!pending.isEmpty()) {
            ExperienceRecord prev = pending.get(pending.size() - 1);
            boolean next = prev.runId().equals(r.runId()) && prev.episode() == r.episode() && r.step() == prev.step() + 1;
            if (!next) {
                dropped += pending.size();
                pending.clear();
            }
        }
        if (pending.isEmpty() && r.step() != 0) {
            dropped++; // the episode's start was never seen (a run joined midway)
            return null;
        }
        pending.add(r);
        if (!r.lastOfEpisode()) {
            return null;
        }
        Episode episode = toEpisode(pending);
        pending.clear();
        return episode;
    }

    /** Records of unfinished episodes thrown away. */
    long dropped() {
        return dropped;
    }

    static Episode toEpisode(List<ExperienceRecord> records) {
        int t = records.size();
        List<GraphObservation> observations = new ArrayList<>(t + 1);
        List<float[]> states = new ArrayList<>(t + 1);
        float[][][] apLogits = new float[t][][];
        int[][][] risChoices = new int[t][][];
        SlotMetrics[] metrics = new SlotMetrics[t];
        boolean[] terminated = new boolean[t];
        boolean[] truncated = new boolean[t];
        for (int k = 0; k < t; k++) {
            ExperienceRecord r = records.get(k);
            observations.add(new GraphObservation(r.apNodes(), r.risNodes(), r.edges()));
            states.add(r.state());
            apLogits[k] = r.apLogits();
            risChoices[k] = r.risChoices();
            metrics[k] = new SlotMetrics(r.reward(), r.eeGbitPerJoule(), r.sumRateGbps(), r.powerW(),
                    r.rateViolationGbps(), r.seQueueOk(), r.iotQueueOk());
            terminated[k] = r.terminated();
            truncated[k] = r.truncated();
        }
        ExperienceRecord last = records.get(t - 1);
        observations.add(new GraphObservation(last.nextApNodes(), last.nextRisNodes(), last.nextEdges()));
        states.add(last.nextState());
        return new Episode(records.get(0).episodeSeed(), observations, states, apLogits, risChoices, metrics, terminated,
                truncated, last.reliability());
    }
}

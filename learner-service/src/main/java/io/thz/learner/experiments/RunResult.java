package io.thz.learner.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.thz.core.env.Evaluation;
import io.thz.core.env.EvaluationResult;
import io.thz.learner.runners.HeldOut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one configuration with one seed produced ({@code result.json} in its run directory; its
 * presence marks the configuration as finished).
 *
 * @param key            the configuration's directory name (scheme, sizes and a hash of everything that matters)
 * @param scheme         algorithm or baseline name
 * @param learned        true for a trained algorithm
 * @param scenario       how the scenario was given (bundled base and overrides)
 * @param seed           the run seed
 * @param trainedSteps   environment steps trained (0 for a baseline)
 * @param users          K, all users
 * @param rises          J
 * @param risBits        b (B_R)
 * @param antennas       N_A
 * @param evaluation     the final held-out evaluation
 * @param curve          held-out evaluations during training (empty for a baseline)
 * @param trainSeconds   seconds this process spent on rollouts, updates and weight export (0 for a baseline)
 * @param trainStepsHere environment steps trained by this process (the rate is trainStepsHere / trainSeconds)
 * @param wallSeconds    wall-clock seconds of this process's run, evaluations included
 * @param exchangeFloats floats all agents send to their neighbours in one slot (0 for a baseline)
 */
public record RunResult(String key, String scheme, boolean learned, String scenario, long seed, long trainedSteps,
                        int users, int rises, int risBits, int antennas, Metrics evaluation, List<CurvePoint> curve,
                        double trainSeconds, long trainStepsHere, double wallSeconds, long exchangeFloats) {

    /** File name in a run directory. */
    public static final String FILE = "result.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunResult {
        curve = List.copyOf(curve);
    }

    /**
     * Held-out figures, means over the evaluation episodes.
     *
     * @param episodes                 evaluation episodes
     * @param reward                   reward (35) per slot
     * @param rewardStd                standard deviation of the episodes' reward per slot
     * @param eeGbitPerJoule           energy efficiency, Gbit/J
     * @param spectralEfficiencyBpsHz  sum rate / bandwidth, bit/s/Hz
     * @param sumRateGbps              sum rate, Gbit/s
     * @param powerW                   total power, W
     * @param rateViolationGbps        rate shortfall, Gbit/s
     * @param seReliability            SE reliability, in [0, 1]
     * @param iotReliability           IoT reliability, in [0, 1]
     */
    public record Metrics(int episodes, double reward, double rewardStd, double eeGbitPerJoule,
                          double spectralEfficiencyBpsHz, double sumRateGbps, double powerW, double rateViolationGbps,
                          double seReliability, double iotReliability) {

        static Metrics of(EvaluationResult e) {
            return new Metrics(e.episodes(), e.reward(), HeldOut.std(e, Evaluation.EpisodeSummary::reward),
                    e.eeGbitPerJoule(), e.spectralEfficiencyBpsHz(), e.sumRateGbps(), e.powerW(), e.rateViolationGbps(),
                    e.seReliability(), e.iotReliability());
        }
    }

    /**
     * One held-out evaluation during training.
     *
     * @param envSteps environment steps trained when it was taken
     * @param metrics  its figures
     */
    public record CurvePoint(long envSteps, Metrics metrics) {
    }

    /** Training throughput of this process in environment steps per second (NaN for a baseline). */
    public double stepsPerSecond() {
        return trainSeconds > 0 ? trainStepsHere / trainSeconds : Double.NaN;
    }

    /** Training time of the whole budget at the measured rate, s (evaluations excluded; 0 for a baseline). */
    public double trainingTimeSeconds() {
        return learned ? trainedSteps / stepsPerSecond() : 0;
    }

    void write(Path dir) {
        try {
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(this));
            Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    static RunResult read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), RunResult.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (delete it to run that configuration again): "
                    + e.getMessage(), e);
        }
    }
}

package io.thz.learner.runners;

import io.thz.core.baseline.Baselines;
import io.thz.core.env.EvaluationResult;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.learners.Algorithms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance: on the small scenario (2 APs, 1 RIS, 6 users, 10-slot episodes) GE-VDAC trained for
 * 10 000 environment steps earns, on held-out episodes, a mean reward per slot at least 20 % above
 * both the random policy and the equal-power QoS MIMO-NOMA baseline without RIS, evaluated on the
 * same episodes; and it keeps the SE users' reliability within 0.05 of the equal-power baseline's
 * (the gain is not bought by letting queues overflow).
 */
class GeVdacBeatsBaselinesTest {

    private static final double MARGIN = 0.20;

    @Test
    void trainedGeVdacBeatsRandomAndEqualPower(@TempDir Path out) {
        var builder = ScenarioLoader.builder().bundled("small");
        var config = LearnerConfigLoader.load(null, Map.of("evaluation.episodes", "16", "evaluation.intervalSteps", "0"));
        TrainingRun.Result result;
        try (PrintStream log = new PrintStream(new ByteArrayOutputStream())) {
            result = new TrainingRun(new TrainingRun.Options(Algorithms.get("ge-vdac"), builder.build(), builder.tree(),
                    "small", config, 15_000, 1, out, false, log, false, true)).run();
        }
        EvaluationResult learned = result.evaluation();
        EvaluationResult random = byName(result, "random");
        EvaluationResult equalPower = byName(result, "equal-power-qos");
        assertThat(learned.episodes()).isEqualTo(16);
        assertThat(learned.firstEpisode()).isEqualTo(random.firstEpisode());
        assertThat(learned.seed()).as("same held-out episodes").isEqualTo(random.seed());
        assertThat(learned.reward())
                .as("learned %s vs random %s", learned.reward(), random.reward())
                .isGreaterThan((1 + MARGIN) * random.reward());
        assertThat(learned.reward())
                .as("learned %s vs equal power %s", learned.reward(), equalPower.reward())
                .isGreaterThan((1 + MARGIN) * equalPower.reward());
        assertThat(learned.seReliability()).isGreaterThan(equalPower.seReliability() - 0.05);
        assertThat(result.baselines()).extracting(EvaluationResult::policy)
                .containsExactlyElementsOf(Baselines.REGISTRY.keySet());
    }

    private static EvaluationResult byName(TrainingRun.Result r, String name) {
        return r.baselines().stream().filter(e -> e.policy().equals(name)).findFirst().orElseThrow();
    }
}

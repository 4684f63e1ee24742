package io.thz.learner.runners;

import io.thz.core.scenario.ScenarioLoader;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.learners.Algorithms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed discipline and resume of whole training runs on the small scenario. */
class TrainingRunTest {

    private static final LearnerConfig CONFIG = LearnerConfigLoader.load(null, Map.of(
            "training.episodesPerUpdate", "2", "training.checkpointIntervalUpdates", "1",
            "evaluation.episodes", "2", "evaluation.intervalSteps", "40"));

    @Test
    void sameSeedGivesIdenticalMetricsAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
        run(dir.resolve("a"), 60, 9, false);
        run(dir.resolve("b"), 60, 9, false);
        run(dir.resolve("c"), 60, 10, false);
        List<String> a = withoutWallClock(dir.resolve("a"));
        assertThat(a).hasSize(1 + 6); // header + 6 episodes of 10 slots
        assertThat(withoutWallClock(dir.resolve("b"))).isEqualTo(a);
        assertThat(withoutWallClock(dir.resolve("c")).get(1)).isNotEqualTo(a.get(1));
        assertThat(Files.readAllBytes(dir.resolve("b").resolve(TrainingRun.POLICY_BLOB)))
                .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(TrainingRun.POLICY_BLOB)));
        String log = Files.readString(dir.resolve("a").resolve("log.txt"));
        assertThat(log).contains("effective seed 9");
    }

    @Test
    void resumedRunEndsInTheSameStateAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        run(dir.resolve("straight"), 80, 4, false);
        run(dir.resolve("split"), 40, 4, false);
        run(dir.resolve("split"), 80, 4, true);
        assertThat(withoutWallClock(dir.resolve("split"))).isEqualTo(withoutWallClock(dir.resolve("straight")));
        assertThat(Files.readAllBytes(dir.resolve("split").resolve(TrainingRun.POLICY_BLOB)))
                .isEqualTo(Files.readAllBytes(dir.resolve("straight").resolve(TrainingRun.POLICY_BLOB)));
        assertThat(Files.readAllLines(dir.resolve("split").resolve(TrainingRun.EVALUATIONS_CSV)))
                .isEqualTo(Files.readAllLines(dir.resolve("straight").resolve(TrainingRun.EVALUATIONS_CSV)));
        assertThat(Files.readString(dir.resolve("split").resolve("log.txt"))).contains("resuming ge-vdac");
    }

    @Test
    void refusesToOverwriteARunWithoutResume(@TempDir Path dir) {
        run(dir, 20, 1, false);
        assertThatThrownBy(() -> run(dir, 40, 1, false)).hasMessageContaining("--resume");
    }

    static TrainingRun.Result run(Path out, long steps, long seed, boolean resume) {
        var builder = ScenarioLoader.builder().bundled("small");
        try {
            Files.createDirectories(out);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            TrainingRun.Result r;
            try (PrintStream ps = new PrintStream(log, true)) {
                r = new TrainingRun(new TrainingRun.Options(Algorithms.get("ge-vdac"), builder.build(), builder.tree(),
                        "small", CONFIG, steps, seed, out, resume, ps, false, false)).run();
            }
            Files.writeString(out.resolve("log.txt"), log.toString(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return r;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> withoutWallClock(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve(TrainingRun.METRICS_CSV)).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }
}

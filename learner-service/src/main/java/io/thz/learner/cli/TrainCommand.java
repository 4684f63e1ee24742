package io.thz.learner.cli;

import io.thz.learner.config.LearnerConfig;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.learners.Algorithms;
import io.thz.learner.runners.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code thz train}: trains one algorithm on one scenario, in one process. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train GE-VDAC or a learning baseline (ge-vdac, ie-vdac, vdac, central-critic).")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--algo", required = true, description = "algorithm: ge-vdac, ie-vdac, vdac, central-critic")
    String algorithm;

    @Option(names = "--scenario", defaultValue = "default",
            description = "scenario file (YAML/JSON) or bundled name (default, small, fig4, fig5, fig7); default: ${DEFAULT-VALUE}")
    String scenario;

    @Option(names = "--steps", required = true, description = "environment steps (slots) to train for in total")
    long steps;

    @Option(names = "--seed", defaultValue = "1", description = "run seed; every random stream derives from it (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "run directory (metrics, curves, checkpoint, policy, summary)")
    Path out;

    @Option(names = "--resume", description = "continue the run in --out from its checkpoint")
    boolean resume;

    @Option(names = "--config", description = "learner configuration YAML overlaying the bundled defaults")
    Path config;

    @Option(names = "--set", description = "override one learner setting, e.g. --set training.nStep=3 (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--no-baselines", description = "skip evaluating the non-learning schemes for the summary")
    boolean noBaselines;

    @Override
    public Integer call() {
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps=" + steps + " must be positive");
        }
        LearnerConfig learnerConfig = LearnerConfigLoader.load(config, overrides);
        ScenarioOption sc = ScenarioOption.resolve(scenario);
        TrainingRun.Options options = new TrainingRun.Options(Algorithms.get(algorithm), sc.scenario(), sc.tree(),
                sc.source(), learnerConfig, steps, seed, out, resume, System.err, System.console() != null,
                !noBaselines);
        new TrainingRun(options).run();
        return 0;
    }
}

package io.thz.learner.cli;

import io.thz.learner.config.LearnerConfig;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.experiments.Experiments;
import io.thz.learner.experiments.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code thz experiments}: reproduces the paper's figures (training, evaluation, CSV, PNG, report). */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = {"Reproduce the paper's Section V figures: train each learned configuration (as ./thz train), "
                + "evaluate it and the non-learning schemes on held-out episodes (as ./thz evaluate), and write one CSV "
                + "per figure, PNG plots and report.md into --out.",
            "Finished configurations (runs/<key>/seed-<s>/result.json) are always reused, also by other figures; "
                + "--resume continues interrupted ones from their checkpoints.",
            "Full scale: ./thz experiments --figure all --steps 150000 --seeds 1,2,3 --out runs/experiments-full --resume"})
final class ExperimentsCommand implements Callable<Integer> {

    /** Default training steps per learned configuration: `--figure all` well under an hour on 2 cores. */
    static final String DEFAULT_STEPS = "5000";

    @Option(names = "--figure", defaultValue = Figures.ALL,
            description = "fig4, fig5, fig6, fig7 or all (default: ${DEFAULT-VALUE})")
    String figure;

    @Option(names = "--steps", defaultValue = DEFAULT_STEPS,
            description = "environment steps each learned configuration trains for (default: ${DEFAULT-VALUE}; the paper: 150000)")
    long steps;

    @Option(names = "--seeds", split = ",", defaultValue = "1",
            description = "run seeds, comma-separated; each configuration runs once per seed (default: ${DEFAULT-VALUE})")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--out", defaultValue = "runs/experiments",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--resume", description = "continue unfinished configurations from their checkpoints")
    boolean resume;

    @Option(names = "--config", description = "learner configuration YAML overlaying the bundled defaults")
    Path config;

    @Option(names = "--set", description = "override one learner setting, e.g. --set training.nStep=3 (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        var figures = Figures.select(figure);
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps=" + steps + " must be positive");
        }
        Map<String, String> learner = new LinkedHashMap<>(Experiments.curveOverrides(steps));
        learner.putAll(overrides);
        LearnerConfig learnerConfig = LearnerConfigLoader.load(config, learner);
        StringBuilder command = new StringBuilder("./thz experiments --figure ").append(figure).append(" --steps ")
                .append(steps).append(" --seeds ").append(String.join(",", seeds.stream().map(String::valueOf).toList()))
                .append(" --out ").append(out);
        if (resume) {
            command.append(" --resume");
        }
        if (config != null) {
            command.append(" --config ").append(config);
        }
        overrides.forEach((k, v) -> command.append(" --set ").append(k).append('=').append(v));
        new Experiments(new Experiments.Options(steps, seeds, out, resume, learnerConfig, System.err,
                System.console() != null, command.toString())).run(figures);
        return 0;
    }
}

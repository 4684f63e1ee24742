package io.thz.learner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.thz.core.baseline.Baselines;
import io.thz.core.env.Policy;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.policy.LearnedPolicy;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.PolicyShape;
import io.thz.core.policy.WeightBlob;
import io.thz.core.policy.WeightBlobException;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.runners.HeldOut;
import io.thz.learner.runners.Seeds;
import io.thz.learner.runners.TrainingRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code thz evaluate}: a trained policy or a non-learning scheme on held-out episodes. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a trained policy (--policy DIR) or a non-learning scheme (--scheme NAME, or 'all') "
                + "on held-out episodes: reward, EE (Gbit/J), spectral efficiency, sum rate, power, SE and IoT reliability.")
final class EvaluateCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--policy", description = "run directory of ./thz train (its policy.thzw and scenario)")
        Path policy;

        @Option(names = "--scheme", description = "equal-power-qos, equal-power-csi, random-ris, all-on-greedy, random, or all")
        String scheme;
    }

    @Option(names = "--scenario", description = "scenario file or bundled name (default: the run's for --policy, else default)")
    String scenario;

    @Option(names = "--episodes", description = "held-out episodes (default: the learner configuration's evaluation.episodes)")
    Integer episodes;

    @Option(names = "--seed", description = "run seed the held-out episodes derive from (default: the run's for --policy, else 1)")
    Long seed;

    @Option(names = "--sample", description = "sample the learned policy's actions instead of taking the most likely ones")
    boolean sample;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int n = episodes != null ? episodes : LearnerConfigLoader.defaults().evaluation().episodes();
        long offset = LearnerConfigLoader.defaults().evaluation().seedOffset();
        if (n <= 0) {
            throw new IllegalArgumentException("--episodes=" + n + " must be positive");
        }
        ScenarioOption sc;
        long runSeed;
        List<Policy> policies;
        ThzNetworkEnv probe;
        if (target.policy != null) {
            Path dir = target.policy;
            JsonNode run = readRun(dir);
            runSeed = seed != null ? seed : run.path("seed").asLong();
            sc = scenario != null ? ScenarioOption.resolve(scenario) : ScenarioOption.ofRun(dir, run.path("scenario").asText());
            offset = run.path("config").path("evaluation").path("seedOffset").asLong(offset);
            WeightBlob blob;
            try {
                blob = WeightBlob.fromBytes(Files.readAllBytes(dir.resolve(TrainingRun.POLICY_BLOB)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + dir.resolve(TrainingRun.POLICY_BLOB) + ": " + e.getMessage());
            } catch (WeightBlobException e) {
                throw new IllegalArgumentException(dir.resolve(TrainingRun.POLICY_BLOB) + ": " + e.getMessage());
            }
            probe = new ThzNetworkEnv(sc.scenario(), 0);
            PolicyShape s = blob.shape();
            var info = probe.info();
            if (s.apNodeDim() != info.apNodeDim() || s.risNodeDim() != info.risNodeDim() || s.aps() != info.aps()
                    || s.rises() != info.rises() || s.apActions() != info.usersPerAp() + 1
                    || s.risChoices() != info.risChoices() || s.risElements() != info.risElements()) {
                throw new IllegalArgumentException("the policy in " + dir + " was trained for M=" + s.aps() + " J="
                        + s.rises() + " K_m=" + (s.apActions() - 1) + " L=" + s.risElements() + ", the scenario "
                        + sc.source() + " has M=" + info.aps() + " J=" + info.rises() + " K_m=" + info.usersPerAp()
                        + " L=" + info.risElements());
            }
            policies = List.of(new LearnedPolicy(PolicyNetwork.of(blob), probe.graph(), info.pmaxW(), !sample));
        } else {
            runSeed = seed != null ? seed : 1;
            sc = ScenarioOption.resolve(scenario != null ? scenario : "default");
            probe = new ThzNetworkEnv(sc.scenario(), 0);
            if (target.scheme.equals("all")) {
                policies = new java.util.ArrayList<>();
                for (String name : Baselines.REGISTRY.keySet()) {
                    policies.add(Baselines.create(name, probe.info()));
                }
            } else {
                policies = List.of(Baselines.create(target.scheme, probe.info()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("held-out evaluation on %s: %d episodes, run seed %d (evaluation master seed %d)%n%n", sc.source(), n,
                runSeed, Seeds.evaluationEnvironment(runSeed, offset));
        out.println(HeldOut.HEADER);
        ThzNetworkEnv env = HeldOut.environment(sc.scenario(), runSeed, offset);
        for (Policy p : policies) {
            out.println(HeldOut.row(p.name(), HeldOut.run(env, p, n)));
        }
        out.flush();
        return 0;
    }

    private static JsonNode readRun(Path dir) {
        Path file = dir.resolve(TrainingRun.RUN_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--policy " + dir + ": no " + TrainingRun.RUN_JSON + " (not a run directory)");
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}

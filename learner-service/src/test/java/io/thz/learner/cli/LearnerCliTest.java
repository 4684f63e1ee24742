package io.thz.learner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerCliTest {

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
             PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            System.setErr(pe); // the training progress goes to System.err
            code = LearnerCli.execute(args, po, pe);
        } finally {
            System.setErr(savedErr);
        }
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem(@TempDir Path dir) {
        assertThat(run("train", "--algo", "qmix", "--steps", "10", "--out", dir.toString())).isEqualTo(2);
        assertThat(err).contains("unknown algorithm 'qmix'").contains("ge-vdac, ie-vdac, vdac, central-critic");
        assertThat(run("train", "--algo", "vdac", "--scenario", "nowhere.yaml", "--steps", "10", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err).contains("--scenario nowhere.yaml").contains("small");
        assertThat(run("train", "--algo", "vdac", "--steps", "10", "--out", dir.toString(), "--set", "training.gamma=2"))
                .isEqualTo(2);
        assertThat(err).contains("training.gamma=2.0");
        assertThat(run("train", "--algo", "vdac", "--steps", "-5", "--out", dir.toString())).isEqualTo(2);
        assertThat(err).contains("--steps=-5");
        assertThat(run("train", "--algo", "vdac", "--out", dir.toString())).isEqualTo(2);
        assertThat(err).contains("--steps");
        assertThat(run("evaluate", "--scheme", "nope")).isEqualTo(2);
        assertThat(err).contains("unknown baseline 'nope'").contains("equal-power-qos");
        assertThat(run("evaluate", "--policy", dir.toString())).isEqualTo(2);
        assertThat(err).contains("not a run directory");
    }

    @Test
    void trainThenEvaluateThePolicyAndTheSchemes(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        assertThat(run("train", "--algo", "ie-vdac", "--scenario", "small", "--steps", "160", "--seed", "3",
                "--out", runDir.toString(), "--set", "training.episodesPerUpdate=4", "--no-baselines")).isEqualTo(0);
        assertThat(err).contains("effective seed 3").contains("done: 160 env steps, 4 updates");
        for (String file : new String[] {"run.json", "scenario.json", "metrics.csv", "evaluations.csv", "checkpoint.bin",
            "policy.thzw", "learning-curve.png", "summary.md"}) {
            assertThat(runDir.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.readAllLines(runDir.resolve("metrics.csv"))).hasSize(1 + 16);
        String summary = Files.readString(runDir.resolve("summary.md"));
        assertThat(summary).contains("## Information exchange per slot").contains("**ie-vdac**").contains("## Where the time went");
        // the PNG is a PNG
        byte[] png = Files.readAllBytes(runDir.resolve("learning-curve.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        assertThat(run("evaluate", "--policy", runDir.toString(), "--episodes", "2")).isEqualTo(0);
        assertThat(out).contains("| ie-vdac |").contains("held-out evaluation on small: 2 episodes, run seed 3");
        assertThat(run("evaluate", "--scheme", "all", "--scenario", "small", "--episodes", "2")).isEqualTo(0);
        assertThat(out).contains("| equal-power-qos |").contains("| equal-power-csi |").contains("| all-on-greedy |")
                .contains("| random-ris |").contains("| random |");
        // a policy trained for one network shape is refused on another
        assertThat(run("evaluate", "--policy", runDir.toString(), "--scenario", "fig4", "--episodes", "1")).isEqualTo(2);
        assertThat(err).contains("was trained for M=2 J=1 K_m=3");
    }
}

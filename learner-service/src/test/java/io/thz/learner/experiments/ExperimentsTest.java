package io.thz.learner.experiments;

import io.thz.learner.cli.LearnerCli;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.runners.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experiments machinery end to end on the small scenario with a tiny budget. */
class ExperimentsTest {

    private static final long STEPS = 200;

    /** Two configurations: GE-VDAC trained and the CSI-based no-RIS scheme, at K_U = 1 on the small scenario. */
    private static final Figure TWO = Figures.users("tiny", "small", List.of(1), List.of("ge-vdac"),
            List.of("equal-power-csi"));

    private static LearnerConfig config() {
        Map<String, String> o = new HashMap<>(Experiments.curveOverrides(STEPS));
        o.put("training.episodesPerUpdate", "2");
        o.put("evaluation.episodes", "2");
        return LearnerConfigLoader.load(null, o);
    }

    private static Experiments.Options options(Path out, boolean resume, ByteArrayOutputStream log) {
        return new Experiments.Options(STEPS, List.of(3L), out, resume, config(),
                new PrintStream(log, true, StandardCharsets.UTF_8), false, "test");
    }

    @Test
    void runsEachConfigurationWritesCsvPngReportAndResumeSkipsFinishedOnes(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<Figure, Figure.Results> results = new Experiments(options(out, false, log)).run(List.of(TWO));
        Figure.Results r = results.get(TWO);
        assertThat(r.byPoint()).hasSize(2);
        RunResult learned = r.at("ge-vdac", 6).get(0); // K = 2 APs x (2 SE + 1 IoT)
        RunResult csi = r.at("equal-power-csi", 6).get(0);
        assertThat(learned.trainedSteps()).isGreaterThanOrEqualTo(STEPS);
        assertThat(learned.exchangeFloats()).isPositive();
        assertThat(csi.trainedSteps()).isZero();
        assertThat(csi.curve()).isEmpty();

        // CSV: one "final" row per configuration, one "curve" row per held-out evaluation of the learned run
        Path runDir = out.resolve("runs").resolve(learned.key()).resolve("seed-3");
        int evaluations = Files.readAllLines(runDir.resolve(TrainingRun.EVALUATIONS_CSV)).size() - 1;
        assertThat(evaluations).isGreaterThanOrEqualTo(Experiments.CURVE_POINTS);
        List<String> csv = Files.readAllLines(out.resolve("tiny.csv"));
        assertThat(csv.get(0)).isEqualTo(FigureOutput.CSV_HEADER);
        assertThat(csv.stream().filter(l -> l.contains(",final,"))).hasSize(2);
        assertThat(csv.stream().filter(l -> l.startsWith("tiny,ge-vdac,K,6,") && l.contains(",curve,")))
                .hasSize(evaluations);
        String csiRow = csv.stream().filter(l -> l.startsWith("tiny,equal-power-csi,K,6,")).findFirst().orElseThrow();
        String[] f = csiRow.split(",");
        assertThat(Double.parseDouble(f[13])).isCloseTo(csi.evaluation().eeGbitPerJoule(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertThat(learned.curve().get(learned.curve().size() - 1).envSteps()).isEqualTo(learned.trainedSteps());

        // PNGs: real images of the chart size
        for (String png : List.of("tiny-ee.png", "tiny-se-reliability.png")) {
            byte[] bytes = Files.readAllBytes(out.resolve(png));
            assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        }

        // report: every configuration, the budget, the plots, the claims
        String report = Files.readString(out.resolve(Report.FILE));
        assertThat(report).contains(learned.key(), csi.key(), "small network.iotUsersPerAp=1", "Budget: 200 training steps",
                "![tiny-ee.png](tiny-ee.png)", "The paper's claims at this budget", Report.FULL_SCALE);

        // a second invocation reuses both finished configurations and trains nothing
        byte[] metrics = Files.readAllBytes(runDir.resolve(TrainingRun.METRICS_CSV));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Figure.Results r2 = new Experiments(options(out, false, again)).run(List.of(TWO)).get(TWO);
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("2 finished earlier (reused), 0 to run")
                .doesNotContain("effective seed");
        assertThat(Files.readAllBytes(runDir.resolve(TrainingRun.METRICS_CSV))).isEqualTo(metrics);
        assertThat(r2.at("ge-vdac", 6).get(0)).isEqualTo(learned);

        // an unfinished run (no result.json) is refused without --resume and continued with it
        Path baselineResult = out.resolve("runs").resolve(csi.key()).resolve("seed-3").resolve(RunResult.FILE);
        byte[] baselineBytes = Files.readAllBytes(baselineResult);
        Files.delete(runDir.resolve(RunResult.FILE));
        assertThatThrownBy(() -> new Experiments(options(out, false, new ByteArrayOutputStream())).run(List.of(TWO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume")
                .hasMessageContaining(learned.key());
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        new Experiments(options(out, true, resumed)).run(List.of(TWO));
        assertThat(resumed.toString(StandardCharsets.UTF_8)).contains("1 finished earlier (reused), 1 to run",
                "resuming ge-vdac");
        assertThat(runDir.resolve(RunResult.FILE)).isRegularFile();
        assertThat(Files.readAllBytes(baselineResult)).isEqualTo(baselineBytes);
    }

    @Test
    void registryRefusesUnknownFiguresListingTheValidOnes() {
        assertThatThrownBy(() -> Figures.select("fig9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown figure 'fig9'").hasMessageContaining("fig4, fig5, fig6, fig7, all");
        assertThat(Figures.select("all")).extracting(Figure::name).containsExactly("fig4", "fig5", "fig6", "fig7");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LearnerCli.execute(new String[] {"experiments", "--figure", "fig9", "--out", "unused"},
                new PrintStream(out), new PrintStream(err));
        assertThat(code).isEqualTo(LearnerCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown figure 'fig9'", "valid: fig4, fig5, fig6, fig7, all");
    }

    @Test
    void figuresSixAndSevenShareTheirConfigurationsAndTheGridsMatchThePaper() {
        List<Configuration> six = Figures.REGISTRY.get("fig6").points().stream().map(Figure.Point::configuration).toList();
        List<Configuration> seven = Figures.REGISTRY.get("fig7").points().stream().map(Figure.Point::configuration).toList();
        assertThat(six).isEqualTo(seven);
        // Fig. 4: four algorithms at J = 1, 2, 4 on K = 24, N_A = 64, b = 1
        List<Figure.Point> four = Figures.REGISTRY.get("fig4").points();
        assertThat(four).hasSize(12);
        for (Figure.Point p : four) {
            var net = p.configuration().scenario().tree().path("network");
            assertThat(net.path("antennas").asInt()).isEqualTo(64);
            assertThat(net.path("risBits").asInt()).isEqualTo(1);
            assertThat(net.path("aps").asInt() * (net.path("seUsersPerAp").asInt() + net.path("iotUsersPerAp").asInt()))
                    .isEqualTo(24);
            assertThat(net.path("rises").asInt()).isEqualTo((int) p.x());
        }
        // Fig. 5: x is K = 3 (4 + K_U)
        assertThat(Figures.REGISTRY.get("fig5").points().stream().map(Figure.Point::x).distinct())
                .containsExactly(18.0, 24.0, 30.0, 36.0);
    }

    @Test
    void claimsCountTheComparisonsThatAgree() {
        // hand-made results: series a rises 1 -> 2 -> 1.5 along x, b is 0.5 everywhere
        Map<Figure.Point, List<RunResult>> byPoint = new java.util.LinkedHashMap<>();
        double[] a = {1, 2, 1.5};
        for (int i = 0; i < 3; i++) {
            byPoint.put(point("a", i), List.of(result(a[i]), result(a[i] + 0.2)));
            byPoint.put(point("b", i), List.of(result(0.5)));
        }
        Figure.Results r = new Figure.Results(byPoint, "x");
        java.util.function.ToDoubleFunction<RunResult> ee = x -> x.evaluation().eeGbitPerJoule();
        Figure.Claim rising = Figure.trendAlongX("a rises", r, List.of("a"), ee, true);
        assertThat(rising.satisfied()).isEqualTo(1);
        assertThat(rising.total()).isEqualTo(2);
        assertThat(rising.verdict()).isEqualTo("partly (1 of 2)");
        assertThat(rising.evidence()).isEqualTo("a: 1.100 → 2.100 → 1.600");
        assertThat(Figure.extreme("a highest", r, "a", List.of("a", "b"), ee, true).verdict()).isEqualTo("holds");
        assertThat(Figure.orderAcrossSeries("a below b", r, List.of("a", "b"), ee, true).verdict())
                .isEqualTo("does not hold");
        Charts.Point at1 = r.stat("a", 1, ee);
        assertThat(at1.mean()).isCloseTo(2.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(at1.min()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(at1.max()).isCloseTo(2.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new Figure.Claim("x", 0, 0, "").verdict()).isEqualTo("not checked");
    }

    private static Figure.Point point(String series, double x) {
        return new Figure.Point(series, x, new Configuration("equal-power-csi", "small", Map.of()));
    }

    private static RunResult result(double ee) {
        return new RunResult("k", "equal-power-csi", false, "small", 1, 0, 6, 1, 1, 8,
                new RunResult.Metrics(1, 0, 0, ee, 0, 0, 0, 0, 1, 1), List.of(), 0, 0, 0, 0);
    }
}

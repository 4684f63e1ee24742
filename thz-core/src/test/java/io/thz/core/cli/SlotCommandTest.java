package io.thz.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thz.core.slot.OutcomeAssertions;
import io.thz.core.slot.SlotOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code thz slot} end to end through the command line, in process. */
class SlotCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }
    }

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ThzCoreCli.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String example(String name) throws IOException {
        try (InputStream in = SlotCommandTest.class.getResourceAsStream("/examples/" + name)) {
            assertThat(in).as("test resource examples/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SlotOutcome expected(String name) throws IOException {
        try (InputStream in = SlotCommandTest.class.getResourceAsStream("/examples/" + name + ".expected.json")) {
            return OutcomeAssertions.readExpected(in);
        }
    }

    static SlotOutcome parseOutput(String out) throws IOException {
        return OutcomeAssertions.readExpected(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scoresAFileAndPrintsTheSpecOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("case.json");
        Files.writeString(file, example("three-aps-two-ris.json"));
        Run run = run("", "slot", "--in", file.toString());
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        OutcomeAssertions.assertMatches(parseOutput(run.out()), expected("three-aps-two-ris"), 1e-9, "thz slot");
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("users", "aps", "powerTotalW", "sumRateGbps", "eeGbitPerJoule", "eeBpsHzPerW");
        assertThat(root.get("users").get(0).fieldNames()).toIterable()
                .containsExactly("cluster", "decodeRank", "sinr", "rateBpsHz", "rateGbps", "sicFail");
        assertThat(root.get("aps").get(0).fieldNames()).toIterable().containsExactly("phaseLevels", "W");
    }

    @Test
    void readsStandardInputWithDash() throws Exception {
        Run run = run(example("csi-clustering.json"), "slot", "--in", "-");
        assertThat(run.code()).isZero();
        OutcomeAssertions.assertMatches(parseOutput(run.out()), expected("csi-clustering"), 1e-9, "stdin");
    }

    @Test
    void repeatPrintsTheOutputOnceAndTheRateOnStderr() throws Exception {
        Run run = run(example("small.json"), "slot", "--in", "-", "--repeat", "20");
        assertThat(run.code()).isZero();
        OutcomeAssertions.assertMatches(parseOutput(run.out()), expected("small"), 1e-9, "repeat");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).matches("[0-9.]+ slots/s \\(20 slots in [0-9.]+ s after [0-9]+ warm-up slots"
                + "(; [0-9.]+ slots/s of thread CPU time)?\\)");
        assertThat(run("", "slot", "--in", "-", "--repeat", "0").code()).isEqualTo(2);
    }

    @Test
    void aMissingFileIsAClearInputError(@TempDir Path dir) {
        Run run = run("", "slot", "--in", dir.resolve("nope.json").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--in: no such file: ").contains("nope.json");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingOptionIsAUsageError() {
        Run run = run("", "slot");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--in=FILE'");
    }

    // ---- malformed cases: each gives exactly one stderr line naming the field, exit code 2

    @Test
    void aShortChannelRowIsNamed() throws Exception {
        assertRefused("three-aps-two-ris.json",
                c -> ((ArrayNode) c.at("/channels/direct/1/3")).remove(63),
                "channels.direct[1][3]: expected 64 complex entries, got 63");
    }

    @Test
    void aNegativePowerIsNamed() throws Exception {
        assertRefused("small.json", c -> ((ArrayNode) c.at("/actions/powerW")).set(2, -0.1),
                "actions.powerW[2]: negative power -0.1 W");
    }

    @Test
    void anApOverItsMaximumPowerIsNamed() throws Exception {
        assertRefused("small.json", c -> {
            ArrayNode p = (ArrayNode) c.at("/actions/powerW");
            double[] powers = {2.0, 1.0, 1.0, 1.0, 0.3, 0.0}; // AP 0 serves all six: 5.3 W
            for (int k = 0; k < powers.length; k++) {
                p.set(k, powers[k]);
            }
        }, "actions.powerW: AP 0 transmits 5.3 W > pmaxW 5 W");
    }

    @Test
    void anUnknownUserTypeIsNamed() throws Exception {
        assertRefused("small.json", c -> ((ObjectNode) c.at("/users/4")).put("type", "EMBB"),
                "users[4].type: unknown user type \"EMBB\" (expected SE or IOT)");
    }

    @Test
    void nanAndInfinityAreNamedWherever() throws Exception {
        String nan = mutate(example("small.json"), c -> ((ArrayNode) c.at("/channels/direct/0/2/7")).set(1, 123456.5))
                .replace("123456.5", "NaN");
        assertOneLine(run(nan, "slot", "--in", "-"), "channels.direct[0][2][7][1]: not a finite number (NaN)");
        String infinity = mutate(example("small.json"), c -> ((ArrayNode) c.at("/actions/powerW")).set(1, 123456.5))
                .replace("123456.5", "Infinity");
        assertOneLine(run(infinity, "slot", "--in", "-"), "actions.powerW[1]: not a finite number (Infinity)");
        String overflow = mutate(example("small.json"), c -> ((ArrayNode) c.at("/channels/apRis/0/1/2/3")).set(0, 123456.5))
                .replace("123456.5", "1e400");
        assertOneLine(run(overflow, "slot", "--in", "-"), "channels.apRis[0][1][2][3][0]: not a finite number");
        String config = mutate(example("small.json"), c -> ((ObjectNode) c.get("config")).put("xi", 123456.5))
                .replace("123456.5", "-Infinity");
        assertOneLine(run(config, "slot", "--in", "-"), "config.xi: not a finite number (-Infinity)");
    }

    @Test
    void aPhaseLevelOutOfRangeIsNamed() throws Exception {
        assertRefused("small.json", c -> ((ArrayNode) c.at("/actions/ris/1/phase")).set(2, 2),
                "actions.ris[1].phase[2]: phase level 2 out of range 0..1 (risBits 1)");
    }

    @Test
    void anOnFlagOtherThanZeroOrOneIsNamed() throws Exception {
        assertRefused("small.json", c -> ((ArrayNode) c.at("/actions/ris/0/on")).set(3, 2),
                "actions.ris[0].on[3]: expected 0 or 1, got 2");
        assertRefused("small.json", c -> ((ArrayNode) c.at("/actions/ris/0/on")).set(3, true),
                "actions.ris[0].on[3]: expected an integer, got boolean true");
    }

    @Test
    void aWrongCountOfRisActionsIsNamed() throws Exception {
        assertRefused("small.json", c -> ((ArrayNode) c.at("/actions/ris")).remove(1),
                "actions.ris: expected 2 RIS actions (one per channels.risUser entry), got 1");
        assertRefused("small.json", c -> ((ArrayNode) c.at("/actions/ris/1/phase")).remove(0),
                "actions.ris[1].phase: expected 4 entries (risElements), got 3");
    }

    @Test
    void anApIndexOutOfRangeIsNamed() throws Exception {
        assertRefused("two-aps-no-ris.json", c -> ((ObjectNode) c.at("/users/2")).put("ap", 2),
                "users[2].ap: AP index 2 out of range 0..1 (channels.direct has 2 APs)");
    }

    @Test
    void anApWhoseUsersCannotFillItsClustersIsNamed() throws Exception {
        // QoS: each AP needs exactly rfChains SE users (one heads each cluster)
        assertRefused("small.json", c -> ((ObjectNode) c.at("/users/3")).put("type", "IOT"),
                "users: AP 0 serves 1 SE user; QoS clustering needs exactly rfChains = 2 (each SE user heads one cluster)");
        assertRefused("small.json", c -> ((ObjectNode) c.at("/users/1")).put("type", "SE"),
                "users: AP 0 serves 3 SE users; QoS clustering needs exactly rfChains = 2");
        // CSI: each AP needs at least rfChains users
        assertRefused("csi-clustering.json", c -> {
            ((ObjectNode) c.at("/users/3")).put("ap", 1);
            ((ObjectNode) c.at("/users/4")).put("ap", 1);
        }, "users: AP 0 serves 1 user; CSI clustering needs at least rfChains = 2");
    }

    @Test
    void unknownAndMissingFieldsAreNamed() throws Exception {
        assertRefused("small.json", c -> ((ObjectNode) c.get("config")).put("foo", 1),
                "config.foo: unknown field (expected antennas, rfChains");
        assertRefused("small.json", c -> ((ObjectNode) c).put("extra", 1), "extra: unknown field");
        assertRefused("small.json", c -> ((ObjectNode) c.at("/actions/ris/0")).put("gain", 1),
                "actions.ris[0].gain: unknown field (expected on, phase)");
        assertRefused("small.json", c -> ((ObjectNode) c.get("config")).remove("xi"), "config.xi: missing");
        assertRefused("small.json", c -> ((ObjectNode) c.get("channels")).remove("apRis"), "channels.apRis: missing");
    }

    @Test
    void wrongTypesAndImpossibleConfigsAreNamed() throws Exception {
        assertRefused("small.json", c -> ((ObjectNode) c.get("config")).put("antennas", "16"),
                "config.antennas: expected an integer, got string \"16\"");
        assertRefused("small.json", c -> ((ObjectNode) c.get("config")).put("antennas", 15),
                "config.antennas: 15 is not a multiple of config.rfChains 2");
        assertRefused("small.json", c -> ((ObjectNode) c.get("config")).put("risBits", 5),
                "config.risBits: 5 outside 1..4");
        assertRefused("small.json", c -> ((ObjectNode) c.get("config")).put("clustering", "kmeans"),
                "config.clustering: unknown clustering string \"kmeans\" (expected \"qos\" or \"csi\")");
        assertRefused("small.json", c -> ((ObjectNode) c.get("config")).put("pdW", -0.01),
                "config.pdW: negative power -0.01 W");
        assertRefused("small.json", c -> ((ArrayNode) c.at("/channels/direct/0/1")).set(0, JSON.createArrayNode().add(1)),
                "channels.direct[0][1][0]: expected a complex number [re, im], got an array of 1");
        assertRefused("small.json", c -> ((ArrayNode) c.at("/channels/apRis/0/1")).remove(0),
                "channels.apRis[0][1]: expected 4 rows (risElements), got 3");
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() {
        assertOneLine(run("{\"config\": {\"antennas\": 16,,}", "slot", "--in", "-"), "line 1, column ");
        assertOneLine(run("", "slot", "--in", "-"), "input: empty");
        assertOneLine(run("{\"a\": 1, \"a\": 2}", "slot", "--in", "-"), "Duplicate field 'a'");
    }

    void assertRefused(String example, Consumer<JsonNode> mutation, String expectedMessage) throws IOException {
        assertOneLine(run(mutate(example(example), mutation), "slot", "--in", "-"), expectedMessage);
    }

    static String mutate(String json, Consumer<JsonNode> mutation) throws IOException {
        JsonNode root = JSON.readTree(json);
        mutation.accept(root);
        return JSON.writeValueAsString(root);
    }

    static void assertOneLine(Run run, String expected) {
        assertThat(run.code()).as("exit code, stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.errLines()).as("stderr lines").hasSize(1);
        assertThat(run.errLines()[0]).startsWith("thz slot: ").contains(expected);
        assertThat(run.out()).isEmpty();
    }
}

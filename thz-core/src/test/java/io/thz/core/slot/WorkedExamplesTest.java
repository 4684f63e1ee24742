package io.thz.core.slot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every worked case of the spec (copied from shared/spec/examples into
 * src/test/resources/examples) scored and compared with its expected output: 1e-9 relative on
 * reals (W included), exact on clusters, decode ranks, SIC failures and phase levels.
 */
class WorkedExamplesTest {

    static final double RELATIVE = 1e-9;

    @ParameterizedTest
    @MethodSource("examples")
    void scoresTheWorkedExample(String name) throws Exception {
        SlotCase slotCase;
        SlotOutcome expected;
        try (InputStream in = resource(name + ".json");
             InputStream out = resource(name + ".expected.json")) {
            slotCase = SlotCaseReader.read(in);
            expected = OutcomeAssertions.readExpected(out);
        }
        SlotOutcome actual = new SlotScorer().score(slotCase);
        OutcomeAssertions.assertMatches(actual, expected, RELATIVE, name);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void writesTheOutputFormatAndReadsItBack(String name) throws Exception {
        SlotCase slotCase;
        try (InputStream in = resource(name + ".json")) {
            slotCase = SlotCaseReader.read(in);
        }
        SlotOutcome actual = new SlotScorer().score(slotCase);
        String json = SlotOutcomeWriter.toJson(actual);
        SlotOutcome reread = OutcomeAssertions.readExpected(
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // Jackson writes doubles that read back exactly
        OutcomeAssertions.assertMatches(reread, actual, 0.0, name + " round trip");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theReferenceScorerAgreesWithTheWorkedExamplesToo(String name) throws Exception {
        SlotCase slotCase;
        SlotOutcome expected;
        try (InputStream in = resource(name + ".json");
             InputStream out = resource(name + ".expected.json")) {
            slotCase = SlotCaseReader.read(in);
            expected = OutcomeAssertions.readExpected(out);
        }
        OutcomeAssertions.assertMatches(ReferenceSlotScorer.score(slotCase), expected, RELATIVE,
                name + " (reference)");
    }

    /** Every case in the copied examples folder (each NAME.json with its NAME.expected.json). */
    static List<String> examples() throws IOException, URISyntaxException {
        Path folder = Path.of(WorkedExamplesTest.class.getResource("/examples").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.endsWith(".expected.json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theCopiedExamplesAreAllThere() throws Exception {
        assertThat(examples()).contains("small", "two-aps-no-ris", "csi-clustering", "three-aps-two-ris");
        for (String name : examples()) {
            assertThat(WorkedExamplesTest.class.getResource("/examples/" + name + ".expected.json"))
                    .as("expected output of %s", name).isNotNull();
        }
    }

    /** When the shared spec is reachable (a worktree or CI's clone beside shared/), the copies equal it. */
    @Test
    void theCopiesMatchTheSharedSpecWhenItIsReachable() throws Exception {
        Path shared = sharedExamples();
        assumeTrue(shared != null, "shared/spec/examples not reachable from here");
        Path folder = Path.of(WorkedExamplesTest.class.getResource("/examples").toURI());
        try (Stream<Path> files = Files.list(shared)) {
            for (Path original : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Path copy = folder.resolve(original.getFileName().toString());
                assertThat(copy).as("copy of %s in src/test/resources/examples", original).exists();
                assertThat(Files.mismatch(original, copy)).as("%s differs from its copy", original).isEqualTo(-1L);
            }
        }
    }

    private static Path sharedExamples() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("spec").resolve("examples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static InputStream resource(String name) {
        InputStream in = WorkedExamplesTest.class.getResourceAsStream("/examples/" + name);
        assertThat(in).as("test resource examples/%s", name).isNotNull();
        return in;
    }
}

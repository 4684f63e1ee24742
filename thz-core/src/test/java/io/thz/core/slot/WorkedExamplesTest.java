package io.thz.core.slot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every worked case of the spec (copied from shared/spec/examples into
 * src/test/resources/examples) scored and compared with its expected output: 1e-9 relative on
 * reals (W included), exact on clusters, decode ranks, SIC failures and phase levels.
 */
class WorkedExamplesTest {

    static final double RELATIVE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"small", "two-aps-no-ris", "csi-clustering", "three-aps-two-ris"})
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
    @ValueSource(strings = {"small", "two-aps-no-ris", "csi-clustering", "three-aps-two-ris"})
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
    @ValueSource(strings = {"small", "two-aps-no-ris", "csi-clustering", "three-aps-two-ris"})
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

    static InputStream resource(String name) {
        InputStream in = WorkedExamplesTest.class.getResourceAsStream("/examples/" + name);
        assertThat(in).as("test resource examples/%s", name).isNotNull();
        return in;
    }
}

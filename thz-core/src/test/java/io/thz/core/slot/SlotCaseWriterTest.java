package io.thz.core.slot;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SlotCaseWriterTest {

    @Test
    void aWrittenCaseReadsBackAndScoresIdentically() {
        Random shapes = new Random(12);
        for (int i = 0; i < 10; i++) {
            SlotCase original = SlotCaseGenerator.generate(SlotCaseGenerator.randomShape(shapes), 300 + i);
            SlotCase reread = SlotCaseReader.parse(SlotCaseWriter.toJson(original));
            assertThat(reread.config()).isEqualTo(original.config());
            assertThat(reread.users()).isEqualTo(original.users());
            assertThat(reread.powerW()).containsExactly(original.powerW());
            // doubles are written so that they read back exactly; factors are written multiplied out
            OutcomeAssertions.assertMatches(new SlotScorer().score(reread), new SlotScorer().score(original),
                    1e-12, "case " + i);
        }
    }
}

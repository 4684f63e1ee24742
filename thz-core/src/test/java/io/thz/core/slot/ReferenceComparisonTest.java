package io.thz.core.slot;

import io.thz.core.model.Clustering;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production scorer against the naive reference on many random valid cases (fixed seeds)
 * spanning 1-3 APs, 0-4 RISs, 2 or 4 RF chains, single- and multi-user clusters, both
 * clusterings, full-rank / rank-one / mixed AP-RIS matrices, noise- and interference-limited.
 */
class ReferenceComparisonTest {

    /** Number of random cases; {@code -Dthz.referenceCases=N} runs more. */
    static final int CASES = Integer.getInteger("thz.referenceCases", 400);
    static final double RELATIVE = 1e-9;

    @Test
    void matchesTheReferenceOnRandomCases() {
        Random shapes = new Random(20240611L);
        SlotScorer scorer = new SlotScorer(); // one workspace across all shapes, as in training
        Set<Integer> apCounts = new HashSet<>();
        Set<Integer> risCounts = new HashSet<>();
        Set<Integer> chainCounts = new HashSet<>();
        EnumSet<Clustering> rules = EnumSet.noneOf(Clustering.class);
        int singleUserClusters = 0;
        int multiUserClusters = 0;
        int noiseLimited = 0;
        int interferenceLimited = 0;
        int sicFailures = 0;
        int rankOneCases = 0;
        for (int i = 0; i < CASES; i++) {
            SlotCaseGenerator.Shape shape = SlotCaseGenerator.randomShape(shapes);
            SlotCase slotCase = SlotCaseGenerator.generate(shape, 1000L + i);
            SlotOutcome fast = scorer.score(slotCase);
            SlotOutcome reference = ReferenceSlotScorer.score(slotCase);
            OutcomeAssertions.assertMatches(fast, reference, RELATIVE, "case " + i + " " + shape);

            apCounts.add(shape.aps());
            risCounts.add(shape.rises());
            chainCounts.add(shape.rfChains());
            rules.add(shape.clustering());
            rankOneCases += slotCase.channels().apRisFactors() != null ? 1 : 0;
            for (int k = 0; k < fast.users(); k++) {
                if (fast.decodeRank()[k] == 1 && fast.decodeRank()[k] == clusterSize(fast, slotCase, k)) {
                    singleUserClusters++;
                } else if (fast.decodeRank()[k] == 1) {
                    multiUserClusters++;
                }
                sicFailures += fast.sicFail()[k] ? 1 : 0;
            }
            if (shape.channelScale() <= 1e-2) {
                noiseLimited++;
            } else {
                interferenceLimited++;
            }
        }
        // the random shapes really covered the ranges the acceptance asks for
        assertThat(apCounts).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(risCounts).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(chainCounts).containsExactlyInAnyOrder(2, 4);
        assertThat(rules).containsExactlyInAnyOrder(Clustering.QOS, Clustering.CSI);
        assertThat(singleUserClusters).isPositive();
        assertThat(multiUserClusters).isPositive();
        assertThat(noiseLimited).isPositive();
        assertThat(interferenceLimited).isPositive();
        assertThat(sicFailures).isPositive();
        assertThat(rankOneCases).isPositive();
    }

    @Test
    void matchesTheReferenceAtTheLargestSetting() {
        SlotScorer scorer = new SlotScorer();
        for (boolean rankOne : new boolean[] {false, true}) {
            for (long seed = 0; seed < 3; seed++) {
                SlotCase slotCase = SlotCaseGenerator.generate(SlotCaseGenerator.largest(rankOne), seed);
                OutcomeAssertions.assertMatches(scorer.score(slotCase), ReferenceSlotScorer.score(slotCase),
                        RELATIVE, "largest, rankOne=" + rankOne + ", seed " + seed);
            }
        }
    }

    private static int clusterSize(SlotOutcome outcome, SlotCase slotCase, int user) {
        int size = 0;
        for (int k = 0; k < outcome.users(); k++) {
            if (slotCase.users().get(k).ap() == slotCase.users().get(user).ap()
                    && outcome.cluster()[k] == outcome.cluster()[user]) {
                size++;
            }
        }
        return size;
    }
}

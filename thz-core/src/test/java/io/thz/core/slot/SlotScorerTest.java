package io.thz.core.slot;

import io.thz.core.channel.SlotChannels;
import io.thz.core.model.RisAction;
import io.thz.core.model.User;
import io.thz.core.ris.EquivalentChannel;
import io.thz.core.ris.RisConfiguration;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SlotScorerTest {

    @Test
    void oneWorkspaceScoresCasesOfChangingShapeExactlyAsFreshScorersDo() {
        SlotScorer reused = new SlotScorer();
        Random shapes = new Random(77);
        List<SlotCase> cases = new ArrayList<>();
        cases.add(SlotCaseGenerator.generate(SlotCaseGenerator.largest(false), 1));
        for (int i = 0; i < 30; i++) {
            cases.add(SlotCaseGenerator.generate(SlotCaseGenerator.randomShape(shapes), 100 + i));
        }
        cases.add(SlotCaseGenerator.generate(SlotCaseGenerator.largest(true), 2));
        for (int i = 0; i < cases.size(); i++) {
            SlotOutcome again = reused.score(cases.get(i));
            OutcomeAssertions.assertMatches(again, new SlotScorer().score(cases.get(i)), 0.0, "case " + i);
        }
    }

    @Test
    void factoredRankOneChannelsScoreLikeTheirFullMatrices() {
        for (long seed = 0; seed < 5; seed++) {
            SlotCase factored = SlotCaseGenerator.generate(SlotCaseGenerator.largest(true), seed);
            SlotChannels c = factored.channels();
            SlotCase full = new SlotCase(factored.config(), factored.users(),
                    new SlotChannels(c.antennas(), c.risElements(), c.direct(), c.risUser(), c.apRis()),
                    factored.ris(), factored.powerW());
            OutcomeAssertions.assertMatches(new SlotScorer().score(factored), new SlotScorer().score(full),
                    1e-12, "seed " + seed);
        }
    }

    @Test
    void clusterCentresTimesThePrecoderAreDiagonalInAScoredSlot() {
        SlotCase slotCase = SlotCaseGenerator.generate(SlotCaseGenerator.largest(false), 3);
        SlotOutcome outcome = new SlotScorer().score(slotCase);
        int chains = slotCase.config().rfChains();
        int antennas = slotCase.config().antennas();
        int sub = antennas / chains;
        int levels = 1 << slotCase.config().apPhaseBits();
        List<RisConfiguration> ris = new ArrayList<>();
        for (RisAction action : slotCase.ris()) {
            ris.add(RisConfiguration.of(action, slotCase.config().risBits()));
        }
        ZMatrixRMaj[][] h = EquivalentChannel.all(slotCase.channels(), ris);
        for (int m = 0; m < outcome.aps(); m++) {
            // V from the reported phase levels
            ZMatrixRMaj v = new ZMatrixRMaj(antennas, chains);
            for (int n = 0; n < chains; n++) {
                for (int i = 0; i < sub; i++) {
                    double phase = 2 * Math.PI * outcome.phaseLevels()[m][n][i] / levels;
                    v.set(n * sub + i, n, Math.cos(phase) / Math.sqrt(sub), Math.sin(phase) / Math.sqrt(sub));
                }
            }
            // C from the reported clusters: c_n = mean of h_k V
            ZMatrixRMaj centres = new ZMatrixRMaj(chains, chains);
            int[] size = new int[chains];
            for (int k = 0; k < outcome.users(); k++) {
                User user = slotCase.users().get(k);
                if (user.ap() != m) {
                    continue;
                }
                ZMatrixRMaj hv = new ZMatrixRMaj(1, chains);
                CommonOps_ZDRM.mult(h[m][k], v, hv);
                int n = outcome.cluster()[k];
                size[n]++;
                for (int b = 0; b < chains; b++) {
                    centres.set(n, b, centres.getReal(n, b) + hv.getReal(0, b), centres.getImag(n, b) + hv.getImag(0, b));
                }
            }
            for (int n = 0; n < chains; n++) {
                for (int b = 0; b < chains; b++) {
                    centres.set(n, b, centres.getReal(n, b) / size[n], centres.getImag(n, b) / size[n]);
                }
            }
            ZMatrixRMaj cw = new ZMatrixRMaj(chains, chains);
            CommonOps_ZDRM.mult(centres, outcome.precoders()[m], cw);
            for (int r = 0; r < chains; r++) {
                double diagonal = Math.hypot(cw.getReal(r, r), cw.getImag(r, r));
                for (int col = 0; col < chains; col++) {
                    if (col != r) {
                        assertThat(Math.hypot(cw.getReal(r, col), cw.getImag(r, col)))
                                .as("AP %d, (C W)[%d][%d]", m, r, col).isLessThanOrEqualTo(1e-10 * diagonal);
                    }
                }
            }
        }
    }

    @Test
    void powerAndEfficiencyOfTheSmallExampleByHand() throws Exception {
        SlotCase slotCase;
        try (InputStream in = WorkedExamplesTest.resource("small.json")) {
            slotCase = SlotCaseReader.read(in);
        }
        SlotOutcome outcome = new SlotScorer().score(slotCase);
        // N_A = 16, N_R = 2: P_AP = 0.2 + 2 * 0.16 + 16 * (0.03 + 0.02) = 1.32 W; M = 1
        // K P_D = 6 * 0.01 = 0.06 W; ON elements 2 + 2 = 4, B_R = 1: 4 * 0.01 = 0.04 W
        // Σ p = 1.8872216598562455 W (the six powers of the case), ξ Σ p = Σ p / 0.38
        double sumPower = 0;
        for (double p : slotCase.powerW()) {
            sumPower += p;
        }
        assertThat(sumPower).isCloseTo(1.8872216598562455, within(1e-12));
        assertThat(outcome.powerTotalW()).isCloseTo(sumPower / 0.38 + 0.06 + 1.32 + 0.04, within(1e-9));
        // EE = B Σ R / P_total
        double sumRate = 0;
        double sumGbps = 0;
        for (int k = 0; k < outcome.users(); k++) {
            sumRate += outcome.rateBpsHz()[k];
            sumGbps += outcome.rateGbps()[k];
            assertThat(outcome.rateGbps()[k]).isCloseTo(10 * outcome.rateBpsHz()[k], within(1e-12));
        }
        assertThat(outcome.eeGbitPerJoule()).isCloseTo(1e10 * sumRate / outcome.powerTotalW() / 1e9, within(1e-12));
        assertThat(outcome.eeBpsHzPerW()).isCloseTo(sumRate / outcome.powerTotalW(), within(1e-12));
        assertThat(outcome.sumRateGbps()).isCloseTo(sumGbps, within(1e-9));
    }

    @Test
    void decodeRanksOfEachClusterArePermutationsWithTheHeadLast() {
        Random shapes = new Random(5);
        for (int i = 0; i < 40; i++) {
            SlotCase slotCase = SlotCaseGenerator.generate(SlotCaseGenerator.randomShape(shapes), 500 + i);
            SlotOutcome outcome = new SlotScorer().score(slotCase);
            int chains = slotCase.config().rfChains();
            for (int m = 0; m < outcome.aps(); m++) {
                for (int n = 0; n < chains; n++) {
                    List<Integer> ranks = new ArrayList<>();
                    for (int k = 0; k < outcome.users(); k++) {
                        if (slotCase.users().get(k).ap() == m && outcome.cluster()[k] == n) {
                            ranks.add(outcome.decodeRank()[k]);
                            if (outcome.decodeRank()[k] == ranks.size() && k == headOf(slotCase, outcome, m, n)) {
                                assertThat(outcome.sicFail()[k]).as("a head has no SIC failure").isFalse();
                            }
                        }
                    }
                    assertThat(ranks).as("case %d AP %d cluster %d", i, m, n).isNotEmpty();
                    List<Integer> expected = new ArrayList<>();
                    for (int r = 1; r <= ranks.size(); r++) {
                        expected.add(r);
                    }
                    assertThat(ranks).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(outcome.decodeRank()[headOf(slotCase, outcome, m, n)]).as("the head is decoded last")
                            .isEqualTo(ranks.size());
                }
            }
        }
    }

    /** The head of cluster n of AP m: under QoS its only SE user; under CSI the rank-K_n member. */
    private static int headOf(SlotCase slotCase, SlotOutcome outcome, int m, int n) {
        int head = -1;
        int size = 0;
        for (int k = 0; k < outcome.users(); k++) {
            if (slotCase.users().get(k).ap() == m && outcome.cluster()[k] == n) {
                size++;
                if (slotCase.config().clustering() == io.thz.core.model.Clustering.QOS
                        && slotCase.users().get(k).type() == io.thz.core.model.UserType.SE) {
                    head = k;
                }
            }
        }
        if (head >= 0) {
            return head;
        }
        for (int k = 0; k < outcome.users(); k++) {
            if (slotCase.users().get(k).ap() == m && outcome.cluster()[k] == n && outcome.decodeRank()[k] == size) {
                return k;
            }
        }
        throw new AssertionError("no head in AP " + m + " cluster " + n);
    }

    @Test
    void refusesInconsistentInputs() {
        SlotCase good = SlotCaseGenerator.generate(SlotCaseGenerator.largest(false), 4);
        SlotScorer scorer = new SlotScorer();
        double[] negative = good.powerW().clone();
        negative[3] = -1;
        assertThatThrownBy(() -> scorer.score(good.config(), good.users(), good.channels(), good.ris(), negative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of user 3");
        assertThatThrownBy(() -> scorer.score(good.config(), good.users(), good.channels(),
                good.ris().subList(0, 3), good.powerW()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 RIS actions for 4 RISs");
        List<User> moved = new ArrayList<>(good.users());
        moved.set(0, new User(7, moved.get(0).type()));
        assertThatThrownBy(() -> scorer.score(good.config(), moved, good.channels(), good.ris(), good.powerW()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AP 7");
    }
}

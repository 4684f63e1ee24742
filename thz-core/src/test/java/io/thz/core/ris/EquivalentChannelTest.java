package io.thz.core.ris;

import io.thz.core.channel.SlotChannels;
import io.thz.core.model.RisAction;
import io.thz.core.slot.SlotCase;
import io.thz.core.slot.SlotCaseGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EquivalentChannelTest {

    /**
     * N_A = 2, L = 2, one RIS. h~ = [1, j], f = [1, j], G = [[1, 2], [3j, 1]], B_R = 1.
     * Both ON with phases [0, 1]: Theta = diag(1, -1), f Theta = [1, -j],
     * f Theta G = 1 [1, 2] + (-j) [3j, 1] = [1 + 3, 2 - j] = [4, 2 - j], h = [5, 2].
     * Element 2 OFF: f Theta = [1, 0], f Theta G = [1, 2], h = [2, 2 + j].
     */
    @Test
    void addsTheReflectedPathByHand() {
        SlotChannels channels = new SlotChannels(2, 2,
                new ZMatrixRMaj[][] {{row(1, 0, 0, 1)}},
                new ZMatrixRMaj[][] {{row(1, 0, 0, 1)}},
                new ZMatrixRMaj[][] {{new ZMatrixRMaj(2, 2, true, 1, 0, 2, 0, 0, 3, 1, 0)}});
        ZMatrixRMaj bothOn = EquivalentChannel.of(channels,
                List.of(RisConfiguration.of(new RisAction(new boolean[] {true, true}, new int[] {0, 1}), 1)), 0, 0);
        assertThat(bothOn.data).containsExactly(new double[] {5, 0, 2, 0}, within(1e-15));
        ZMatrixRMaj secondOff = EquivalentChannel.of(channels,
                List.of(RisConfiguration.of(new RisAction(new boolean[] {true, false}, new int[] {0, 1}), 1)), 0, 0);
        assertThat(secondOff.data).containsExactly(new double[] {2, 0, 2, 1}, within(1e-15));
    }

    @Test
    void rankOneFactorsGiveTheSameChannelsAsTheFullMatrices() {
        SlotCase slotCase = SlotCaseGenerator.generate(SlotCaseGenerator.largest(true), 7);
        SlotChannels factored = slotCase.channels();
        SlotChannels full = new SlotChannels(factored.antennas(), factored.risElements(), factored.direct(),
                factored.risUser(), factored.apRis());
        List<RisConfiguration> ris = configurations(slotCase);
        ZMatrixRMaj[][] a = EquivalentChannel.all(factored, ris);
        ZMatrixRMaj[][] b = EquivalentChannel.all(full, ris);
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                assertClose(a[i][k].data, b[i][k].data, 1e-12);
            }
        }
    }

    @Test
    void projectionOnAnAnalogPrecoderEqualsTheFullChannelTimesV() {
        for (boolean rankOne : new boolean[] {false, true}) {
            SlotCase slotCase = SlotCaseGenerator.generate(SlotCaseGenerator.largest(rankOne), 11);
            SlotChannels channels = slotCase.channels();
            int antennas = channels.antennas();
            int chains = 4;
            int sub = antennas / chains;
            Random random = new Random(3);
            double[] vRe = new double[antennas];
            double[] vIm = new double[antennas];
            for (int c = 0; c < antennas; c++) {
                double phase = 2 * Math.PI * random.nextDouble();
                vRe[c] = Math.cos(phase) / Math.sqrt(sub);
                vIm[c] = Math.sin(phase) / Math.sqrt(sub);
            }
            EquivalentChannel equivalent = new EquivalentChannel();
            equivalent.prepare(channels, configurations(slotCase));
            double[] outRe = new double[chains];
            double[] outIm = new double[chains];
            for (int ap = 0; ap < channels.aps(); ap++) {
                equivalent.prepareProjection(ap, vRe, vIm, chains);
                for (int k = 0; k < channels.users(); k++) {
                    ZMatrixRMaj h = equivalent.channel(ap, k);
                    equivalent.projection(ap, k, outRe, outIm);
                    double[] expected = new double[2 * chains];
                    double[] actual = new double[2 * chains];
                    for (int n = 0; n < chains; n++) {
                        for (int c = n * sub; c < (n + 1) * sub; c++) {
                            expected[2 * n] += h.getReal(0, c) * vRe[c] - h.getImag(0, c) * vIm[c];
                            expected[2 * n + 1] += h.getReal(0, c) * vIm[c] + h.getImag(0, c) * vRe[c];
                        }
                        actual[2 * n] = outRe[n];
                        actual[2 * n + 1] = outIm[n];
                    }
                    assertClose(actual, expected, 1e-12);
                }
            }
        }
    }

    static List<RisConfiguration> configurations(SlotCase slotCase) {
        List<RisConfiguration> out = new ArrayList<>();
        for (RisAction action : slotCase.ris()) {
            out.add(RisConfiguration.of(action, slotCase.config().risBits()));
        }
        return out;
    }

    /** Every entry within {@code relative} of the vector's largest magnitude. */
    static void assertClose(double[] actual, double[] expected, double relative) {
        double scale = 0.0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(relative * scale));
        }
    }

    private static ZMatrixRMaj row(double... interleaved) {
        return new ZMatrixRMaj(1, interleaved.length / 2, true, interleaved);
    }
}

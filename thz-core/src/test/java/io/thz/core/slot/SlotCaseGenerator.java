package io.thz.core.slot;

import io.thz.core.channel.RankOne;
import io.thz.core.channel.SlotChannels;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random valid slot cases for benchmarks and randomised tests, reproducible from a seed.
 *
 * <p>Channels are i.i.d. complex Gaussian with magnitudes like the simulator's at 0.3 THz
 * indoors (direct ~2e-4, RIS-user ~1e-3, AP-RIS ~2e-2 per entry, each user with a random
 * 0..-10 dB large-scale factor), all user-side channels multiplied by {@link Shape#channelScale}:
 * about 1e-3 makes the slot noise-limited, 1 and above interference-limited. AP-to-RIS matrices
 * are full rank, or rank one (kept factored in {@link SlotChannels#apRisFactors()} and also
 * multiplied out) with probability {@link Shape#rankOneFraction} per (AP, RIS).
 */
public final class SlotCaseGenerator {

    /** Table II defaults used for the constants no shape varies (spec section 1). */
    private static final double BANDWIDTH_HZ = 1e10;
    private static final double NOISE_DBM_PER_HZ = -174.0;
    private static final double PMAX_W = 5.0;
    private static final double XI = 1.0 / 0.38;

    /**
     * What to generate.
     *
     * @param aps              M
     * @param rises            J
     * @param antennas         N_A
     * @param rfChains         N_R
     * @param risElements      L
     * @param risBits          B_R
     * @param apPhaseBits      B_A
     * @param extraUsersPerAp  users per AP beyond the N_R heads (IoT under QoS; any type under CSI)
     * @param clustering       the clustering rule
     * @param rankOneFraction  probability that an AP-RIS matrix is rank one and given factored
     * @param channelScale     factor on every user-side channel (noise- vs interference-limited)
     * @param risOnProbability probability that a RIS element is ON
     */
    public record Shape(int aps, int rises, int antennas, int rfChains, int risElements, int risBits,
                        int apPhaseBits, int extraUsersPerAp, Clustering clustering,
                        double rankOneFraction, double channelScale, double risOnProbability) {

        /** The same shape with another rank-one fraction. */
        public Shape withRankOneFraction(double fraction) {
            return new Shape(aps, rises, antennas, rfChains, risElements, risBits, apPhaseBits,
                    extraUsersPerAp, clustering, fraction, channelScale, risOnProbability);
        }

        /** The same shape with another ON probability. */
        public Shape withRisOnProbability(double probability) {
            return new Shape(aps, rises, antennas, rfChains, risElements, risBits, apPhaseBits,
                    extraUsersPerAp, clustering, rankOneFraction, channelScale, probability);
        }
    }

    private SlotCaseGenerator() {
    }

    /**
     * The paper's largest setting: M = 3, J = 4, N_A = 64, N_R = 4, L = 20, 4 SE + 4 IoT users
     * per AP (K = 24), B_R = 1, B_A = 3, QoS clustering, half the RIS elements ON.
     */
    public static Shape largest(boolean rankOne) {
        return new Shape(3, 4, 64, 4, 20, 1, 3, 4, Clustering.QOS, rankOne ? 1.0 : 0.0, 1.0, 0.5);
    }

    /**
     * A random shape over the ranges the format allows and the tests cover: 1-3 APs, 0-4 RISs,
     * 2 or 4 RF chains, 2..16 antennas per chain, 1..20 RIS elements, B_R 1..4, B_A 1..4,
     * 0..4 extra users per AP (single- and multi-user clusters), either clustering, full-rank,
     * rank-one or mixed AP-RIS matrices, noise- to interference-limited.
     */
    public static Shape randomShape(Random random) {
        int chains = random.nextBoolean() ? 2 : 4;
        int[] perChain = {2, 4, 8, 16};
        double[] scales = {1e-3, 1e-2, 1.0, 30.0};
        double[] rankOne = {0.0, 0.5, 1.0};
        return new Shape(1 + random.nextInt(3), random.nextInt(5), chains * perChain[random.nextInt(4)],
                chains, 1 + random.nextInt(20), 1 + random.nextInt(4), 1 + random.nextInt(4),
                random.nextInt(5), random.nextBoolean() ? Clustering.QOS : Clustering.CSI,
                rankOne[random.nextInt(3)], scales[random.nextInt(scales.length)],
                0.2 + 0.8 * random.nextDouble());
    }

    /** A random valid case of the given shape. */
    public static SlotCase generate(Shape shape, long seed) {
        Random random = new Random(seed);
        SlotConfig config = new SlotConfig(shape.antennas(), shape.rfChains(), shape.apPhaseBits(),
                shape.risElements(), shape.risBits(), BANDWIDTH_HZ, NOISE_DBM_PER_HZ, PMAX_W, XI,
                0.2, 0.16, 0.03, 0.02, 0.01, 0.01, shape.clustering());

        List<User> users = new ArrayList<>();
        for (int m = 0; m < shape.aps(); m++) {
            for (int u = 0; u < shape.rfChains() + shape.extraUsersPerAp(); u++) {
                UserType type;
                if (shape.clustering() == Clustering.QOS) {
                    type = u < shape.rfChains() ? UserType.SE : UserType.IOT;
                } else {
                    type = random.nextBoolean() ? UserType.SE : UserType.IOT;
                }
                users.add(new User(m, type));
            }
        }
        Collections.shuffle(users, random); // APs' users interleaved in input order
        int userCount = users.size();

        double[] largeScale = new double[userCount];
        for (int k = 0; k < userCount; k++) {
            largeScale[k] = shape.channelScale() * Math.pow(10.0, -random.nextDouble() / 2.0);
        }
        ZMatrixRMaj[][] direct = new ZMatrixRMaj[shape.aps()][userCount];
        for (int m = 0; m < shape.aps(); m++) {
            for (int k = 0; k < userCount; k++) {
                direct[m][k] = gaussian(random, 1, shape.antennas(), 2e-4 * largeScale[k]);
            }
        }
        ZMatrixRMaj[][] risUser = new ZMatrixRMaj[shape.rises()][userCount];
        for (int j = 0; j < shape.rises(); j++) {
            for (int k = 0; k < userCount; k++) {
                risUser[j][k] = gaussian(random, 1, shape.risElements(), 1e-3 * largeScale[k]);
            }
        }
        ZMatrixRMaj[][] apRis = new ZMatrixRMaj[shape.aps()][shape.rises()];
        RankOne[][] factors = new RankOne[shape.aps()][shape.rises()];
        boolean anyFactor = false;
        for (int m = 0; m < shape.aps(); m++) {
            for (int j = 0; j < shape.rises(); j++) {
                if (random.nextDouble() < shape.rankOneFraction()) {
                    ZMatrixRMaj column = gaussian(random, shape.risElements(), 1, 0.15);
                    ZMatrixRMaj row = gaussian(random, 1, shape.antennas(), 0.15);
                    ZMatrixRMaj product = new ZMatrixRMaj(shape.risElements(), shape.antennas());
                    CommonOps_ZDRM.mult(column, row, product);
                    apRis[m][j] = product;
                    factors[m][j] = new RankOne(column, row);
                    anyFactor = true;
                } else {
                    apRis[m][j] = gaussian(random, shape.risElements(), shape.antennas(), 2e-2);
                }
            }
        }
        SlotChannels channels = new SlotChannels(shape.antennas(), shape.risElements(), direct,
                risUser, apRis, anyFactor ? factors : null);

        List<RisAction> ris = new ArrayList<>();
        for (int j = 0; j < shape.rises(); j++) {
            boolean[] on = new boolean[shape.risElements()];
            int[] phase = new int[shape.risElements()];
            for (int l = 0; l < on.length; l++) {
                on[l] = random.nextDouble() < shape.risOnProbability();
                phase[l] = random.nextInt(1 << shape.risBits());
            }
            ris.add(new RisAction(on, phase));
        }

        double[] powerW = new double[userCount];
        for (int m = 0; m < shape.aps(); m++) {
            double sum = random.nextDouble() * (shape.rfChains() + shape.extraUsersPerAp()); // unused share
            for (int k = 0; k < userCount; k++) {
                if (users.get(k).ap() == m) {
                    powerW[k] = random.nextDouble() < 0.03 ? 0.0 : random.nextDouble();
                    sum += powerW[k];
                }
            }
            for (int k = 0; k < userCount; k++) {
                if (users.get(k).ap() == m) {
                    powerW[k] *= PMAX_W / sum;
                }
            }
        }
        return new SlotCase(config, List.copyOf(users), channels, List.copyOf(ris), powerW);
    }

    private static ZMatrixRMaj gaussian(Random random, int rows, int cols, double sigma) {
        ZMatrixRMaj out = new ZMatrixRMaj(rows, cols);
        double perPart = sigma / Math.sqrt(2.0);
        for (int i = 0; i < 2 * rows * cols; i++) {
            out.data[i] = perPart * random.nextGaussian();
        }
        return out;
    }
}

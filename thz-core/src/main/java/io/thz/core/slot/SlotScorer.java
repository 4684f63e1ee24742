package io.thz.core.slot;

import io.thz.core.channel.SlotChannels;
import io.thz.core.energy.EnergyModel;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.noma.HybridBeamformer;
import io.thz.core.noma.NomaDecoder;
import io.thz.core.noma.ServedUsers;
import io.thz.core.noma.ShannonRate;
import io.thz.core.noma.UserClustering;
import io.thz.core.ris.EquivalentChannel;
import io.thz.core.ris.RisConfiguration;
import org.ejml.data.ZMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores one slot of the THz MIMO-NOMA network (spec sections 3-7): reconfigured channels (4),
 * clustering (7), hybrid beamforming (10)-(14), NOMA decoding with SIC failures (8)(9), SINRs
 * (16)(17), rates (18), total power (19)(20) and energy efficiency (21).
 *
 * <p>Built to be the environment's scorer in a training loop: an instance is a workspace reused
 * from slot to slot (only the returned {@link SlotOutcome} is allocated per slot). Not
 * thread-safe: confine each instance to one thread.
 *
 * <p>Cost: the full 1 x N_A reconfigured channel is formed only for each AP's own users
 * (clustering and analog phases need it); the interference paths use
 * {@code h^{m'm}_k V_m'} = {@code h~ V + Σ_j f_j Θ_j (G_m'j V_m')}, with {@code G V} formed once
 * per (AP, RIS), and rank-one AP-to-RIS matrices are used factored.
 */
public final class SlotScorer {

    private final EquivalentChannel equivalent = new EquivalentChannel();
    private final HybridBeamformer beamformer = new HybridBeamformer();
    private final List<RisConfiguration> risConfigurations = new ArrayList<>();
    private ServedUsers[] served = new ServedUsers[0];
    private int[][] head = new int[0][];
    private int[][] localCluster = new int[0][];
    private double[][] analogRe = new double[0][];
    private double[][] analogIm = new double[0][];
    /** Effective channels h^{m'm}_k V_m' W_m' to every cluster n' of every AP m': [m'][k * N_R + n']. */
    private double[][] effectiveRe = new double[0][];
    private double[][] effectiveIm = new double[0][];
    /** P^m_n, the power of each cluster, in watts: [m][n]. */
    private double[][] clusterPowerW = new double[0][];
    private double[] projectionRe = new double[0];
    private double[] projectionIm = new double[0];
    private ZMatrixRMaj centres = new ZMatrixRMaj(1, 1);
    private int[] clusterSize = new int[0];
    // one cluster's decoding, by position (0 = head)
    private int[] order = new int[0];
    private double[] gain = new double[0];
    private double[] power = new double[0];
    private double[] interference = new double[0];
    private double[] clusterSinr = new double[0];
    private boolean[] clusterFail = new boolean[0];
    private double[] memberGain = new double[0];
    private int[] memberInput = new int[0];

    /** Scores a slot case. */
    public SlotOutcome score(SlotCase slotCase) {
        return score(slotCase.config(), slotCase.users(), slotCase.channels(), slotCase.ris(),
                slotCase.powerW());
    }

    /**
     * Scores one slot.
     *
     * @param config   physical constants; {@code config.clustering()} picks the clustering rule
     * @param users    the K users in input order
     * @param channels the slot's channels before RIS reconfiguration
     * @param ris      one action per RIS
     * @param powerW   per user transmit power p_k, in watts
     * @throws IllegalArgumentException when the inputs disagree in shape, a power is negative, or
     *                                  an AP's users cannot fill its clusters
     */
    public SlotOutcome score(SlotConfig config, List<User> users, SlotChannels channels,
                             List<RisAction> ris, double[] powerW) {
        int aps = channels.aps();
        int userCount = users.size();
        int antennas = config.antennas();
        int chains = config.rfChains();
        int sub = config.antennasPerChain();
        checkShapes(config, users, channels, ris, powerW);
        ensureCapacity(aps, userCount, chains, antennas);
        UserClustering clustering = UserClustering.of(Objects.requireNonNull(config.clustering(), "clustering"));

        // (1)-(4): RIS coefficients and cascade
        int onElements = 0;
        for (int j = 0; j < ris.size(); j++) {
            if (risConfigurations.size() <= j || risConfigurations.get(j).elements() != config.risElements()) {
                RisConfiguration fresh = new RisConfiguration(new double[config.risElements()],
                        new double[config.risElements()]);
                if (risConfigurations.size() <= j) {
                    risConfigurations.add(fresh);
                } else {
                    risConfigurations.set(j, fresh);
                }
            }
            RisConfiguration configuration = risConfigurations.get(j);
            RisConfiguration.fill(ris.get(j), config.risBits(), configuration.re(), configuration.im());
            onElements += RisConfiguration.onElements(ris.get(j));
        }
        equivalent.prepare(channels, risConfigurations.subList(0, ris.size()));

        for (int m = 0; m < aps; m++) {
            served[m].reset(antennas);
        }
        for (int k = 0; k < userCount; k++) {
            User user = users.get(k);
            served[user.ap()].add(k, user.type());
        }

        int[] cluster = new int[userCount];
        int[][][] phaseLevels = new int[aps][chains][sub];
        ZMatrixRMaj[] precoders = new ZMatrixRMaj[aps];
        for (int m = 0; m < aps; m++) {
            ServedUsers own = served[m];
            int count = own.count();
            equivalent.channels(m, own.globalIndices(), count, own.reRows(), own.imRows());
            own.computeNorms();
            clustering.cluster(own, chains, head[m], localCluster[m]);
            HybridBeamformer.analog(own, head[m], chains, config.apPhaseBits(), phaseLevels[m],
                    analogRe[m], analogIm[m]);
            equivalent.prepareProjection(m, analogRe[m], analogIm[m], chains);

            // c_n = (1/K_n) Σ_{k in cluster n} h_k V (13)
            centres.reshape(chains, chains);
            centres.zero();
            java.util.Arrays.fill(clusterSize, 0, chains, 0);
            java.util.Arrays.fill(clusterPowerW[m], 0, chains, 0.0);
            double[] effRe = effectiveRe[m];
            double[] effIm = effectiveIm[m];
            for (int u = 0; u < count; u++) {
                int k = own.globalIndex(u);
                int n = localCluster[m][u];
                cluster[k] = n;
                clusterSize[n]++;
                clusterPowerW[m][n] += powerW[k];
                // keep h_k V in the effective-channel slot; it is multiplied by W below
                HybridBeamformer.project(own.re(u), own.im(u), analogRe[m], analogIm[m], antennas,
                        chains, projectionRe, projectionIm);
                for (int b = 0; b < chains; b++) {
                    effRe[k * chains + b] = projectionRe[b];
                    effIm[k * chains + b] = projectionIm[b];
                    centres.data[2 * (n * chains + b)] += projectionRe[b];
                    centres.data[2 * (n * chains + b) + 1] += projectionIm[b];
                }
            }
            for (int n = 0; n < chains; n++) {
                double scale = 1.0 / clusterSize[n];
                for (int b = 0; b < chains; b++) {
                    centres.data[2 * (n * chains + b)] *= scale;
                    centres.data[2 * (n * chains + b) + 1] *= scale;
                }
            }
            precoders[m] = new ZMatrixRMaj(chains, chains);
            beamformer.digital(centres, analogRe[m], analogIm[m], antennas, precoders[m]);
        }

        // h^{m'm}_k V_m' for users of other APs, then every h V times W
        for (int mPrime = 0; mPrime < aps; mPrime++) {
            double[] effRe = effectiveRe[mPrime];
            double[] effIm = effectiveIm[mPrime];
            for (int k = 0; k < userCount; k++) {
                if (users.get(k).ap() != mPrime) {
                    equivalent.projection(mPrime, k, projectionRe, projectionIm);
                    System.arraycopy(projectionRe, 0, effRe, k * chains, chains);
                    System.arraycopy(projectionIm, 0, effIm, k * chains, chains);
                }
                multiplyByPrecoder(effRe, effIm, k * chains, precoders[mPrime], chains);
            }
        }

        // NOMA decoding, cluster by cluster
        int[] decodeRank = new int[userCount];
        double[] sinr = new double[userCount];
        boolean[] sicFail = new boolean[userCount];
        double noiseW = config.noiseW();
        for (int m = 0; m < aps; m++) {
            ServedUsers own = served[m];
            for (int n = 0; n < chains; n++) {
                int size = 0;
                order[size++] = head[m][n];
                for (int u = 0; u < own.count(); u++) {
                    if (localCluster[m][u] == n && u != head[m][n]) {
                        order[size++] = u;
                    }
                }
                for (int p = 0; p < size; p++) {
                    int k = own.globalIndex(order[p]);
                    int index = k * chains + n;
                    memberGain[order[p]] = effectiveRe[m][index] * effectiveRe[m][index]
                            + effectiveIm[m][index] * effectiveIm[m][index];
                    memberInput[order[p]] = k;
                }
                NomaDecoder.decodingOrder(order, size, memberGain, memberInput);
                for (int p = 0; p < size; p++) {
                    int k = own.globalIndex(order[p]);
                    gain[p] = memberGain[order[p]];
                    power[p] = powerW[k];
                    interference[p] = interference(k, m, n, aps, chains);
                }
                NomaDecoder.decode(size, gain, power, interference, noiseW, clusterSinr, clusterFail);
                for (int p = 0; p < size; p++) {
                    int k = own.globalIndex(order[p]);
                    sinr[k] = clusterSinr[p];
                    sicFail[k] = clusterFail[p];
                    decodeRank[k] = p == 0 ? size : size - p;
                }
            }
        }

        // (18)-(21)
        double[] rateBpsHz = new double[userCount];
        double[] rateGbps = new double[userCount];
        double sumRate = 0.0;
        double transmitW = 0.0;
        for (int k = 0; k < userCount; k++) {
            rateBpsHz[k] = ShannonRate.bpsHz(sinr[k]);
            rateGbps[k] = ShannonRate.gbps(rateBpsHz[k], config.bandwidthHz());
            sumRate += rateBpsHz[k];
            transmitW += powerW[k];
        }
        double totalW = EnergyModel.totalPowerW(config, transmitW, userCount, aps, onElements);
        return new SlotOutcome(cluster, decodeRank, sinr, rateBpsHz, rateGbps, sicFail, phaseLevels,
                precoders, totalW,
                EnergyModel.efficiencyGbitPerJoule(sumRate, config.bandwidthHz(), totalW),
                EnergyModel.efficiencyBpsHzPerW(sumRate, totalW),
                ShannonRate.gbps(sumRate, config.bandwidthHz()));
    }

    /** I_k: every cluster (m', n') other than user k's own (m, n), in watts. */
    private double interference(int k, int m, int n, int aps, int chains) {
        double sum = 0.0;
        for (int mPrime = 0; mPrime < aps; mPrime++) {
            double[] effRe = effectiveRe[mPrime];
            double[] effIm = effectiveIm[mPrime];
            double[] clusterPower = clusterPowerW[mPrime];
            for (int nPrime = 0; nPrime < chains; nPrime++) {
                if (mPrime == m && nPrime == n) {
                    continue;
                }
                int index = k * chains + nPrime;
                sum += NomaDecoder.interferenceTerm(effRe[index], effIm[index], clusterPower[nPrime]);
            }
        }
        return sum;
    }

    /** x (1 x N_R, in place at offset) := x W. */
    private void multiplyByPrecoder(double[] re, double[] im, int offset, ZMatrixRMaj w, int chains) {
        for (int b = 0; b < chains; b++) {
            projectionRe[b] = re[offset + b];
            projectionIm[b] = im[offset + b];
        }
        double[] data = w.data;
        for (int col = 0; col < chains; col++) {
            double sr = 0.0;
            double si = 0.0;
            for (int r = 0; r < chains; r++) {
                double wr = data[2 * (r * chains + col)];
                double wi = data[2 * (r * chains + col) + 1];
                sr += projectionRe[r] * wr - projectionIm[r] * wi;
                si += projectionRe[r] * wi + projectionIm[r] * wr;
            }
            re[offset + col] = sr;
            im[offset + col] = si;
        }
    }

    private static void checkShapes(SlotConfig config, List<User> users, SlotChannels channels,
                                    List<RisAction> ris, double[] powerW) {
        int aps = channels.aps();
        int userCount = users.size();
        if (config.rfChains() <= 0 || config.antennas() % config.rfChains() != 0) {
            throw new IllegalArgumentException("antennas " + config.antennas()
                    + " is not a multiple of rfChains " + config.rfChains());
        }
        if (channels.antennas() != config.antennas() || channels.risElements() != config.risElements()) {
            throw new IllegalArgumentException("channels are for " + channels.antennas() + " antennas and "
                    + channels.risElements() + " RIS elements, config says " + config.antennas() + " and "
                    + config.risElements());
        }
        if (aps == 0 || channels.users() != userCount || powerW.length != userCount) {
            throw new IllegalArgumentException("need at least one AP and as many channel rows and powers ("
                    + channels.users() + ", " + powerW.length + ") as users (" + userCount + ")");
        }
        if (ris.size() != channels.rises() || channels.apRis().length != aps) {
            throw new IllegalArgumentException(ris.size() + " RIS actions for " + channels.rises()
                    + " RISs, " + channels.apRis().length + " AP-RIS rows for " + aps + " APs");
        }
        for (int i = 0; i < aps; i++) {
            if (channels.direct()[i].length != userCount || channels.apRis()[i].length != channels.rises()) {
                throw new IllegalArgumentException("channels of AP " + i + " do not match the users or RISs");
            }
            for (int k = 0; k < userCount; k++) {
                checkShape(channels.direct()[i][k], 1, config.antennas(), "direct", i, k);
            }
            for (int j = 0; j < channels.rises(); j++) {
                if (channels.apRisFactor(i, j) == null) {
                    checkShape(channels.apRis()[i][j], config.risElements(), config.antennas(), "apRis", i, j);
                } else {
                    checkShape(channels.apRisFactor(i, j).column(), config.risElements(), 1, "apRisFactors column", i, j);
                    checkShape(channels.apRisFactor(i, j).row(), 1, config.antennas(), "apRisFactors row", i, j);
                }
            }
        }
        for (int j = 0; j < channels.rises(); j++) {
            if (channels.risUser()[j].length != userCount) {
                throw new IllegalArgumentException("risUser[" + j + "] has " + channels.risUser()[j].length
                        + " users, expected " + userCount);
            }
            for (int k = 0; k < userCount; k++) {
                checkShape(channels.risUser()[j][k], 1, config.risElements(), "risUser", j, k);
            }
            if (ris.get(j).on().length != config.risElements()) {
                throw new IllegalArgumentException("RIS action " + j + " has " + ris.get(j).on().length
                        + " elements, expected " + config.risElements());
            }
        }
        for (int k = 0; k < userCount; k++) {
            int ap = users.get(k).ap();
            if (ap < 0 || ap >= aps) {
                throw new IllegalArgumentException("user " + k + " is served by AP " + ap + ", outside 0.."
                        + (aps - 1));
            }
            if (!(powerW[k] >= 0.0) || Double.isInfinite(powerW[k])) {
                throw new IllegalArgumentException("power of user " + k + " is " + powerW[k] + " W");
            }
        }
    }

    /** Checks {@code name[a][b]} (the message is built only on failure). */
    private static void checkShape(ZMatrixRMaj matrix, int rows, int cols, String name, int a, int b) {
        if (matrix.numRows != rows || matrix.numCols != cols) {
            throw new IllegalArgumentException(name + "[" + a + "][" + b + "] is " + matrix.numRows + " x " + matrix.numCols
                    + ", expected " + rows + " x " + cols);
        }
    }

    private void ensureCapacity(int aps, int users, int chains, int antennas) {
        if (served.length < aps) {
            ServedUsers[] grown = java.util.Arrays.copyOf(served, aps);
            for (int m = served.length; m < aps; m++) {
                grown[m] = new ServedUsers();
            }
            served = grown;
        }
        if (head.length < aps || head[0].length < chains) {
            head = new int[aps][chains];
            clusterPowerW = new double[aps][chains];
        }
        if (localCluster.length < aps || localCluster[0].length < users) {
            localCluster = new int[aps][users];
        }
        if (analogRe.length < aps || analogRe[0].length < antennas) {
            analogRe = new double[aps][antennas];
            analogIm = new double[aps][antennas];
        }
        if (effectiveRe.length < aps || effectiveRe[0].length < users * chains) {
            effectiveRe = new double[aps][users * chains];
            effectiveIm = new double[aps][users * chains];
        }
        if (projectionRe.length < chains) {
            projectionRe = new double[chains];
            projectionIm = new double[chains];
            clusterSize = new int[chains];
        }
        if (order.length < users) {
            order = new int[users];
            gain = new double[users];
            power = new double[users];
            interference = new double[users];
            clusterSinr = new double[users];
            clusterFail = new boolean[users];
            memberGain = new double[users];
            memberInput = new int[users];
        }
    }
}

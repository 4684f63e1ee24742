package io.thz.core.slot;

import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import org.ejml.data.ZMatrixRMaj;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deliberately naive scorer: a direct transcription of spec sections 3-7 with {@link Complex}
 * objects and full matrices (Theta_j as an L x L diagonal, V as N_A x N_R, ZF literally as
 * C^H (C C^H)^{-1}, every interference term summed from its definition). Slow on purpose; it
 * shares no code with the production scorer. No pseudo-inverse: it refuses a singular C.
 */
public final class ReferenceSlotScorer {

    private ReferenceSlotScorer() {
    }

    /** Scores the case; the result uses the production record only as a container. */
    public static SlotOutcome score(SlotCase slotCase) {
        SlotConfig cfg = slotCase.config();
        List<User> users = slotCase.users();
        int M = slotCase.channels().aps();
        int J = slotCase.channels().rises();
        int K = users.size();
        int NA = cfg.antennas();
        int NR = cfg.rfChains();
        int L = cfg.risElements();
        int Nsub = NA / NR;
        double[] p = slotCase.powerW();

        // (1)-(3): Theta_j = diag(omega_jl e^{j theta_jl}), theta = 2^{1-B_R} pi beta
        List<CMatrix> theta = new ArrayList<>();
        for (RisAction action : slotCase.ris()) {
            Complex[] d = new Complex[L];
            for (int l = 0; l < L; l++) {
                double omega = action.on()[l] ? 1.0 : 0.0;
                double angle = Math.pow(2.0, 1 - cfg.risBits()) * Math.PI * action.phase()[l];
                d[l] = Complex.expj(angle).times(omega);
            }
            theta.add(CMatrix.diagonal(d));
        }
        // (4): h^{ik} = h~ + sum_j f_jk Theta_j G_ij, for every AP i and user k
        CMatrix[][] h = new CMatrix[M][K];
        for (int i = 0; i < M; i++) {
            for (int k = 0; k < K; k++) {
                CMatrix sum = CMatrix.of(slotCase.channels().direct()[i][k]);
                for (int j = 0; j < J; j++) {
                    CMatrix f = CMatrix.of(slotCase.channels().risUser()[j][k]);
                    CMatrix g = CMatrix.of(slotCase.channels().apRis()[i][j]);
                    sum = sum.plus(f.times(theta.get(j)).times(g));
                }
                h[i][k] = sum;
            }
        }

        int[] cluster = new int[K];
        List<List<Integer>> heads = new ArrayList<>();
        CMatrix[] V = new CMatrix[M];
        CMatrix[] W = new CMatrix[M];
        int[][][] levels = new int[M][NR][Nsub];
        for (int m = 0; m < M; m++) {
            final int ap = m;
            List<Integer> mine = new ArrayList<>();
            for (int k = 0; k < K; k++) {
                if (users.get(k).ap() == m) {
                    mine.add(k);
                }
            }
            // section 4: heads
            List<Integer> head = new ArrayList<>();
            if (cfg.clustering() == Clustering.QOS) {
                for (int k : mine) {
                    if (users.get(k).type() == UserType.SE) {
                        head.add(k);
                    }
                }
            } else {
                List<Integer> byNorm = new ArrayList<>(mine);
                byNorm.sort(Comparator.comparingDouble((Integer k) -> -h[ap][k].norm())
                        .thenComparingInt(k -> k));
                head.addAll(byNorm.subList(0, NR));
                head.sort(Comparator.naturalOrder());
            }
            if (head.size() != NR) {
                throw new IllegalArgumentException("AP " + m + " has " + head.size() + " heads");
            }
            heads.add(head);
            // (7): others join the most correlated head, ties to the lower index
            for (int k : mine) {
                if (head.contains(k)) {
                    cluster[k] = head.indexOf(k);
                    continue;
                }
                int best = -1;
                double bestC = Double.NEGATIVE_INFINITY;
                for (int n = 0; n < NR; n++) {
                    CMatrix hk = h[m][k];
                    CMatrix hh = h[m][head.get(n)];
                    double c = hk.times(hh.hermitian()).get(0, 0).abs() / (hk.norm() * hh.norm());
                    if (c > bestC) {
                        bestC = c;
                        best = n;
                    }
                }
                cluster[k] = best;
            }
            // (10)-(12): V block diagonal, level nearest on the circle to arg conj(h_head)
            int q = 1 << cfg.apPhaseBits();
            CMatrix v = new CMatrix(NA, NR);
            for (int n = 0; n < NR; n++) {
                CMatrix hh = h[m][head.get(n)];
                for (int i = 0; i < Nsub; i++) {
                    double target = hh.get(0, n * Nsub + i).conj().arg();
                    int bestLevel = 0;
                    double bestDistance = Double.POSITIVE_INFINITY;
                    boolean bestCounterClockwise = false;
                    for (int w = 0; w < q; w++) {
                        double diff = 2 * Math.PI * w / q - target;
                        diff = Math.atan2(Math.sin(diff), Math.cos(diff)); // wrap
                        double distance = Math.abs(diff);
                        boolean ccw = diff > 0;
                        if (distance < bestDistance - 1e-15
                                || (Math.abs(distance - bestDistance) <= 1e-15 && ccw && !bestCounterClockwise)) {
                            bestDistance = distance;
                            bestLevel = w;
                            bestCounterClockwise = ccw;
                        }
                    }
                    levels[m][n][i] = bestLevel;
                    v.set(n * Nsub + i, n, Complex.expj(2 * Math.PI * bestLevel / q).times(1.0 / Math.sqrt(Nsub)));
                }
            }
            V[m] = v;
            // (13): c_n = mean of h_k V over the cluster; W^ = C^H (C C^H)^{-1}
            CMatrix C = new CMatrix(NR, NR);
            for (int n = 0; n < NR; n++) {
                int count = 0;
                CMatrix sum = new CMatrix(1, NR);
                for (int k : mine) {
                    if (cluster[k] == n) {
                        sum = sum.plus(h[m][k].times(v));
                        count++;
                    }
                }
                for (int b = 0; b < NR; b++) {
                    C.set(n, b, sum.get(0, b).times(1.0 / count));
                }
            }
            CMatrix What = C.hermitian().times(C.times(C.hermitian()).inverse());
            // (14): w_n = w^_n / ‖V w^_n‖
            CMatrix w = new CMatrix(NR, NR);
            for (int n = 0; n < NR; n++) {
                double norm = v.times(What.column(n)).norm();
                for (int r = 0; r < NR; r++) {
                    w.set(r, n, What.get(r, n).times(1.0 / norm));
                }
            }
            W[m] = w;
        }

        // cluster powers P^m_n
        double[][] P = new double[M][NR];
        for (int k = 0; k < K; k++) {
            P[users.get(k).ap()][cluster[k]] += p[k];
        }
        // section 6
        double N0 = Math.pow(10.0, (cfg.noiseDbmPerHz() - 30.0) / 10.0) * cfg.bandwidthHz();
        double[] sinr = new double[K];
        int[] rank = new int[K];
        boolean[] fail = new boolean[K];
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < NR; n++) {
                final int ap = m;
                final int cl = n;
                int headUser = heads.get(m).get(n);
                List<Integer> members = new ArrayList<>();
                for (int k = 0; k < K; k++) {
                    if (users.get(k).ap() == m && cluster[k] == n && k != headUser) {
                        members.add(k);
                    }
                }
                members.sort(Comparator.comparingDouble((Integer k) -> -gain(h[ap][k], V[ap], W[ap], cl))
                        .thenComparingInt(k -> k));
                List<Integer> ordered = new ArrayList<>();
                ordered.add(headUser);
                ordered.addAll(members);   // ordered.get(k - 1) is member k of the spec
                int Kn = ordered.size();
                double[] g = new double[Kn + 1];
                double[] I = new double[Kn + 1];
                double[] pk = new double[Kn + 1];
                for (int k = 1; k <= Kn; k++) {
                    int user = ordered.get(k - 1);
                    g[k] = gain(h[m][user], V[m], W[m], n);
                    pk[k] = p[user];
                    double interference = 0.0;
                    for (int m2 = 0; m2 < M; m2++) {
                        for (int n2 = 0; n2 < NR; n2++) {
                            if (m2 != m || n2 != n) {
                                interference += gain(h[m2][user], V[m2], W[m2], n2) * P[m2][n2];
                            }
                        }
                    }
                    I[k] = interference;
                }
                double[] gamma = new double[Kn + 1];
                for (int k = 2; k <= Kn; k++) { // (17)
                    double sum = 0.0;
                    for (int k2 = 1; k2 <= k - 1; k2++) {
                        sum += pk[k2];
                    }
                    gamma[k] = g[k] * pk[k] / (g[k] * sum + I[k] + N0);
                }
                int[] f = new int[Kn + 2];
                for (int k = Kn; k >= 2; k--) { // (9), (8)
                    double sum = 0.0;
                    for (int k2 = 1; k2 <= k - 1; k2++) {
                        sum += pk[k2];
                    }
                    for (int k2 = k + 1; k2 <= Kn; k2++) {
                        sum += f[k2] * pk[k2];
                    }
                    double gamma1k = g[1] * pk[k] / (g[1] * sum + I[1] + N0);
                    f[k] = gamma1k < gamma[k] ? 1 : 0;
                }
                double residual = 0.0; // (16)
                for (int k = 2; k <= Kn; k++) {
                    residual += f[k] * pk[k];
                }
                gamma[1] = g[1] * pk[1] / (g[1] * residual + I[1] + N0);
                for (int k = 1; k <= Kn; k++) {
                    int user = ordered.get(k - 1);
                    sinr[user] = gamma[k];
                    fail[user] = k >= 2 && f[k] == 1;
                    rank[user] = Kn - k + 1;
                }
            }
        }
        // (18)-(21)
        double[] rate = new double[K];
        double[] gbps = new double[K];
        double sumRate = 0.0;
        double sumPower = 0.0;
        for (int k = 0; k < K; k++) {
            rate[k] = Math.log1p(sinr[k]) / Math.log(2.0);
            gbps[k] = cfg.bandwidthHz() * rate[k] / 1e9;
            sumRate += rate[k];
            sumPower += p[k];
        }
        double pAp = cfg.pbbW() + NR * cfg.prfW() + NA * (cfg.ppsW() + cfg.ppaW());
        int on = 0;
        for (RisAction action : slotCase.ris()) {
            for (boolean b : action.on()) {
                on += b ? 1 : 0;
            }
        }
        double total = cfg.xi() * sumPower + K * cfg.pdW() + M * pAp + on * cfg.risBits() * cfg.pRisPerBitW();
        ZMatrixRMaj[] precoders = new ZMatrixRMaj[M];
        for (int m = 0; m < M; m++) {
            precoders[m] = new ZMatrixRMaj(NR, NR);
            for (int r = 0; r < NR; r++) {
                for (int c = 0; c < NR; c++) {
                    precoders[m].set(r, c, W[m].get(r, c).re(), W[m].get(r, c).im());
                }
            }
        }
        return new SlotOutcome(cluster, rank, sinr, rate, gbps, fail, levels, precoders, total,
                cfg.bandwidthHz() * sumRate / total / 1e9, sumRate / total, cfg.bandwidthHz() * sumRate / 1e9);
    }

    /** |h V w_n|². */
    private static double gain(CMatrix h, CMatrix v, CMatrix w, int n) {
        return h.times(v).times(w.column(n)).get(0, 0).abs2();
    }
}

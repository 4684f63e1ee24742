package io.thz.core.noma;

import io.thz.core.model.Clustering;

import java.util.EnumMap;
import java.util.Map;

/**
 * How an AP's users form its N_R NOMA clusters (spec section 4): a rule picks one head per
 * cluster, then every other user joins the cluster whose head is most correlated with it (7),
 * ties to the lower cluster index. Heads are numbered in input order.
 */
public interface UserClustering {

    /** The rules, by name. */
    Map<Clustering, UserClustering> REGISTRY = registry();

    /** The rule named {@code rule}. */
    static UserClustering of(Clustering rule) {
        UserClustering clustering = REGISTRY.get(rule);
        if (clustering == null) {
            throw new IllegalArgumentException("unknown clustering " + rule + " (expected one of "
                    + REGISTRY.keySet() + ")");
        }
        return clustering;
    }

    /**
     * Chooses the heads: {@code head[n]}, n = 0..clusters-1, the local indices of the heads in
     * increasing order.
     *
     * @throws IllegalArgumentException when the users cannot fill {@code clusters} clusters
     */
    void chooseHeads(ServedUsers users, int clusters, int[] head);

    /** Whether this rule can fill {@code clusters} clusters from these users; else why not. */
    String unfillableReason(int seUsers, int iotUsers, int clusters);

    /**
     * Clusters the users: fills {@code head} as {@link #chooseHeads} and {@code cluster[u]}, the
     * cluster of every local user u (heads included).
     */
    default void cluster(ServedUsers users, int clusters, int[] head, int[] cluster) {
        chooseHeads(users, clusters, head);
        int n = users.antennas();
        int next = 0;
        for (int u = 0; u < users.count(); u++) {
            if (next < clusters && head[next] == u) {
                cluster[u] = next++;
                continue;
            }
            int best = 0;
            double bestCorrelation = -1.0;
            for (int c = 0; c < clusters; c++) {
                int h = head[c];
                double correlation = ChannelCorrelation.of(users.re(u), users.im(u), users.norm(u),
                        users.re(h), users.im(h), users.norm(h), n);
                if (correlation > bestCorrelation) { // strict: ties stay with the lower index
                    bestCorrelation = correlation;
                    best = c;
                }
            }
            cluster[u] = best;
        }
    }

    private static Map<Clustering, UserClustering> registry() {
        Map<Clustering, UserClustering> map = new EnumMap<>(Clustering.class);
        map.put(Clustering.QOS, new QosClustering());
        map.put(Clustering.CSI, new CsiClustering());
        return java.util.Collections.unmodifiableMap(map);
    }
}

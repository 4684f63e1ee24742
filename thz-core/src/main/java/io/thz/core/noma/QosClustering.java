package io.thz.core.noma;

import io.thz.core.model.UserType;

/**
 * QoS-based clustering (Section II-C): each SE user heads one cluster, so an AP must serve
 * exactly N_R SE users; IoT users join by correlation (7).
 */
public final class QosClustering implements UserClustering {

    @Override
    public void chooseHeads(ServedUsers users, int clusters, int[] head) {
        int found = 0;
        for (int u = 0; u < users.count(); u++) {
            if (users.type(u) == UserType.SE) {
                if (found < clusters) {
                    head[found] = u;
                }
                found++;
            }
        }
        if (found != clusters) {
            throw new IllegalArgumentException(unfillableReason(found, users.count() - found, clusters));
        }
    }

    @Override
    public String unfillableReason(int seUsers, int iotUsers, int clusters) {
        if (seUsers == clusters) {
            return null;
        }
        return "serves " + seUsers + (seUsers == 1 ? " SE user" : " SE users") + "; QoS clustering needs exactly rfChains = " + clusters
                + " (each SE user heads one cluster)";
    }
}

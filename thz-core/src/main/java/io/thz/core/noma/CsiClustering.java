package io.thz.core.noma;

/**
 * The CSI-based baseline (Section V): the N_R users of largest ‖h‖ head the clusters, whatever
 * their type (ties to the lower input index); the others join by correlation (7).
 */
public final class CsiClustering implements UserClustering {

    @Override
    public void chooseHeads(ServedUsers users, int clusters, int[] head) {
        int count = users.count();
        String reason = unfillableReason(count, 0, clusters);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        // keep the `clusters` strongest, in a small sorted list (strongest first)
        int kept = 0;
        for (int u = 0; u < count; u++) {
            double norm = users.norm(u);
            int position = kept;
            while (position > 0 && users.norm(head[position - 1]) < norm) {
                position--; // strictly weaker heads move down; an equal one stays ahead (lower index)
            }
            if (position >= clusters) {
                continue;
            }
            int last = Math.min(kept, clusters - 1);
            for (int p = last; p > position; p--) {
                head[p] = head[p - 1];
            }
            head[position] = u;
            if (kept < clusters) {
                kept++;
            }
        }
        java.util.Arrays.sort(head, 0, clusters); // heads are numbered in input order
    }

    @Override
    public String unfillableReason(int seUsers, int iotUsers, int clusters) {
        int users = seUsers + iotUsers;
        if (users >= clusters) {
            return null;
        }
        return "serves " + users + (users == 1 ? " user" : " users") + "; CSI clustering needs at least rfChains = " + clusters;
    }
}

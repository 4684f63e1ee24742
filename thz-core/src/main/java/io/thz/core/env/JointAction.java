package io.thz.core.env;

import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;

/**
 * What every agent decided for one slot.
 *
 * @param powersW    [M][K_m] transmit power of each AP's users in watts (AP m's users in the order
 *                   of the scenario), each row summing to at most P_max
 * @param ris        [J] RIS configurations
 * @param clustering user clustering the APs apply (QoS-based for the learned policies; the
 *                   CSI-based baseline chooses CSI)
 */
public record JointAction(double[][] powersW, RisAction[] ris, Clustering clustering) {
}

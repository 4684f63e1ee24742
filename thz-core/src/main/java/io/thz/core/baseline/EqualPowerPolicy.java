package io.thz.core.baseline;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;

/**
 * MIMO-NOMA without RIS (paper Section V, spec section 10): equal power allocation, P_max / K_m to
 * every user of each AP, and every RIS element OFF (an OFF element reflects nothing and draws no
 * power), with QoS-based or CSI-based clustering. Deterministic: the same action every slot.
 */
public final class EqualPowerPolicy implements Policy {

    private final String name;
    private final JointAction action;

    /**
     * @param name       registry name, for reports
     * @param info       the environment's sizes (M, K_m, J, L, P_max)
     * @param clustering the clustering the slots are scored with
     */
    public EqualPowerPolicy(String name, EnvInfo info, Clustering clustering) {
        this.name = name;
        this.action = JointAction.equalPowerRisOff(info, clustering);
    }

    @Override
    public void reset(long episodeSeed) {
        // stateless
    }

    /** The same action every slot (the environment copies it; do not modify it). */
    @Override
    public JointAction act(SlotView view) {
        return action;
    }

    @Override
    public String name() {
        return name;
    }
}

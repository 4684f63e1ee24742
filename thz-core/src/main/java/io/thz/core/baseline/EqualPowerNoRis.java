package io.thz.core.baseline;

import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;

/**
 * The paper's MIMO-NOMA baselines without RIS (Section V): every RIS element OFF, each AP splits
 * P_max equally among its users, clustering QoS-based or CSI-based.
 */
public final class EqualPowerNoRis implements Policy {

    private final Clustering clustering;

    public EqualPowerNoRis(Clustering clustering) {
        this.clustering = clustering;
    }

    @Override
    public void reset(long seed) {
    }

    @Override
    public JointAction act(SlotView view) {
        return new JointAction(BaselineActions.equalPower(view), BaselineActions.allOff(view), clustering);
    }

    @Override
    public String name() {
        return clustering == Clustering.QOS ? "equal-power-qos" : "equal-power-csi";
    }
}

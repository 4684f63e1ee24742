package io.thz.core.baseline;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;

/**
 * All RIS elements ON, phases set by the greedy rule of {@link GreedyRisPhases} on the slot's
 * channels (it reads the channels, not only the observation: a genie-aided heuristic), equal power
 * allocation, QoS-based clustering. Deterministic.
 */
public final class AllOnGreedyPolicy implements Policy {

    private final String name;
    private final double[][] powers;
    private final GreedyRisPhases greedy = new GreedyRisPhases();

    /**
     * @param name registry name, for reports
     * @param info the environment's sizes
     */
    public AllOnGreedyPolicy(String name, EnvInfo info) {
        this.name = name;
        this.powers = JointAction.equalPowerRisOff(info, Clustering.QOS).powersW();
    }

    @Override
    public void reset(long episodeSeed) {
        // stateless
    }

    @Override
    public JointAction act(SlotView view) {
        return new JointAction(powers, greedy.configure(view.channels(), view.users(), view.config().risBits()),
                Clustering.QOS);
    }

    @Override
    public String name() {
        return name;
    }
}

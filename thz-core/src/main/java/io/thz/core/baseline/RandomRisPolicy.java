package io.thz.core.baseline;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.random.RandomStream;

/**
 * Random RIS configuration with equal power allocation: each slot, every RIS element is ON or OFF
 * with probability 1/2 and gets a phase level drawn uniformly from 0..2^B_R - 1 (drawn for OFF
 * elements too, so the stream advances the same way whatever the ON draws), per RIS in index
 * order, element by element. QoS-based clustering. The draws come from a {@link RandomStream}
 * seeded by {@link #reset(long)} (the environment's policy seed of the episode), so an episode is
 * reproducible per seed.
 */
public final class RandomRisPolicy implements Policy {

    private final String name;
    private final double[][] powers;
    private final int rises;
    private final int elements;
    private final int levels;
    private RandomStream random;

    /**
     * @param name registry name, for reports
     * @param info the environment's sizes
     */
    public RandomRisPolicy(String name, EnvInfo info) {
        this.name = name;
        this.powers = JointAction.equalPowerRisOff(info, Clustering.QOS).powersW();
        this.rises = info.rises();
        this.elements = info.risElements();
        this.levels = info.risPhaseLevels();
    }

    @Override
    public void reset(long episodeSeed) {
        random = new RandomStream(episodeSeed);
    }

    /** @throws IllegalStateException before the first {@link #reset(long)} */
    @Override
    public JointAction act(SlotView view) {
        if (random == null) {
            throw new IllegalStateException(name + ": reset(episodeSeed) must be called before act()");
        }
        RisAction[] ris = new RisAction[rises];
        for (int j = 0; j < rises; j++) {
            boolean[] on = new boolean[elements];
            int[] phase = new int[elements];
            for (int l = 0; l < elements; l++) {
                on[l] = random.nextInt(2) == 1;
                phase[l] = random.nextInt(levels);
            }
            ris[j] = new RisAction(on, phase);
        }
        return new JointAction(powers, ris, Clustering.QOS);
    }

    @Override
    public String name() {
        return name;
    }
}

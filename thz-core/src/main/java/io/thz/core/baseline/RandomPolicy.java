package io.thz.core.baseline;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.policy.PowerHead;
import io.thz.core.policy.RisHead;

import java.util.SplittableRandom;

/**
 * Uniformly random actions in the learned policies' action space, what an untrained actor does
 * without its bias: per AP, K_m + 1 standard normal logits through P_max softmax (the last entry is
 * unused power), per RIS element a uniform choice among OFF and the 2^B_R phase levels; QoS-based
 * clustering. Draws come from a generator seeded by {@link #reset(long)}.
 */
public final class RandomPolicy implements Policy {

    private final String name;
    private final EnvInfo info;
    private SplittableRandom rng;

    public RandomPolicy(String name, EnvInfo info) {
        this.name = name;
        this.info = info;
    }

    @Override
    public void reset(long episodeSeed) {
        rng = new SplittableRandom(episodeSeed);
    }

    @Override
    public JointAction act(SlotView view) {
        if (rng == null) {
            throw new IllegalStateException(name + ": reset(episodeSeed) must be called before act()");
        }
        double[][] powers = new double[info.aps()][];
        for (int m = 0; m < powers.length; m++) {
            float[] logits = new float[info.usersPerAp() + 1];
            for (int k = 0; k < logits.length; k++) {
                logits[k] = (float) rng.nextGaussian();
            }
            powers[m] = PowerHead.powers(logits, info.pmaxW());
        }
        RisAction[] ris = new RisAction[info.rises()];
        for (int j = 0; j < ris.length; j++) {
            int[] choice = new int[info.risElements()];
            for (int l = 0; l < choice.length; l++) {
                choice[l] = rng.nextInt(info.risChoices());
            }
            ris[j] = RisHead.toAction(choice);
        }
        return new JointAction(powers, ris, Clustering.QOS);
    }

    @Override
    public String name() {
        return name;
    }
}

package io.thz.core.baseline;

import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;

import java.util.SplittableRandom;

/**
 * Random RIS configuration: each element uniformly OFF or ON at one of the 2^B_R phase levels;
 * equal power, QoS-based clustering.
 */
public final class RandomRis implements Policy {

    private SplittableRandom rng = new SplittableRandom(0);

    @Override
    public void reset(long seed) {
        rng = new SplittableRandom(seed);
    }

    @Override
    public JointAction act(SlotView view) {
        return new JointAction(BaselineActions.equalPower(view), randomRis(view, rng), Clustering.QOS);
    }

    static RisAction[] randomRis(SlotView view, SplittableRandom rng) {
        int elements = view.config().risElements();
        int choices = 1 + (1 << view.config().risBits());
        RisAction[] ris = new RisAction[view.channels().rises()];
        for (int j = 0; j < ris.length; j++) {
            boolean[] on = new boolean[elements];
            int[] phase = new int[elements];
            for (int l = 0; l < elements; l++) {
                int c = rng.nextInt(choices);
                on[l] = c > 0;
                phase[l] = c > 0 ? c - 1 : 0;
            }
            ris[j] = new RisAction(on, phase);
        }
        return ris;
    }

    @Override
    public String name() {
        return "random-ris";
    }
}

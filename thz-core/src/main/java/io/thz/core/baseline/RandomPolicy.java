package io.thz.core.baseline;

import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;
import io.thz.core.policy.PowerHead;

import java.util.SplittableRandom;

/**
 * Uniformly random actions in the learned policies' action space: per AP, K_m + 1 standard normal
 * logits through P_max softmax (the last one unused power), per RIS element a uniform choice;
 * QoS-based clustering. What an untrained actor does, without its bias.
 */
public final class RandomPolicy implements Policy {

    private SplittableRandom rng = new SplittableRandom(0);

    @Override
    public void reset(long seed) {
        rng = new SplittableRandom(seed);
    }

    @Override
    public JointAction act(SlotView view) {
        double[][] equal = BaselineActions.equalPower(view);
        double[][] p = new double[equal.length][];
        for (int m = 0; m < p.length; m++) {
            float[] logits = new float[equal[m].length + 1];
            for (int k = 0; k < logits.length; k++) {
                logits[k] = (float) rng.nextGaussian();
            }
            p[m] = PowerHead.powers(logits, view.config().pmaxW());
        }
        return new JointAction(p, RandomRis.randomRis(view, rng), Clustering.QOS);
    }

    @Override
    public String name() {
        return "random";
    }
}

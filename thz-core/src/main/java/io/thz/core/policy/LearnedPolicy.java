package io.thz.core.policy;

import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.graph.AgentGraph;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;

import java.util.SplittableRandom;

/**
 * A trained policy acting in one process: the plain-Java forward pass on the whole graph, GRU state
 * reset at each episode start. Greedy mode takes the Gaussian mean and the most likely RIS choice;
 * otherwise actions are sampled with a generator derived from the episode seed.
 */
public final class LearnedPolicy implements Policy {

    private final PolicyNetwork network;
    private final AgentGraph graph;
    private final double pmaxW;
    private final boolean greedy;
    private float[][] apGru;
    private float[][] risGru;
    private SplittableRandom rng;

    /**
     * @param network the forward pass
     * @param graph   the agent graph it runs on
     * @param pmaxW   P_max of each AP, in watts
     * @param greedy  deterministic actions (evaluation) instead of samples
     */
    public LearnedPolicy(PolicyNetwork network, AgentGraph graph, double pmaxW, boolean greedy) {
        this.network = network;
        this.graph = graph;
        this.pmaxW = pmaxW;
        this.greedy = greedy;
        reset(0);
    }

    @Override
    public void reset(long seed) {
        int h = network.shape().gru();
        apGru = new float[graph.aps()][h];
        risGru = new float[graph.rises()][h];
        rng = new SplittableRandom(seed);
    }

    @Override
    public JointAction act(SlotView view) {
        PolicyShape shape = network.shape();
        PolicyNetwork.GraphOutput out = network.forward(graph, view.observation(), apGru, risGru);
        float[] logStd = network.apLogStd();
        double[][] powers = new double[graph.aps()][];
        for (int i = 0; i < powers.length; i++) {
            float[] mean = out.aps()[i].head();
            powers[i] = PowerHead.powers(greedy ? mean : PowerHead.sample(mean, logStd, rng), pmaxW);
            apGru[i] = out.aps()[i].gruState();
        }
        RisAction[] ris = new RisAction[graph.rises()];
        for (int j = 0; j < ris.length; j++) {
            float[] logits = out.rises()[j].head();
            int[] choice = greedy ? RisHead.greedy(logits, shape.risElements(), shape.risChoices())
                    : RisHead.sample(logits, shape.risElements(), shape.risChoices(), rng);
            ris[j] = RisHead.toAction(choice);
            risGru[j] = out.rises()[j].gruState();
        }
        return new JointAction(powers, ris, Clustering.QOS);
    }

    @Override
    public String name() {
        return shape().algorithm();
    }

    private PolicyShape shape() {
        return network.shape();
    }
}

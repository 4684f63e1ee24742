package io.thz.core.env;

import io.thz.core.geometry.RisMount;
import io.thz.core.geometry.Vec3;
import io.thz.core.graph.AgentGraph;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.RisHead;
import io.thz.core.queue.LyapunovQueues;
import io.thz.core.queue.QueueStep;
import io.thz.core.queue.Reward;
import io.thz.core.queue.RewardFunction;
import io.thz.core.random.RandomStreams;
import io.thz.core.random.StreamNames;
import io.thz.core.scenario.Scenario;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.NetworkSlot;
import io.thz.core.slot.SlotOutcome;
import io.thz.core.slot.SlotScorer;

import java.util.Arrays;
import java.util.List;

/**
 * The THz network as a Dec-POMDP (paper Section III, spec sections 8-9): episodes of T slots of
 * the scenario's simulator; each step scores the slot with the joint action (reconfigured
 * channels, clustering, beamforming, SIC, rates, energy efficiency), updates the queues and
 * returns the global reward (35). Queues are emptied and previous actions cleared at every
 * episode start; every episode ends truncated after T slots (the network has no terminal state).
 *
 * <p>The observation after the last slot (for the value bootstrap) reuses the last slot's channels
 * with the updated queues and the last action: the simulator's next slot belongs to the next
 * episode, whose users are dropped anew.
 *
 * <p>Randomness: episode e of an environment with master seed s is the simulator's episode e for
 * seed s, whatever was played before. Not thread-safe.
 */
public final class ThzNetworkEnv implements MultiAgentEnv {

    private final Scenario scenario;
    private final NetworkSimulator simulator;
    private final AgentGraph graph;
    private final GraphFeatures features;
    private final EnvInfo info;
    private final List<User> users;
    private final SlotConfig qosConfig;
    private final SlotConfig csiConfig;
    private final SlotScorer scorer = new SlotScorer();
    private final LyapunovQueues queues;
    private final RewardFunction rewardFunction;
    private NetworkSlot slot;
    private GraphObservation observation;
    private float[] state;
    private double[][] previousPower;
    private int[][] previousChoices;
    private int slotInEpisode;
    private boolean done = true;

    /**
     * @param scenario   the validated scenario
     * @param masterSeed the seed of every random stream of the network (training and evaluation use
     *                   different ones)
     */
    public ThzNetworkEnv(Scenario scenario, long masterSeed) {
        this.scenario = scenario;
        this.simulator = new NetworkSimulator(scenario, masterSeed);
        this.graph = agentGraph(scenario);
        this.features = new GraphFeatures(scenario, graph);
        this.info = features.info();
        this.users = scenario.users();
        SlotConfig base = scenario.slotConfig();
        this.qosConfig = withClustering(base, Clustering.QOS);
        this.csiConfig = withClustering(base, Clustering.CSI);
        this.queues = new LyapunovQueues(scenario.queueParameters());
        this.rewardFunction = new RewardFunction(scenario.rewardWeights());
    }

    /** The agent graph of a scenario: APs and RISs linked within the neighbour radius (null: all). */
    public static AgentGraph agentGraph(Scenario scenario) {
        List<Vec3> apList = scenario.deployment().aps();
        List<RisMount> risList = scenario.deployment().rises();
        double[][] ap = new double[apList.size()][];
        for (int i = 0; i < ap.length; i++) {
            Vec3 v = apList.get(i);
            ap[i] = new double[] {v.x(), v.y(), v.z()};
        }
        double[][] ris = new double[risList.size()][];
        for (int j = 0; j < ris.length; j++) {
            Vec3 v = risList.get(j).centre();
            ris[j] = new double[] {v.x(), v.y(), v.z()};
        }
        Double radius = scenario.network().neighbourRadiusM();
        return AgentGraph.withinRadius(ap, ris, radius == null ? Double.POSITIVE_INFINITY : radius);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The master seed of the network's random streams. */
    public long seed() {
        return simulator.seed();
    }

    /** The random-stream subtree for action sampling in episode {@code episode} (never used by the network). */
    public RandomStreams explorationStreams(long episode) {
        return simulator.streams().child(StreamNames.EXPLORATION).child(episode);
    }

    /** The features' builder (its widths are {@link #info()}'s). */
    public GraphFeatures features() {
        return features;
    }

    @Override
    public EnvInfo info() {
        return info;
    }

    @Override
    public AgentGraph graph() {
        return graph;
    }

    /** Starts episode {@code episode} (its index under this environment's master seed). */
    @Override
    public GraphObservation reset(long episode) {
        simulator.seekEpisode(episode);
        slot = simulator.next();
        queues.reset();
        previousPower = null;
        previousChoices = null;
        slotInEpisode = 0;
        done = false;
        observe();
        return observation;
    }

    @Override
    public float[] state() {
        requireEpisode();
        return state;
    }

    @Override
    public SlotView view() {
        requireEpisode();
        return new SlotView(observation, slot.channels(), users, qosConfig);
    }

    @Override
    public StepResult step(JointAction action) {
        requireEpisode();
        if (done) {
            throw new IllegalStateException("episode over after " + slotInEpisode + " slots: call reset(episode)");
        }
        double[] powerW = flatten(action.powersW());
        List<RisAction> ris = Arrays.asList(action.ris());
        if (ris.size() != info.rises()) {
            throw new IllegalArgumentException("joint action has " + ris.size() + " RIS actions, the network "
                    + info.rises() + " RISs");
        }
        SlotConfig config = action.clustering() == Clustering.CSI ? csiConfig : qosConfig;
        SlotOutcome outcome = scorer.score(config, users, slot.channels(), ris, powerW);
        QueueStep queueStep = queues.step(slot.arrivalsGbit(), outcome.rateBpsHz());
        Reward reward = rewardFunction.evaluate(outcome.eeGbitPerJoule(), queueStep);
        SlotMetrics metrics = new SlotMetrics(reward.total(), outcome.eeGbitPerJoule(), outcome.sumRateGbps(),
                outcome.powerTotalW(), reward.rateViolationGbps(), fractionReliable(queueStep, UserType.SE),
                fractionReliable(queueStep, UserType.IOT));
        previousPower = new double[info.aps()][];
        for (int i = 0; i < previousPower.length; i++) {
            previousPower[i] = action.powersW()[i].clone();
        }
        previousChoices = new int[info.rises()][];
        for (int j = 0; j < previousChoices.length; j++) {
            previousChoices[j] = RisHead.toChoice(action.ris()[j]);
        }
        slotInEpisode++;
        boolean truncated = slotInEpisode == info.episodeSlots();
        if (truncated) {
            done = true;
        } else {
            slot = simulator.next();
        }
        observe();
        return new StepResult(observation, state, metrics, false, truncated);
    }

    @Override
    public double[] reliability() {
        return queues.reliability();
    }

    /** Mean reliability (24) of the users of one type over the episode so far. */
    public double reliability(UserType type) {
        double[] r = queues.reliability();
        double sum = 0;
        int n = 0;
        for (int k = 0; k < r.length; k++) {
            if (users.get(k).type() == type) {
                sum += r[k];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private void observe() {
        observation = features.observe(slot.channels(), queues.lyapunovWeightsGbit(), previousPower, previousChoices);
        state = features.state(observation, slot.channels());
    }

    private double fractionReliable(QueueStep step, UserType type) {
        int ok = 0;
        int n = 0;
        for (int k = 0; k < users.size(); k++) {
            if (users.get(k).type() == type) {
                n++;
                ok += step.reliable()[k] ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) ok / n;
    }

    private double[] flatten(double[][] powersW) {
        if (powersW.length != info.aps()) {
            throw new IllegalArgumentException("joint action has powers for " + powersW.length + " APs, the network "
                    + info.aps());
        }
        double[] p = new double[users.size()];
        int[] next = new int[info.aps()];
        for (int k = 0; k < p.length; k++) {
            int m = users.get(k).ap();
            if (powersW[m].length != info.usersPerAp()) {
                throw new IllegalArgumentException("powersW[" + m + "] has " + powersW[m].length + " entries, AP "
                        + m + " serves " + info.usersPerAp() + " users");
            }
            p[k] = powersW[m][next[m]++];
        }
        return p;
    }

    private void requireEpisode() {
        if (slot == null) {
            throw new IllegalStateException("call reset(episode) first");
        }
    }

    private static SlotConfig withClustering(SlotConfig c, Clustering clustering) {
        return new SlotConfig(c.antennas(), c.rfChains(), c.apPhaseBits(), c.risElements(), c.risBits(),
                c.bandwidthHz(), c.noiseDbmPerHz(), c.pmaxW(), c.xi(), c.pbbW(), c.prfW(), c.ppsW(), c.ppaW(), c.pdW(),
                c.pRisPerBitW(), clustering);
    }
}

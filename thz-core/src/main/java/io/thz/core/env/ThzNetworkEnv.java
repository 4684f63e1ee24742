package io.thz.core.env;

import io.thz.core.channel.HumanBlockage;
import io.thz.core.channel.SlotChannels;
import io.thz.core.geometry.Deployment;
import io.thz.core.geometry.RandomWalk;
import io.thz.core.geometry.Vec3;
import io.thz.core.graph.AgentGraph;
import io.thz.core.model.Clustering;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import io.thz.core.policy.GraphObservation;
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
 * The smart reconfigurable THz MIMO-NOMA network as a Dec-POMDP (paper Section III, spec sections 8
 * and 9), PyMARL-style: M AP agents and J RIS agents on an {@link AgentGraph}, a global reward (35),
 * episodes of T slots cut by their time limit.
 *
 * <h2>One step</h2>
 * {@link #step} plays the current slot t: the joint action's per-user powers and RIS configurations
 * are scored by {@link SlotScorer} (equivalent channels, clustering, hybrid beamforming, NOMA/SIC,
 * rates, power, energy efficiency), the rates serve the queues ({@link LyapunovQueues}: (22), (30))
 * with the slot's Poisson arrivals, the reward (35) is computed from the energy efficiency, the
 * rate violation and the Lyapunov weights at the start of the slot, and the environment moves to
 * slot t + 1, whose observation and state the result carries.
 *
 * <h2>Episodes</h2>
 * {@link #reset()} starts the next episode (the first call: episode 0, or the one chosen by
 * {@link #seekEpisode}): the simulator re-drops the users, queues are emptied (q(1) = Y(1) = 0), the
 * previous rates are zero and the previous joint action is the default: equal power P_max / K_m to
 * every user and every RIS element OFF ({@link JointAction#equalPowerRisOff}), the action of the
 * no-RIS baseline, so the first AP-RIS edge features hold the plain direct channels. Episode e of a
 * master seed is always the same whatever was played before it.
 *
 * <p>There is no terminal state: {@code terminated} is always false and the T-th step returns
 * {@code truncated = true}. Its observation and state describe a bootstrap slot, one more slot
 * of the same episode (users take one more random-walk step and the blockage is drawn again, from
 * the {@link StreamNames#BOOTSTRAP} subtree; the queues are those after slot T), for the critics'
 * value of the cut-off episode. Stepping again needs a {@link #reset()}.
 *
 * <h2>Randomness</h2>
 * The network's draws come from a {@link NetworkSimulator} with the environment's master seed; a
 * stochastic policy takes {@link #policySeed()}, a node of the same seed's
 * {@link StreamNames#POLICY} subtree for the current episode, so a (seed, episode) pair fixes
 * everything.
 *
 * <p>Not thread-safe: one environment per thread.
 */
public final class ThzNetworkEnv implements MultiAgentEnv {

    private final Scenario scenario;
    private final NetworkSimulator simulator;
    private final AgentGraph graph;
    private final FeatureBuilder features;
    private final EnvInfo info;
    private final List<User> users;
    private final int[] indexInAp;
    private final SlotConfig scenarioConfig;
    private final SlotConfig qosConfig;
    private final SlotConfig csiConfig;
    private final SlotScorer scorer = new SlotScorer();
    private final LyapunovQueues queues;
    private final RewardFunction rewardFunction;
    private final RandomWalk walk;
    private final HumanBlockage blockage;
    private final Deployment deployment;
    private final JointAction defaultAction;
    private final double[] powerW;
    private final long maxEpisodes;
    private final int seUsers;
    private final int iotUsers;

    private boolean started;
    private boolean episodeOver;
    private long nextEpisode;
    private long episode;
    private int slotInEpisode;
    private long steps;
    /** The slot being played; null for the bootstrap slot. */
    private NetworkSlot slot;
    private SlotChannels channels;
    private List<Vec3> positions;
    private JointAction previous;
    private double[] previousRates;
    private GraphObservation observation;
    private float[] state;

    /** An environment with the scenario's own master seed. */
    public ThzNetworkEnv(Scenario scenario) {
        this(scenario, scenario.seed());
    }

    /**
     * An environment with an explicit master seed (e.g. a held-out evaluation seed).
     *
     * @throws io.thz.core.scenario.ScenarioException when the scenario breaks a validation rule
     */
    public ThzNetworkEnv(Scenario scenario, long seed) {
        this.simulator = new NetworkSimulator(scenario, seed);
        this.scenario = scenario;
        this.deployment = simulator.deployment();
        this.graph = AgentGraph.of(scenario);
        this.features = new FeatureBuilder(scenario, graph);
        this.info = features.info();
        this.users = List.copyOf(scenario.users());
        this.indexInAp = new int[users.size()];
        int[] filled = new int[info.aps()];
        int se = 0;
        for (int k = 0; k < users.size(); k++) {
            indexInAp[k] = filled[users.get(k).ap()]++;
            se += users.get(k).type() == UserType.SE ? 1 : 0;
        }
        this.seUsers = se;
        this.iotUsers = users.size() - se;
        this.scenarioConfig = scenario.slotConfig();
        this.qosConfig = withClustering(scenarioConfig, Clustering.QOS);
        this.csiConfig = withClustering(scenarioConfig, Clustering.CSI);
        this.queues = new LyapunovQueues(scenario.queueParameters());
        this.rewardFunction = new RewardFunction(scenario.rewardWeights());
        this.walk = scenario.randomWalk();
        this.blockage = scenario.humanBlockage();
        this.defaultAction = JointAction.equalPowerRisOff(info, scenario.network().clustering());
        this.powerW = new double[users.size()];
        this.previousRates = new double[users.size()];
        this.maxEpisodes = Long.MAX_VALUE / scenario.slotsPerEpisode();
    }

    @Override
    public EnvInfo info() {
        return info;
    }

    @Override
    public AgentGraph graph() {
        return graph;
    }

    /** The scenario simulated. */
    public Scenario scenario() {
        return scenario;
    }

    /** The effective master seed (log it with results). */
    public long seed() {
        return simulator.seed();
    }

    /** The scale constants of the features. */
    public FeatureScales scales() {
        return features.scales();
    }

    /** The users in scenario order. */
    public List<User> users() {
        return users;
    }

    /** Episodes addressable by {@link #seekEpisode}: 0 .. this - 1. */
    public long maxEpisodes() {
        return maxEpisodes;
    }

    /** Makes the next {@link #reset()} start episode {@code episode} of the master seed. */
    public void seekEpisode(long episode) {
        if (episode < 0 || episode >= maxEpisodes) {
            throw new IllegalArgumentException("episode=" + episode + " must be in 0.." + (maxEpisodes - 1));
        }
        nextEpisode = episode;
    }

    /**
     * Starts the next episode: episode 0 first, then the one after the last started, or the one
     * given to {@link #seekEpisode}.
     *
     * @return the first slot's observation
     */
    public GraphObservation reset() {
        long e = nextEpisode;
        simulator.seekEpisode(e);
        slot = simulator.next();
        channels = slot.channels();
        positions = slot.users();
        queues.reset();
        previous = defaultAction;
        Arrays.fill(previousRates, 0);
        episode = e;
        nextEpisode = e + 1 < maxEpisodes ? e + 1 : 0;
        slotInEpisode = 0;
        started = true;
        episodeOver = false;
        observation = null;
        state = null;
        return observation();
    }

    /**
     * Starts episode {@code floorMod(episodeSeed, maxEpisodes())} of the master seed: any 64-bit
     * episode seed (e.g. a hash of a run seed and an episode counter) names one episode, and small
     * non-negative seeds name episodes 0, 1, ... directly.
     */
    @Override
    public GraphObservation reset(long episodeSeed) {
        seekEpisode(Math.floorMod(episodeSeed, maxEpisodes));
        return reset();
    }

    /** The current slot's observation (cached until the next step or reset). */
    public GraphObservation observation() {
        requireStarted();
        if (observation == null) {
            observation = features.observation(channels, queues.lyapunovWeightsGbit(), previous);
        }
        return observation;
    }

    @Override
    public float[] state() {
        requireStarted();
        if (state == null) {
            state = features.state(channels, queues.queuesGbit(), queues.virtualQueuesGbit(), previousRates, previous,
                    slotInEpisode);
        }
        return state;
    }

    @Override
    public SlotView view() {
        return new SlotView(observation(), channels, users, scenarioConfig, scenario, graph, episode, slotInEpisode,
                queues.queuesGbit(), queues.virtualQueuesGbit(), previous);
    }

    /**
     * Plays the current slot with the joint action and moves to the next slot.
     *
     * @throws IllegalArgumentException naming the field when the action does not fit the network
     * @throws IllegalStateException    before the first {@link #reset()} and after the time limit
     */
    @Override
    public StepResult step(JointAction action) {
        requireStarted();
        if (episodeOver) {
            throw new IllegalStateException("episode " + episode + " ended at its time limit of "
                    + info.episodeSlots() + " slots; call reset()");
        }
        action.validate(info);
        for (int k = 0; k < powerW.length; k++) {
            powerW[k] = action.powersW()[users.get(k).ap()][indexInAp[k]];
        }
        SlotConfig config = action.clustering() == Clustering.CSI ? csiConfig : qosConfig;
        SlotOutcome outcome = scorer.score(config, users, channels, Arrays.asList(action.ris()), powerW);
        QueueStep queueStep = queues.step(slot.arrivalsGbit(), outcome.rateBpsHz());
        Reward reward = rewardFunction.evaluate(outcome.eeGbitPerJoule(), queueStep); // (35)
        double[] reliability = queues.reliability();
        SlotMetrics metrics = new SlotMetrics(reward.total(), outcome.eeGbitPerJoule(), outcome.sumRateGbps(),
                outcome.powerTotalW(), reward.rateViolationGbps(), meanOfType(queueStep.reliable(), UserType.SE),
                meanOfType(queueStep.reliable(), UserType.IOT));
        long playedEpisode = episode;
        int playedSlot = slotInEpisode;
        boolean truncated = slot.lastInEpisode();

        previous = action.copy();
        previousRates = outcome.rateBpsHz().clone();
        steps++;
        if (truncated) {
            bootstrapSlot();
            slot = null;
            episodeOver = true;
        } else {
            slot = simulator.next();
            channels = slot.channels();
            positions = slot.users();
        }
        slotInEpisode++;
        observation = null;
        state = null;
        return new StepResult(observation(), state(), metrics, false, truncated, reward, outcome, queueStep,
                reliability, meanOfType(reliability, UserType.SE), meanOfType(reliability, UserType.IOT),
                playedEpisode, playedSlot);
    }

    @Override
    public double[] reliability() {
        return queues.reliability();
    }

    /** Index of the current episode. */
    public long episode() {
        return episode;
    }

    /** t of the current slot: 0..T-1, or T for the bootstrap slot after the time limit. */
    public int slotInEpisode() {
        return slotInEpisode;
    }

    /** Steps played since construction. */
    public long steps() {
        return steps;
    }

    /** Whether the episode reached its time limit (the next call must be {@link #reset()}). */
    public boolean episodeOver() {
        return episodeOver;
    }

    /** The current slot's channels (before RIS reconfiguration); read-only. */
    public SlotChannels channels() {
        requireStarted();
        return channels;
    }

    /** The slot being played (positions, LoS draws, arrivals); null for the bootstrap slot. */
    public NetworkSlot currentSlot() {
        requireStarted();
        return slot;
    }

    /** The previous slot's joint action (the default at an episode start). */
    public JointAction previousAction() {
        requireStarted();
        return previous;
    }

    /** The default previous action of an episode start: equal power, every RIS element OFF. */
    public JointAction defaultAction() {
        return defaultAction;
    }

    /** q_k at the start of the current slot, in Gbit (a copy). */
    public double[] queuesGbit() {
        return queues.queuesGbit();
    }

    /** Y_k at the start of the current slot, in Gbit (a copy). */
    public double[] virtualQueuesGbit() {
        return queues.virtualQueuesGbit();
    }

    /**
     * The seed of the current episode's policy randomness: the key of node
     * {@code (master seed) / policy / episode}, for {@link Policy#reset(long)}.
     */
    public long policySeed() {
        requireStarted();
        return simulator.streams().child(StreamNames.POLICY).child(episode).key();
    }

    /** Mean of per-user values over the users of one type; NaN when the type has no users. */
    public double meanOfType(double[] perUser, UserType type) {
        double sum = 0;
        for (int k = 0; k < perUser.length; k++) {
            if (users.get(k).type() == type) {
                sum += perUser[k];
            }
        }
        int count = type == UserType.SE ? seUsers : iotUsers;
        return count == 0 ? Double.NaN : sum / count;
    }

    private double meanOfType(boolean[] perUser, UserType type) {
        double[] values = new double[perUser.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = perUser[k] ? 1 : 0;
        }
        return meanOfType(values, type);
    }

    /** Slot T of the episode: one more random-walk step and fresh blockage draws. */
    private void bootstrapSlot() {
        RandomStreams root = simulator.streams().child(StreamNames.BOOTSTRAP).child(episode);
        RandomStreams move = root.child(StreamNames.MOBILITY);
        RandomStreams block = root.child(StreamNames.BLOCKAGE);
        int k = positions.size();
        Vec3[] next = new Vec3[k];
        for (int u = 0; u < k; u++) {
            next[u] = walk.step(positions.get(u), move.child(u).stream());
        }
        boolean[][] losDirect = new boolean[deployment.aps().size()][k];
        for (int i = 0; i < losDirect.length; i++) {
            Vec3 ap = deployment.aps().get(i);
            for (int u = 0; u < k; u++) {
                double p = blockage.losProbability(ap.horizontalDistanceTo(next[u]), ap.z());
                losDirect[i][u] = HumanBlockage.drawLos(p, block.child("ap").child(i).child(u).stream());
            }
        }
        boolean[][] losRis = new boolean[deployment.rises().size()][k];
        for (int j = 0; j < losRis.length; j++) {
            Vec3 ris = deployment.rises().get(j).centre();
            for (int u = 0; u < k; u++) {
                double p = blockage.losProbability(ris.horizontalDistanceTo(next[u]), ris.z());
                losRis[j][u] = HumanBlockage.drawLos(p, block.child("ris").child(j).child(u).stream());
            }
        }
        positions = List.of(next);
        channels = simulator.generator().generate(positions, losDirect, losRis);
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("no episode started; call reset() first");
        }
    }

    private static SlotConfig withClustering(SlotConfig c, Clustering clustering) {
        return new SlotConfig(c.antennas(), c.rfChains(), c.apPhaseBits(), c.risElements(), c.risBits(),
                c.bandwidthHz(), c.noiseDbmPerHz(), c.pmaxW(), c.xi(), c.pbbW(), c.prfW(), c.ppsW(), c.ppaW(),
                c.pdW(), c.pRisPerBitW(), clustering);
    }

}

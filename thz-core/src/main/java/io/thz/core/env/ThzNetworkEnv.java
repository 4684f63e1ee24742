package io.thz.core.env;

import io.thz.core.channel.SlotChannels;
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
import io.thz.core.sim.ChannelSource;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.NetworkSlot;
import io.thz.core.sim.RecordedChannelSource;
import io.thz.core.slot.SlotOutcome;
import io.thz.core.slot.SlotScorer;

import java.io.IOException;
import java.nio.file.Path;
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
 * of the same episode ({@link ChannelSource#bootstrap()}: simulated, users take one more
 * random-walk step and the blockage is drawn again, from the {@link StreamNames#BOOTSTRAP}
 * subtree; the queues are those after slot T), for the critics' value of the cut-off episode.
 * Stepping again needs a {@link #reset()}.
 *
 * <h2>Channel sources: simulated or replayed</h2>
 * The slots (channels, traffic arrivals, episode structure, bootstrap slots) come from a
 * {@link ChannelSource}: a {@link NetworkSimulator} with the environment's master seed, or a
 * recording ({@link #replaying(Scenario, Path)}). A recording of (scenario, seed) replayed with
 * the same actions gives bit for bit the observations, states and rewards of the simulated
 * environment. A replay addresses only the recorded episodes: {@link #maxEpisodes()} is their
 * number, {@link #seekEpisode} takes a recorded episode number, {@link #reset(long)} picks the
 * recorded episode at position {@code floorMod(seed, maxEpisodes())}, and {@link #reset()} after
 * the last recorded episode starts again from the first, as the simulated environment does at the
 * end of its range.
 *
 * <h2>Randomness</h2>
 * The network's draws come from the source; a stochastic policy takes {@link #policySeed()}, a
 * node of the source's master seed's {@link StreamNames#POLICY} subtree for the current episode,
 * so a (seed, episode) pair fixes everything, and a replay of a simulated recording gives the
 * policy the same streams as the live run.
 *
 * <p>Not thread-safe: one environment per thread. {@link #close()} releases a recording's file.
 */
public final class ThzNetworkEnv implements MultiAgentEnv, AutoCloseable {

    private final Scenario scenario;
    private final ChannelSource source;
    private final RandomStreams streams;
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
    private final JointAction defaultAction;
    private final double[] powerW;
    private final long maxEpisodes;
    private final int seUsers;
    private final int iotUsers;

    private boolean started;
    private boolean episodeOver;
    /** Position (in the source's addressable episodes) of the episode the next reset() starts. */
    private long nextPosition;
    private long episode;
    private int slotInEpisode;
    private long steps;
    /** The slot being played; null for the bootstrap slot. */
    private NetworkSlot slot;
    private SlotChannels channels;
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
        this(scenario, new NetworkSimulator(scenario, seed));
    }

    /**
     * An environment on the slots of {@code source}, which must be slots of {@code scenario}'s
     * network (a {@link NetworkSimulator} of it, or a {@link RecordedChannelSource} opened for it,
     * which checks the recording's shape); the environment owns the source from now on.
     */
    public ThzNetworkEnv(Scenario scenario, ChannelSource source) {
        this.source = source;
        this.streams = RandomStreams.of(source.seed());
        this.scenario = scenario;
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
        this.defaultAction = JointAction.equalPowerRisOff(info, scenario.network().clustering());
        this.powerW = new double[users.size()];
        this.previousRates = new double[users.size()];
        this.maxEpisodes = source.episodes();
    }

    /**
     * An environment that replays a recorded channel stream (e.g. from {@code thz record}) on
     * {@code scenario}'s network; see the class comment for how its episodes are addressed.
     *
     * @throws IOException when the file cannot be opened
     * @throws io.thz.core.channel.ChannelStreamException when it is not a complete channel stream,
     *         naming the byte offset
     * @throws io.thz.core.sim.RecordingMismatchException when it was recorded for another network,
     *         naming each difference
     */
    public static ThzNetworkEnv replaying(Scenario scenario, Path recording) throws IOException {
        return new ThzNetworkEnv(scenario, RecordedChannelSource.open(recording, scenario));
    }

    /** Where the slots come from. */
    public ChannelSource source() {
        return source;
    }

    /** Releases the source (a recording's file; a recorder's output is flushed and closed). */
    @Override
    public void close() {
        source.close();
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
        return source.seed();
    }

    /** The scale constants of the features. */
    public FeatureScales scales() {
        return features.scales();
    }

    /** The users in scenario order. */
    public List<User> users() {
        return users;
    }

    /**
     * Number of addressable episodes: simulated, episodes 0 .. this - 1; replayed, the recorded
     * complete episodes.
     */
    public long maxEpisodes() {
        return maxEpisodes;
    }

    /**
     * Makes the next {@link #reset()} start episode {@code episode} of the master seed (replayed:
     * the recorded episode with that number).
     *
     * @throws IllegalArgumentException when there is no such episode
     */
    public void seekEpisode(long episode) {
        nextPosition = source.positionOf(episode);
    }

    /**
     * Starts the next episode: the first addressable one (simulated: episode 0), then the one after
     * the last started, or the one given to {@link #seekEpisode}; after the last addressable
     * episode, the first again.
     *
     * @return the first slot's observation
     */
    public GraphObservation reset() {
        long position = nextPosition;
        long e = source.episode(position);
        source.seekEpisode(e);
        slot = source.next();
        channels = slot.channels();
        queues.reset();
        previous = defaultAction;
        Arrays.fill(previousRates, 0);
        episode = e;
        nextPosition = position + 1 < maxEpisodes ? position + 1 : 0;
        slotInEpisode = 0;
        started = true;
        episodeOver = false;
        observation = null;
        state = null;
        return observation();
    }

    /**
     * Starts the episode at position {@code floorMod(episodeSeed, maxEpisodes())}: any 64-bit
     * episode seed (e.g. a hash of a run seed and an episode counter) names one episode, and small
     * non-negative seeds name episodes 0, 1, ... directly (replayed: the first, second, ... recorded
     * episode, which are episodes 0, 1, ... of a recording from the first episode on).
     */
    @Override
    public GraphObservation reset(long episodeSeed) {
        nextPosition = Math.floorMod(episodeSeed, maxEpisodes);
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
            channels = source.bootstrap().channels();
            slot = null;
            episodeOver = true;
        } else {
            slot = source.next();
            channels = slot.channels();
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

    /**
     * The slot being played (positions, LoS draws, arrivals; a recording without geometry has no
     * positions or LoS draws); null for the bootstrap slot.
     */
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
        return streams.child(StreamNames.POLICY).child(episode).key();
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

package io.thz.core.sim;

import io.thz.core.channel.ChannelGenerator;
import io.thz.core.channel.HumanBlockage;
import io.thz.core.channel.SlotChannels;
import io.thz.core.geometry.Deployment;
import io.thz.core.geometry.RandomWalk;
import io.thz.core.geometry.UserDrop;
import io.thz.core.geometry.Vec3;
import io.thz.core.model.User;
import io.thz.core.random.RandomStream;
import io.thz.core.random.RandomStreams;
import io.thz.core.random.StreamNames;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioValidator;
import io.thz.core.traffic.PoissonArrivals;

import java.util.ArrayList;
import java.util.List;

/**
 * The slot stream of a scenario: each {@link #next()} moves the users, draws blockage, generates
 * the channels and draws the traffic arrivals of one slot.
 *
 * <h2>Episodes</h2>
 * Every T slots a new episode starts; its first slot re-drops every user uniformly in its AP's
 * zone, and the users then random-walk for the rest of the episode. Episodes are therefore
 * independent samples of the layout, and the caller empties the queues at
 * {@code slotInEpisode == 0} (Y(1) = q(1) = 0).
 *
 * <h2>Randomness</h2>
 * Every draw comes from a stream addressed by (master seed, concern, episode, entity) in a
 * {@link RandomStreams} tree: user drop, mobility and traffic per user, blockage per link. A user
 * is identified by (AP, type, index within the type), not by its global number, so adding IoT
 * users or changing an arrival mean changes no other user's positions, blockage or arrivals, and
 * any episode can be generated without the ones before it ({@link #seekEpisode(long)}). The
 * same scenario and seed give the same slots bit for bit.
 *
 * <h2>Bootstrap slot</h2>
 * After an episode's last slot, {@link #bootstrap()} gives slot T: the users take one more
 * random-walk step and the blockage is drawn again, from the {@link StreamNames#BOOTSTRAP}
 * subtree, so the bootstrap draws never shift the next episode's.
 *
 * <p>Not thread-safe: one simulator per thread.
 */
public final class NetworkSimulator implements ChannelSource {

    private final Scenario scenario;
    private final long seed;
    private final RandomStreams streams;
    private final Deployment deployment;
    private final ChannelGenerator generator;
    private final HumanBlockage blockage;
    private final RandomWalk walk;
    private final List<User> users;
    private final int[] indexInType;
    private final double[] arrivalMeans;
    private final int slotsPerEpisode;
    private final double userHeightM;

    private long slot;
    private Vec3[] positions;
    private RandomStream[] mobility;
    private RandomStream[] traffic;
    private RandomStream[][] blockageDirect;
    private RandomStream[][] blockageRis;
    /** The slot handed out last, when it was its episode's last; else null. */
    private NetworkSlot episodeEnd;

    /** A simulator with the scenario's own seed. */
    public NetworkSimulator(Scenario scenario) {
        this(scenario, scenario.seed());
    }

    /**
     * A simulator with an explicit master seed (e.g. a separate evaluation seed).
     *
     * @throws io.thz.core.scenario.ScenarioException when the scenario breaks a validation rule
     *         (a scenario built in code has not been through {@link io.thz.core.scenario.ScenarioLoader})
     */
    public NetworkSimulator(Scenario scenario, long seed) {
        this.scenario = ScenarioValidator.validate(scenario);
        this.seed = seed;
        this.streams = RandomStreams.of(seed);
        this.deployment = scenario.deployment();
        this.generator = new ChannelGenerator(scenario.channelParameters(), deployment);
        this.blockage = scenario.humanBlockage();
        this.walk = scenario.randomWalk();
        this.users = scenario.users();
        this.indexInType = new int[users.size()];
        int[][] counters = new int[deployment.aps().size()][2];
        for (int k = 0; k < users.size(); k++) {
            User u = users.get(k);
            indexInType[k] = counters[u.ap()][u.type().ordinal()]++;
        }
        this.arrivalMeans = scenario.arrivalMeansGbit();
        this.slotsPerEpisode = scenario.slotsPerEpisode();
        this.userHeightM = scenario.geometry().userHeightM();
    }

    /** The effective master seed (log it with results). */
    @Override
    public long seed() {
        return seed;
    }

    /** The scenario simulated. */
    public Scenario scenario() {
        return scenario;
    }

    /** The fixed infrastructure. */
    public Deployment deployment() {
        return deployment;
    }

    /** The channel generator (static AP-RIS channels, single links for diagnostics). */
    public ChannelGenerator generator() {
        return generator;
    }

    /**
     * The root of this simulator's random-stream tree; policies and learners take their own
     * subtrees ({@link StreamNames#POLICY}, {@link StreamNames#EXPLORATION}), which the network's
     * streams never touch.
     */
    public RandomStreams streams() {
        return streams;
    }

    /** Index of the slot the next {@link #next()} returns. */
    public long nextSlot() {
        return slot;
    }

    /** Episodes addressable: 0 .. this - 1 (slot indices stay within a long). */
    @Override
    public long episodes() {
        return Long.MAX_VALUE / slotsPerEpisode;
    }

    @Override
    public long episode(long position) {
        return positionOf(position);
    }

    @Override
    public long positionOf(long episode) {
        if (episode < 0 || episode >= episodes()) {
            throw new IllegalArgumentException("episode=" + episode + " must be in 0.." + (episodes() - 1));
        }
        return episode;
    }

    /** Makes the next slot the first of episode {@code episode}. */
    @Override
    public void seekEpisode(long episode) {
        slot = positionOf(episode) * slotsPerEpisode;
        episodeEnd = null;
    }

    /** Simulates the next slot. */
    @Override
    public NetworkSlot next() {
        long episode = slot / slotsPerEpisode;
        int inEpisode = (int) (slot % slotsPerEpisode);
        if (inEpisode == 0) {
            startEpisode(episode);
        } else {
            for (int k = 0; k < positions.length; k++) {
                positions[k] = walk.step(positions[k], mobility[k]);
            }
        }
        List<Vec3> now = List.of(positions.clone());
        int m = deployment.aps().size();
        int j = deployment.rises().size();
        boolean[][] losDirect = new boolean[m][now.size()];
        for (int i = 0; i < m; i++) {
            Vec3 ap = deployment.aps().get(i);
            for (int k = 0; k < now.size(); k++) {
                double p = blockage.losProbability(ap.horizontalDistanceTo(now.get(k)), ap.z());
                losDirect[i][k] = HumanBlockage.drawLos(p, blockageDirect[i][k]);
            }
        }
        boolean[][] losRis = new boolean[j][now.size()];
        for (int r = 0; r < j; r++) {
            Vec3 ris = deployment.rises().get(r).centre();
            for (int k = 0; k < now.size(); k++) {
                double p = blockage.losProbability(ris.horizontalDistanceTo(now.get(k)), ris.z());
                losRis[r][k] = HumanBlockage.drawLos(p, blockageRis[r][k]);
            }
        }
        SlotChannels channels = generator.generate(now, losDirect, losRis);
        double[] arrivals = new double[now.size()];
        for (int k = 0; k < arrivals.length; k++) {
            arrivals[k] = PoissonArrivals.sample(arrivalMeans[k], traffic[k]);
        }
        NetworkSlot result = new NetworkSlot(slot, episode, inEpisode, inEpisode == slotsPerEpisode - 1, now,
                losDirect, losRis, channels, arrivals);
        slot++;
        episodeEnd = result.lastInEpisode() ? result : null;
        return result;
    }

    /** Slot T of the episode just ended: one more random-walk step and fresh blockage draws. */
    @Override
    public NetworkSlot bootstrap() {
        NetworkSlot last = episodeEnd;
        if (last == null) {
            throw new IllegalStateException("the bootstrap slot follows an episode's last slot; the last slot handed "
                    + "out was not one");
        }
        RandomStreams root = streams.child(StreamNames.BOOTSTRAP).child(last.episode());
        RandomStreams move = root.child(StreamNames.MOBILITY);
        RandomStreams block = root.child(StreamNames.BLOCKAGE);
        int k = last.users().size();
        Vec3[] next = new Vec3[k];
        for (int u = 0; u < k; u++) {
            next[u] = walk.step(last.users().get(u), move.child(u).stream());
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
        List<Vec3> positions = List.of(next);
        SlotChannels channels = generator.generate(positions, losDirect, losRis);
        return new NetworkSlot(last.slot() + 1, last.episode(), slotsPerEpisode, false, positions, losDirect, losRis,
                channels, new double[k]);
    }

    private void startEpisode(long episode) {
        int k = users.size();
        int m = deployment.aps().size();
        int j = deployment.rises().size();
        RandomStreams drop = streams.child(StreamNames.USER_DROP).child(episode);
        RandomStreams move = streams.child(StreamNames.MOBILITY).child(episode);
        RandomStreams arrive = streams.child(StreamNames.TRAFFIC).child(episode);
        RandomStreams block = streams.child(StreamNames.BLOCKAGE).child(episode);
        positions = new Vec3[k];
        mobility = new RandomStream[k];
        traffic = new RandomStream[k];
        blockageDirect = new RandomStream[m][k];
        blockageRis = new RandomStream[j][k];
        for (int u = 0; u < k; u++) {
            positions[u] = UserDrop.drop(deployment, users.get(u).ap(), userHeightM, user(drop, u).stream());
            mobility[u] = user(move, u).stream();
            traffic[u] = user(arrive, u).stream();
            for (int i = 0; i < m; i++) {
                blockageDirect[i][u] = user(block.child("ap").child(i), u).stream();
            }
            for (int r = 0; r < j; r++) {
                blockageRis[r][u] = user(block.child("ris").child(r), u).stream();
            }
        }
    }

    /** The stream node of user k: (AP, type, index within the type). */
    private RandomStreams user(RandomStreams parent, int k) {
        User u = users.get(k);
        return parent.child(u.ap()).child(u.type().name()).child(indexInType[k]);
    }
}

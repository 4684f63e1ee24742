package io.thz.core.scenario;

import io.thz.core.channel.ChannelParameters;
import io.thz.core.channel.HumanBlockage;
import io.thz.core.geometry.Deployment;
import io.thz.core.geometry.Placement;
import io.thz.core.geometry.RandomWalk;
import io.thz.core.geometry.RisMount;
import io.thz.core.geometry.Room;
import io.thz.core.geometry.Vec3;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import io.thz.core.queue.QueueParameters;
import io.thz.core.queue.RewardWeights;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A complete, validated description of one simulated network: the root of a scenario file.
 * Load it with {@link ScenarioLoader}; every default lives in {@code scenarios/default.yaml}.
 *
 * <p>Users are numbered globally, AP by AP: for AP m, its K_S SE users, then its K_U IoT users;
 * user k = m (K_S + K_U) + i.
 *
 * @param seed            master seed; every random stream derives from it (see
 *                        {@link io.thz.core.random.RandomStreams})
 * @param slotsPerEpisode T, slots per episode
 * @param network         sizes of the network
 * @param radio           the radio environment
 * @param power           transmit and circuit powers
 * @param geometry        room, positions, heights, blockers, mobility
 * @param traffic         arrivals and QoS per user type
 * @param reward          weights of the reward (35)
 */
public record Scenario(
        long seed,
        @Min(value = 1, message = "must be >= {value}") @Max(value = 1_000_000, message = "must be <= {value}") int slotsPerEpisode,
        @NotNull(message = "is missing") @Valid NetworkSettings network,
        @NotNull(message = "is missing") @Valid RadioSettings radio,
        @NotNull(message = "is missing") @Valid PowerSettings power,
        @NotNull(message = "is missing") @Valid GeometrySettings geometry,
        @NotNull(message = "is missing") @Valid TrafficSettings traffic,
        @NotNull(message = "is missing") @Valid RewardSettings reward) {

    /** The constants of slot scoring (spec section 11's {@code config}). */
    public SlotConfig slotConfig() {
        return new SlotConfig(network.antennas(), network.rfChains(), network.apPhaseBits(), network.risElements(),
                network.risBits(), radio.bandwidthHz(), radio.noiseDbmPerHz(), power.pmaxW(), power.xi(),
                power.pbbW(), power.prfW(), power.ppsW(), power.ppaW(), power.pdW(), power.pRisPerBitW(),
                network.clustering());
    }

    /** All K users in global order: per AP, SE users first, then IoT users. */
    public List<User> users() {
        List<User> users = new ArrayList<>(network.users());
        for (int m = 0; m < network.aps(); m++) {
            for (int i = 0; i < network.seUsersPerAp(); i++) {
                users.add(new User(m, UserType.SE));
            }
            for (int i = 0; i < network.iotUsersPerAp(); i++) {
                users.add(new User(m, UserType.IOT));
            }
        }
        return users;
    }

    /** The room, AP positions and RIS mounts: explicit ones, else the spec's placement. */
    public Deployment deployment() {
        Room room = geometry.room().toRoom();
        List<Vec3> aps = geometry.apPositions() != null ? geometry.apPositions()
                : Placement.aps(room, network.aps());
        List<RisMount> rises;
        if (geometry.risPositions() != null) {
            rises = new ArrayList<>();
            for (Vec3 centre : geometry.risPositions()) {
                rises.add(Placement.risAt(room, centre));
            }
        } else {
            rises = Placement.rises(room, network.rises(), geometry.risHeightM());
        }
        return new Deployment(room, aps, rises);
    }

    /** Array sizes and radio environment for the channel generator. */
    public ChannelParameters channelParameters() {
        return new ChannelParameters(network.antennas(), network.risElements(), radio.carrierHz(),
                radio.absorptionPerM(), radio.apGainDbi(), radio.risGainDbi(), radio.nlosPaths(),
                radio.wallIndexReal(), radio.wallIndexImag(), radio.wallRoughnessM());
    }

    /** The human-blockage model of the LoS paths. */
    public HumanBlockage humanBlockage() {
        return new HumanBlockage(geometry.blockerDensityPerM2(), geometry.blockerRadiusM(),
                geometry.blockerHeightM(), geometry.userHeightM());
    }

    /** The users' random walk: steps of speed x slot time, reflected at the walls. */
    public RandomWalk randomWalk() {
        return new RandomWalk(geometry.room().toRoom(), geometry.userSpeedMps() * geometry.slotTimeS());
    }

    /** Per-user queue thresholds, outage limits and minimum rates, in user order. */
    public QueueParameters queueParameters() {
        List<User> users = users();
        double[] qmax = new double[users.size()];
        double[] eps = new double[users.size()];
        double[] rmin = new double[users.size()];
        for (int k = 0; k < qmax.length; k++) {
            TypeTraffic t = traffic.of(users.get(k).type());
            qmax[k] = t.queueMaxGbit();
            eps[k] = t.outageLimit();
            rmin[k] = t.minRateGbps();
        }
        return new QueueParameters(qmax, eps, rmin, radio.bandwidthHz());
    }

    /** Poisson arrival mean per slot of each user, in Gbit, in user order. */
    public double[] arrivalMeansGbit() {
        return users().stream().mapToDouble(u -> traffic.of(u.type()).arrivalMeanGbit()).toArray();
    }

    /** Weights of the reward (35). */
    public RewardWeights rewardWeights() {
        return new RewardWeights(reward.zeta(), reward.rho(), reward.nu());
    }
}

package io.thz.core.sim;

import io.thz.core.channel.ChannelStreamRecord;
import io.thz.core.channel.ChannelStreamWriter;
import io.thz.core.channel.HumanBlockage;
import io.thz.core.geometry.Room;
import io.thz.core.geometry.Vec3;
import io.thz.core.model.User;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NetworkSimulatorTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");

    /**
     * The channel stream of {@code slots} slots, encoded without the traffic (arrivals written as 0)
     * or the seed: channels, positions and LoS draws only.
     */
    static byte[] channelBytes(Scenario scenario, long seed, int slots) {
        NetworkSimulator sim = new NetworkSimulator(scenario, seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ChannelStreamWriter writer = new ChannelStreamWriter(bytes, ChannelRecorder.streamShape(scenario),
                OptionalLong.empty())) {
            for (int t = 0; t < slots; t++) {
                NetworkSlot s = sim.next();
                ChannelStreamRecord r = ChannelRecorder.toRecord(s, scenario.slotsPerEpisode());
                writer.write(new ChannelStreamRecord(r.slot(), r.episode(), r.slotInEpisode(), r.lastInEpisode(),
                        r.bootstrap(), new double[s.arrivalsGbit().length], r.positions(), r.losDirect(), r.losRis(),
                        r.channels()));
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void sameSeedGivesTheSameChannelStreamByteForByteAndAnotherSeedDoesNot() {
        byte[] a = channelBytes(SMALL, 17, 25);
        byte[] b = channelBytes(SMALL, 17, 25);
        byte[] c = channelBytes(SMALL, 18, 25);
        assertThat(a).isEqualTo(b);
        assertThat(c).hasSameSizeAs(a).isNotEqualTo(a);
        Scenario defaults = ScenarioLoader.defaults();
        assertThat(channelBytes(defaults, 1, 3)).isEqualTo(channelBytes(defaults, defaults.seed(), 3));
    }

    @Test
    void changingTheIotArrivalMeanLeavesChannelsAndSeArrivalsIdentical() {
        Scenario base = ScenarioLoader.defaults();
        Scenario busier = ScenarioLoader.builder().set("traffic.iot.arrivalMeanGbit", "0.5").build();
        assertThat(channelBytes(busier, 5, 50)).isEqualTo(channelBytes(base, 5, 50));
        NetworkSimulator s1 = new NetworkSimulator(base, 5);
        NetworkSimulator s2 = new NetworkSimulator(busier, 5);
        List<User> users = base.users();
        boolean iotDiffers = false;
        for (int t = 0; t < 50; t++) {
            double[] a1 = s1.next().arrivalsGbit();
            double[] a2 = s2.next().arrivalsGbit();
            for (int k = 0; k < users.size(); k++) {
                if (users.get(k).type() == io.thz.core.model.UserType.SE) {
                    assertThat(a2[k]).isEqualTo(a1[k]);
                } else {
                    iotDiffers |= a2[k] != a1[k];
                }
            }
        }
        assertThat(iotDiffers).isTrue();
    }

    @Test
    void addingIotUsersKeepsEverySeUsersPositionsAndBlockage() {
        Scenario base = ScenarioLoader.defaults();
        Scenario more = ScenarioLoader.builder().set("network.iotUsersPerAp", "6").build();
        NetworkSimulator s1 = new NetworkSimulator(base, 9);
        NetworkSimulator s2 = new NetworkSimulator(more, 9);
        List<Integer> se1 = seIndices(base);
        List<Integer> se2 = seIndices(more);
        for (int t = 0; t < 45; t++) { // crosses an episode boundary (T = 40)
            NetworkSlot a = s1.next();
            NetworkSlot b = s2.next();
            for (int n = 0; n < se1.size(); n++) {
                assertThat(b.users().get(se2.get(n))).isEqualTo(a.users().get(se1.get(n)));
                for (int i = 0; i < 3; i++) {
                    assertThat(b.losDirect()[i][se2.get(n)]).isEqualTo(a.losDirect()[i][se1.get(n)]);
                }
                assertThat(b.channels().direct()[0][se2.get(n)].data)
                        .isEqualTo(a.channels().direct()[0][se1.get(n)].data);
            }
        }
    }

    private static List<Integer> seIndices(Scenario s) {
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < s.users().size(); k++) {
            if (s.users().get(k).type() == io.thz.core.model.UserType.SE) {
                idx.add(k);
            }
        }
        return idx;
    }

    @Test
    void usersStayInTheRoomAndEpisodesRedropThemInTheirZones() {
        // 40 m/s x 10 ms = 0.4 m steps, to hit the walls often
        Scenario fast = ScenarioLoader.builder().bundled("small").set("geometry.userSpeedMps", "40").build();
        NetworkSimulator sim = new NetworkSimulator(fast, 3);
        Room room = fast.deployment().room();
        List<User> users = fast.users();
        List<Vec3> previous = null;
        for (int t = 0; t < 200; t++) {
            NetworkSlot s = sim.next();
            assertThat(s.slot()).isEqualTo(t);
            assertThat(s.episode()).isEqualTo(t / 10);
            assertThat(s.slotInEpisode()).isEqualTo(t % 10);
            assertThat(s.lastInEpisode()).isEqualTo(t % 10 == 9);
            for (int k = 0; k < users.size(); k++) {
                Vec3 u = s.users().get(k);
                assertThat(room.contains(u)).as("slot %d user %d at %s", t, k, u).isTrue();
                assertThat(u.z()).isEqualTo(1.0);
                if (s.slotInEpisode() == 0) {
                    double[] zone = fast.deployment().zone(users.get(k).ap());
                    assertThat(u.x()).isBetween(zone[0], zone[1]);
                } else {
                    assertThat(u.horizontalDistanceTo(previous.get(k))).isLessThanOrEqualTo(0.4 + 1e-12);
                }
            }
            previous = s.users();
        }
    }

    @Test
    void seekingAnEpisodeReproducesItWithoutThePreviousOnes() {
        NetworkSimulator sequential = new NetworkSimulator(SMALL, 21);
        for (int t = 0; t < 30; t++) {
            sequential.next();
        }
        NetworkSimulator seeking = new NetworkSimulator(SMALL, 21);
        seeking.seekEpisode(3);
        for (int t = 0; t < 10; t++) {
            NetworkSlot a = sequential.next();
            NetworkSlot b = seeking.next();
            assertThat(b.slot()).isEqualTo(a.slot());
            assertThat(b.users()).isEqualTo(a.users());
            assertThat(b.arrivalsGbit()).isEqualTo(a.arrivalsGbit());
            assertThat(b.channels().risUser()[0][2].data).isEqualTo(a.channels().risUser()[0][2].data);
        }
    }

    @Test
    void losDrawsFollowTheBlockageProbabilitiesWithinFiveSigma() {
        Scenario s = ScenarioLoader.defaults();
        NetworkSimulator sim = new NetworkSimulator(s, 4);
        HumanBlockage blockage = s.humanBlockage();
        Map<String, double[]> tally = new HashMap<>(); // link kind -> {LoS count, sum p, sum p(1-p)}
        for (int t = 0; t < 2000; t++) {
            NetworkSlot slot = sim.next();
            for (int i = 0; i < 3; i++) {
                Vec3 ap = sim.deployment().aps().get(i);
                for (int k = 0; k < 24; k++) {
                    double p = blockage.losProbability(ap.horizontalDistanceTo(slot.users().get(k)), ap.z());
                    add(tally, "ap", slot.losDirect()[i][k], p);
                }
            }
            for (int j = 0; j < 2; j++) {
                Vec3 ris = sim.deployment().rises().get(j).centre();
                for (int k = 0; k < 24; k++) {
                    double p = blockage.losProbability(ris.horizontalDistanceTo(slot.users().get(k)), ris.z());
                    add(tally, "ris", slot.losRis()[j][k], p);
                }
            }
        }
        for (double[] t : tally.values()) {
            assertThat(t[0]).isCloseTo(t[1], within(5 * Math.sqrt(t[2])));
        }
        // RIS links (transmitter at 2 m) are blocked more often than AP links (3 m)
        double[] ap = tally.get("ap");
        double[] ris = tally.get("ris");
        assertThat(ris[0] / (2 * 24 * 2000.0)).isLessThan(ap[0] / (3 * 24 * 2000.0));
    }

    private static void add(Map<String, double[]> tally, String kind, boolean los, double p) {
        double[] t = tally.computeIfAbsent(kind, x -> new double[3]);
        t[0] += los ? 1 : 0;
        t[1] += p;
        t[2] += p * (1 - p);
    }

    @Test
    void arrivalsHaveTheTypesMeans() {
        NetworkSimulator sim = new NetworkSimulator(ScenarioLoader.defaults(), 8);
        double se = 0;
        double iot = 0;
        int slots = 2000;
        for (int t = 0; t < slots; t++) {
            double[] a = sim.next().arrivalsGbit();
            se += a[0];
            iot += a[4];
        }
        assertThat(se / slots).isCloseTo(10, within(5 * Math.sqrt(10.0 / slots)));
        assertThat(iot / slots).isCloseTo(0.2, within(5 * Math.sqrt(0.2 / slots)));
    }
}

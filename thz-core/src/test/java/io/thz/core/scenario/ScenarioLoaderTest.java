package io.thz.core.scenario;

import io.thz.core.geometry.Deployment;
import io.thz.core.geometry.Vec3;
import io.thz.core.model.Clustering;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScenarioLoaderTest {

    @Test
    void defaultScenarioEqualsTheSpecTable() {
        Scenario s = ScenarioLoader.defaults();
        NetworkSettings n = s.network();
        assertThat(n.aps()).isEqualTo(3);
        assertThat(n.rises()).isEqualTo(2);
        assertThat(n.antennas()).isEqualTo(64);
        assertThat(n.rfChains()).isEqualTo(4);
        assertThat(n.apPhaseBits()).isEqualTo(3);
        assertThat(n.risElements()).isEqualTo(20);
        assertThat(n.risBits()).isEqualTo(1);
        assertThat(n.seUsersPerAp()).isEqualTo(4);
        assertThat(n.iotUsersPerAp()).isEqualTo(4);
        assertThat(n.users()).isEqualTo(24);
        assertThat(n.clustering()).isEqualTo(Clustering.QOS);
        assertThat(n.neighbourRadiusM()).isNull();
        RadioSettings r = s.radio();
        assertThat(r.carrierHz()).isEqualTo(0.3e12);
        assertThat(r.absorptionPerM()).isEqualTo(0.0033);
        assertThat(r.bandwidthHz()).isEqualTo(10e9);
        assertThat(r.apGainDbi()).isEqualTo(20);
        assertThat(r.risGainDbi()).isEqualTo(36);
        assertThat(r.noiseDbmPerHz()).isEqualTo(-174);
        assertThat(r.nlosPaths()).isEqualTo(2);
        assertThat(r.wallIndexReal()).isEqualTo(2.24);
        assertThat(r.wallIndexImag()).isEqualTo(-0.025);
        assertThat(r.wallRoughnessM()).isEqualTo(0.05e-3);
        PowerSettings p = s.power();
        assertThat(p.pmaxW()).isEqualTo(5);
        assertThat(p.xi()).isEqualTo(1 / 0.38);
        assertThat(p.pbbW()).isEqualTo(0.2);
        assertThat(p.prfW()).isEqualTo(0.16);
        assertThat(p.ppsW()).isEqualTo(0.03);
        assertThat(p.ppaW()).isEqualTo(0.02);
        assertThat(p.pdW()).isEqualTo(0.01);
        assertThat(p.pRisPerBitW()).isEqualTo(0.01);
        GeometrySettings g = s.geometry();
        assertThat(g.room()).isEqualTo(new RoomSettings(8, 5, 3));
        assertThat(g.userHeightM()).isEqualTo(1.0);
        assertThat(g.risHeightM()).isEqualTo(2.0);
        assertThat(g.blockerHeightM()).isEqualTo(1.7);
        assertThat(g.blockerRadiusM()).isEqualTo(0.2);
        assertThat(g.blockerDensityPerM2()).isEqualTo(0.3);
        assertThat(g.slotTimeS()).isEqualTo(0.01);
        assertThat(g.userSpeedMps()).isEqualTo(1.0);
        assertThat(g.apPositions()).isNull();
        assertThat(g.risPositions()).isNull();
        assertThat(s.traffic().se()).isEqualTo(new TypeTraffic(10, 25, 0.1, 2));
        assertThat(s.traffic().iot()).isEqualTo(new TypeTraffic(0.2, 10, 0.1, 0.1));
        assertThat(s.reward()).isEqualTo(new RewardSettings(1, 1, 1e-3));
        assertThat(s.slotsPerEpisode()).isEqualTo(40);
    }

    @Test
    void slotConfigAndUsersFollowTheScenario() {
        Scenario s = ScenarioLoader.defaults();
        SlotConfig c = s.slotConfig();
        assertThat(c).isEqualTo(new SlotConfig(64, 4, 3, 20, 1, 1e10, -174, 5, 1 / 0.38, 0.2, 0.16, 0.03, 0.02,
                0.01, 0.01, Clustering.QOS));
        // N0 = 10^(-174/10) mW/Hz x 10 GHz = 3.981e-21 W/Hz x 1e10 Hz = 3.981e-11 W
        assertThat(c.noiseW()).isCloseTo(3.981072e-11, within(1e-16));
        List<User> users = s.users();
        assertThat(users).hasSize(24);
        assertThat(users.subList(0, 8)).containsExactly(
                new User(0, UserType.SE), new User(0, UserType.SE), new User(0, UserType.SE), new User(0, UserType.SE),
                new User(0, UserType.IOT), new User(0, UserType.IOT), new User(0, UserType.IOT), new User(0, UserType.IOT));
        assertThat(users.get(8)).isEqualTo(new User(1, UserType.SE));
        assertThat(s.arrivalMeansGbit()[0]).isEqualTo(10);
        assertThat(s.arrivalMeansGbit()[4]).isEqualTo(0.2);
        assertThat(s.queueParameters().queueMaxGbit()[7]).isEqualTo(10);
        assertThat(s.queueParameters().minRateGbps()[3]).isEqualTo(2);
    }

    @Test
    void bundledScenariosLoad() {
        for (String name : ScenarioLoader.BUNDLED) {
            assertThat(ScenarioLoader.bundled(name)).as(name).isNotNull();
        }
        Scenario small = ScenarioLoader.bundled("small");
        assertThat(small.network().aps()).isEqualTo(2);
        assertThat(small.network().users()).isEqualTo(6);
        assertThat(small.radio().carrierHz()).isEqualTo(0.3e12); // untouched keys keep their defaults
        Scenario fig4 = ScenarioLoader.bundled("fig4");
        assertThat(fig4.network().users()).isEqualTo(24);
        assertThat(fig4.network().antennas()).isEqualTo(64);
        assertThat(fig4.network().rises()).isEqualTo(2);
        assertThat(ScenarioLoader.bundled("fig7").deployment().rises()).hasSize(4);
        assertThatThrownBy(() -> ScenarioLoader.bundled("fig9")).hasMessageContaining("unknown bundled scenario 'fig9'");
    }

    @Test
    void layersMergeMappingsAndReplaceListsAndScalars(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("mine.yaml");
        Files.writeString(yaml, """
                network:
                  aps: 2
                geometry:
                  apPositions: [{x: 1, y: 1, z: 3}, {x: 7, y: 4, z: 2.5}]
                """);
        Path json = dir.resolve("more.json");
        Files.writeString(json, "{\"traffic\": {\"iot\": {\"arrivalMeanGbit\": 0.5}}}");
        Scenario s = ScenarioLoader.builder().bundled("small").file(yaml).file(json)
                .set("network.antennas", "16").build();
        assertThat(s.network().aps()).isEqualTo(2);
        assertThat(s.network().antennas()).isEqualTo(16);
        assertThat(s.network().rfChains()).isEqualTo(2); // from small
        assertThat(s.traffic().iot().arrivalMeanGbit()).isEqualTo(0.5);
        assertThat(s.traffic().iot().queueMaxGbit()).isEqualTo(10); // sibling keys kept
        Deployment d = s.deployment();
        assertThat(d.aps()).containsExactly(new Vec3(1, 1, 3), new Vec3(7, 4, 2.5));
        Scenario back = ScenarioLoader.builder().file(yaml).set("geometry.apPositions", "null")
                .set("network.aps", "3").build();
        assertThat(back.geometry().apPositions()).isNull();
    }

    @Test
    void eachValidationRuleIsNamedWithItsField() {
        assertProblem("network: {antennas: 62}", "network.antennas=62 is not a multiple of network.rfChains=4");
        assertProblem("network: {seUsersPerAp: 3}", "network.rfChains=4 must equal network.seUsersPerAp=3");
        assertProblem("geometry: {apPositions: [{x: 1, y: 1, z: 3}, {x: 9.0, y: 1, z: 3}, {x: 5, y: 1, z: 3}]}",
                "geometry.apPositions[1].x=9.0 is outside the room (0..8 m)");
        assertProblem("geometry: {apPositions: [{x: 1, y: 1, z: 3}]}",
                "geometry.apPositions has 1 entries but network.aps=3");
        assertProblem("geometry: {apPositions: [{x: 1, y: 1, z: 0.5}, {x: 2, y: 1, z: 3}, {x: 5, y: 1, z: 3}]}",
                "geometry.apPositions[0].z=0.5 must be above geometry.userHeightM=1.0");
        assertProblem("power: {pmaxW: -1.0}", "power.pmaxW=-1.0 must be > 0");
        assertProblem("power: {ppsW: -0.1}", "power.ppsW=-0.1 must be >= 0");
        assertProblem("power: {amplifierEfficiency: 1.5}", "power.amplifierEfficiency=1.5 must be in (0, 1]");
        assertProblem("network: {risBits: 5}", "network.risBits=5 must be in 1..4");
        assertProblem("network: {rises: 3}", "network.rises=3 has no default placement");
        assertProblem("network: {rises: 1}\ngeometry: {risPositions: [{x: 4, y: 2, z: 2}]}",
                "geometry.risPositions[0]=(4.0, 2.0, 2.0) is on no side wall");
        assertProblem("geometry: {risHeightM: 3.5}", "geometry.risHeightM=3.5 must be above geometry.userHeightM=1.0 "
                + "and at most geometry.room.heightM=3.0");
        assertProblem("geometry: {userHeightM: 3.0}", "geometry.userHeightM=3.0 must be below geometry.room.heightM=3.0");
        assertProblem("radio: {nlosPaths: 5}", "radio.nlosPaths=5 must be in 0..4");
        assertProblem("radio: {wallIndexImag: 0.1}", "radio.wallIndexImag=0.1 must be <= 0");
        assertProblem("traffic: {se: {outageLimit: 0}}", "traffic.se.outageLimit=0.0 must be in (0, 1]");
        assertProblem("traffic: {iot: {arrivalMeanGbit: 1000}}", "traffic.iot.arrivalMeanGbit=1000.0 must be <= 700");
        assertProblem("slotsPerEpisode: 0", "slotsPerEpisode=0 must be >= 1");
        assertProblem("network: {neighbourRadiusM: -2}", "network.neighbourRadiusM=-2.0 must be > 0");
        assertProblem("reward: {nu: -1}", "reward.nu=-1.0 must be >= 0");
    }

    @Test
    void badKeysTypesAndSyntaxAreNamed() {
        assertProblem("network: {antenas: 64}", "unknown key network.antenas in test.yaml (known keys of network: aps, rises, antennas");
        assertProblem("netwrk: {}", "unknown key netwrk in test.yaml");
        assertProblem("network: {antennas: 64.5}", "network.antennas=64.5 must be an integer");
        assertProblem("network: {antennas: '64'}", "network.antennas=\"64\" must be an integer");
        assertProblem("network: {clustering: kmeans}", "network.clustering=\"kmeans\" must be one of [QOS, CSI]");
        assertProblem("network: {antennas: null}", "network.antennas in test.yaml is null; it needs a value (default 64)");
        assertProblem("network: 3", "network in test.yaml must be a mapping");
        assertProblem("radio: {carrierHz: 1e999}", "radio.carrierHz=Infinity must be a finite number");
        assertProblem("seed: 1\nseed: 2", "Duplicate field 'seed'");
        assertProblem("geometry: {apPositions: [{x: 1, y: 1, z: 3, w: 0}]}\nnetwork: {aps: 1}",
                "unknown key geometry.apPositions[0].w");
        assertProblem("- a\n- b", "the top level must be a mapping");
        // several problems are all reported at once
        assertThatThrownBy(() -> ScenarioLoader.builder().yaml("network: {antenas: 1, risBits: 9}\npower: {pmaxW: 0}",
                "test.yaml").build())
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).hasSize(3));
        assertThat(ScenarioLoader.builder().yaml("network: {clustering: csi}", "t").build().network().clustering())
                .isEqualTo(Clustering.CSI);
        assertThat(ScenarioLoader.builder().yaml("", "empty").build()).isEqualTo(ScenarioLoader.defaults());
    }

    private static void assertProblem(String yaml, String expected) {
        assertThatThrownBy(() -> ScenarioLoader.builder().yaml(yaml, "test.yaml").build())
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(expected);
    }
}

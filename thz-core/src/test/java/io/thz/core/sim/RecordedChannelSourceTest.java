package io.thz.core.sim;

import io.thz.core.channel.ChannelStreamException;
import io.thz.core.channel.ChannelStreamFile;
import io.thz.core.channel.ChannelStreamWriter;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedChannelSourceTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");
    private static final int T = 10;

    @TempDir
    Path dir;

    @Test
    void replaysTheSimulatorsSlotsAndBootstrapSlotsBitForBitInAnyEpisodeOrder() throws IOException {
        Path file = TestRecordings.record(SMALL, 21, 0, 3, 0, dir.resolve("three.thzc"));
        NetworkSimulator sim = new NetworkSimulator(SMALL, 21);
        try (RecordedChannelSource replay = RecordedChannelSource.open(file, SMALL)) {
            assertThat(replay.episodes()).isEqualTo(3);
            assertThat(replay.seed()).isEqualTo(21);
            assertThat(replay.seedRecorded()).isTrue();
            assertThat(replay.playableSlots()).isEqualTo(30);
            assertThat(replay.skipped()).isNull();
            assertThat(replay.summary()).contains("3 episodes (0..2) of T = 10 slots, seed 21");
            for (long e : new long[] {2, 0, 1}) {
                replay.seekEpisode(e);
                sim.seekEpisode(e);
                for (int s = 0; s < T; s++) {
                    assertSameSlot(replay.next(), sim.next());
                }
                assertThatThrownBy(replay::next).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("episode " + e).hasMessageContaining("all handed out");
                NetworkSlot bootstrap = replay.bootstrap();
                assertThat(bootstrap.slotInEpisode()).isEqualTo(T);
                assertThat(bootstrap.slot()).isEqualTo(e * T + T);
                assertSameSlot(bootstrap, sim.bootstrap());
            }
            replay.seekEpisode(1);
            replay.next();
            assertThatThrownBy(replay::bootstrap).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("follows an episode's last slot");
            assertThatThrownBy(() -> replay.seekEpisode(3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("episode=3 is not in the recording").hasMessageContaining("episodes 0, 1, 2");
        }
    }

    @Test
    void episodesAreAddressedByTheirRecordedNumbersAndATrailingPartialEpisodeIsSkipped() throws IOException {
        Path file = TestRecordings.record(SMALL, 4, 7, 2, 3, dir.resolve("later.thzc"));
        try (RecordedChannelSource replay = RecordedChannelSource.open(file, SMALL)) {
            assertThat(replay.episodes()).isEqualTo(2);
            assertThat(replay.episode(0)).isEqualTo(7);
            assertThat(replay.episode(1)).isEqualTo(8);
            assertThat(replay.positionOf(8)).isEqualTo(1);
            long partialAt = 96 + 22L * replay.shape().recordBytes();
            assertThat(replay.skipped()).isEqualTo("the last 3 records (slots 0..2 of episode 9, from byte offset "
                    + partialAt + ") are an incomplete episode (T = 10 slots and a bootstrap record); they are not "
                    + "replayed");
            replay.seekEpisode(8);
            assertThat(replay.next().slot()).isEqualTo(80);
        }
        Path none = TestRecordings.record(SMALL, 4, 0, 0, 4, dir.resolve("none.thzc"));
        assertThatThrownBy(() -> RecordedChannelSource.open(none, SMALL)).isInstanceOf(ChannelStreamException.class)
                .hasMessageContaining("holds no complete episode").hasMessageContaining("in its 4 records");
    }

    @Test
    void aRecordingOfAnotherNetworkIsRefusedNamingEveryDifference() {
        Path file = TestRecordings.record(SMALL, 4, 0, 1, 0, dir.resolve("small.thzc"));
        Scenario longer = ScenarioLoader.builder().bundled("small").set("slotsPerEpisode", "20")
                .set("network.iotUsersPerAp", "2").build();
        assertThatThrownBy(() -> RecordedChannelSource.open(file, longer))
                .isInstanceOfSatisfying(RecordingMismatchException.class, e -> assertThat(e.differences()).containsExactly(
                        "K (users): the recording 6, the scenario 8",
                        "T (slots per episode): the recording 10, the scenario 20",
                        "users per AP/type: the recording AP 0: 2 SE + 1 IoT; AP 1: 2 SE + 1 IoT, the scenario AP 0: "
                                + "2 SE + 2 IoT; AP 1: 2 SE + 2 IoT"))
                .hasMessageStartingWith(file + " was recorded for another network than the scenario: K (users)");
        Scenario sameShape = ScenarioLoader.builder().bundled("small").set("radio.carrierHz", "2.0e11").build();
        assertThat(catching(() -> RecordedChannelSource.open(file, sameShape).close()))
                .as("physics beyond the shape is the recording's business").isNull();
        assertThatThrownBy(() -> RecordedChannelSource.open(dir.resolve("missing.thzc"), SMALL))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aBrokenEpisodeStructureIsRefusedNamingTheRecordsOffset() throws IOException {
        // episode 0 with slot 4 missing: the record after slot 3 is slot 5
        Path file = dir.resolve("gap.thzc");
        NetworkSimulator sim = new NetworkSimulator(SMALL, 3);
        try (OutputStream out = Files.newOutputStream(file);
             ChannelStreamWriter w = new ChannelStreamWriter(out, ChannelRecorder.streamShape(SMALL), OptionalLong.of(3))) {
            for (int s = 0; s < T; s++) {
                NetworkSlot slot = sim.next();
                if (s != 4) {
                    w.write(ChannelRecorder.toRecord(slot, T));
                }
            }
            w.write(ChannelRecorder.toRecord(sim.bootstrap(), T));
        }
        long record = ChannelRecorder.streamShape(SMALL).recordBytes();
        assertThatThrownBy(() -> RecordedChannelSource.open(file, SMALL))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isEqualTo(96 + 4 * record))
                .hasMessageContaining("broken episode structure: record 4 at byte offset " + (96 + 4 * record)
                        + " is slot 5 (slot 5 of episode 0), expected slot 4 (slot 4 of episode 0)");
    }

    @Test
    void aRepeatedEpisodeOrAFlippedKeyBitIsNamedForWhatItIs() throws IOException {
        Path twice = dir.resolve("twice.thzc");
        NetworkSimulator sim = new NetworkSimulator(SMALL, 3);
        long record = ChannelRecorder.streamShape(SMALL).recordBytes();
        try (OutputStream out = Files.newOutputStream(twice);
             ChannelStreamWriter w = new ChannelStreamWriter(out, ChannelRecorder.streamShape(SMALL), OptionalLong.of(3))) {
            for (int copy = 0; copy < 2; copy++) {
                sim.seekEpisode(0);
                for (int s = 0; s < T; s++) {
                    w.write(ChannelRecorder.toRecord(sim.next(), T));
                }
                w.write(ChannelRecorder.toRecord(sim.bootstrap(), T));
            }
        }
        assertThatThrownBy(() -> RecordedChannelSource.open(twice, SMALL))
                .hasMessageContaining("episode 0 is recorded twice: at byte offsets 96 and " + (96 + 11 * record));

        Path flipped = TestRecordings.record(SMALL, 3, 0, 1, 0, dir.resolve("flipped.thzc"));
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[(int) (96 + 3 * record + 15)] ^= 0x01; // episode 0 -> 1 in record 3's key
        Files.write(flipped, bytes);
        assertThatThrownBy(() -> RecordedChannelSource.open(flipped, SMALL))
                .isInstanceOfSatisfying(ChannelStreamException.class,
                        e -> assertThat(e.byteOffset()).isEqualTo(96 + 4 * record - 4))
                .hasMessageContaining("corrupt record 3 at byte offset " + (96 + 3 * record) + ": CRC32");
    }

    @Test
    void aCorruptChannelValueSurfacesWhenItsSlotIsPlayedNamingTheOffset() throws IOException {
        Path file = TestRecordings.record(SMALL, 3, 0, 1, 0, dir.resolve("bad.thzc"));
        long record = ChannelRecorder.streamShape(SMALL).recordBytes();
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) (96 + 2 * record + 1000)] ^= 0x40;
        Files.write(file, bytes);
        try (RecordedChannelSource replay = RecordedChannelSource.open(file, SMALL)) {
            replay.seekEpisode(0);
            replay.next();
            replay.next();
            assertThatThrownBy(replay::next).isInstanceOfSatisfying(ChannelStreamException.class,
                    e -> assertThat(e.byteOffset()).isEqualTo(96 + 3 * record - 4))
                    .hasMessageContaining("corrupt record 2 at byte offset " + (96 + 2 * record));
        }
        try (ChannelStreamFile f = ChannelStreamFile.open(file)) {
            assertThat(f.records()).isEqualTo(11);
            assertThat(f.key(2).slotInEpisode()).as("keys are read without the checksum").isEqualTo(2);
        }
    }

    private static Throwable catching(ThrowingRunnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    static void assertSameSlot(NetworkSlot actual, NetworkSlot expected) {
        assertThat(actual.slot()).isEqualTo(expected.slot());
        assertThat(actual.episode()).isEqualTo(expected.episode());
        assertThat(actual.slotInEpisode()).isEqualTo(expected.slotInEpisode());
        assertThat(actual.lastInEpisode()).isEqualTo(expected.lastInEpisode());
        assertThat(actual.users()).isEqualTo(expected.users());
        assertThat(actual.losDirect()).isDeepEqualTo(expected.losDirect());
        assertThat(actual.losRis()).isDeepEqualTo(expected.losRis());
        assertThat(bits(actual.arrivalsGbit())).containsExactly(bits(expected.arrivalsGbit()));
        for (List<ZMatrixRMaj[][]> pair : List.of(List.of(actual.channels().direct(), expected.channels().direct()),
                List.of(actual.channels().risUser(), expected.channels().risUser()),
                List.of(actual.channels().apRis(), expected.channels().apRis()))) {
            ZMatrixRMaj[][] a = pair.get(0);
            ZMatrixRMaj[][] b = pair.get(1);
            assertThat(a.length).isEqualTo(b.length);
            for (int i = 0; i < a.length; i++) {
                for (int k = 0; k < a[i].length; k++) {
                    assertThat(bits(a[i][k].data)).containsExactly(bits(b[i][k].data));
                }
            }
        }
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }

}

package io.thz.core.channel;

import io.thz.core.geometry.Vec3;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.sim.ChannelRecorder;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.NetworkSlot;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelStreamCodecTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");
    /** small: M = 2, J = 1, K = 6 (per AP 2 SE then 1 IoT), N_A = 8, L = 4, T = 10. */
    private static final ChannelStreamShape SHAPE = ChannelRecorder.streamShape(SMALL);
    /** 48 + 8 K. */
    private static final int HEADER = 96;
    /**
     * key 24 + arrivals 8 x 6 + positions 8 x 3 x 6 + LoS (2 + 1) x 6 + channels 8 x (2x2x6x8 + 2x1x6x4
     * + 2x2x1x(4 + 8)) + CRC 4 = 24 + 48 + 144 + 18 + 8 x 288 + 4.
     */
    private static final int RECORD = 24 + 48 + 144 + 18 + 8 * 288 + 4;

    /** Episode 0 of small with seed 12: slots 0..9 and the bootstrap slot. */
    private static List<ChannelStreamRecord> episode() {
        NetworkSimulator sim = new NetworkSimulator(SMALL, 12);
        List<ChannelStreamRecord> out = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            out.add(ChannelRecorder.toRecord(sim.next(), 10));
        }
        out.add(ChannelRecorder.toRecord(sim.bootstrap(), 10));
        return out;
    }

    private static byte[] encode(ChannelStreamShape shape, OptionalLong seed, List<ChannelStreamRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ChannelStreamWriter w = new ChannelStreamWriter(bytes, shape, seed)) {
            records.forEach(w::write);
            assertThat(w.bytesWritten()).isEqualTo(shape.headerBytes() + records.size() * shape.recordBytes());
        }
        return bytes.toByteArray();
    }

    @Test
    void recordsRoundTripBitForBitWithTrafficEpisodeFlagsAndGeometry() {
        List<ChannelStreamRecord> written = episode();
        byte[] bytes = encode(SHAPE, OptionalLong.of(12), written);
        assertThat(SHAPE.headerBytes()).isEqualTo(HEADER);
        assertThat(SHAPE.recordBytes()).isEqualTo(RECORD);
        assertThat(bytes).hasSize(HEADER + 11 * RECORD);
        // the header as laid out in ChannelStreamFormat
        ByteBuffer h = ByteBuffer.wrap(bytes);
        assertThat(h.getInt(0)).isEqualTo(0x54485A43);
        assertThat(h.getInt(4)).isEqualTo(2);
        assertThat(new int[] {h.getInt(8), h.getInt(12), h.getInt(16), h.getInt(20), h.getInt(24), h.getInt(28)})
                .containsExactly(2, 1, 6, 8, 4, 10);
        assertThat(h.getInt(32)).isEqualTo(1 | 2 | 4);
        assertThat(h.getLong(36)).isEqualTo(12);
        assertThat(new int[] {h.getInt(44), h.getInt(48), h.getInt(52), h.getInt(56), h.getInt(60), h.getInt(64),
                h.getInt(68), h.getInt(72)}).containsExactly(0, 0, 0, 0, 0, 1, 1, 0); // AP 0: SE, SE, IoT; AP 1: SE
        try (ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(bytes))) {
            assertThat(r.shape()).isEqualTo(SHAPE);
            assertThat(r.shape().users()).isEqualTo(SMALL.users());
            assertThat(r.seed()).hasValue(12);
            for (int t = 0; t <= 10; t++) {
                ChannelStreamRecord in = r.next();
                ChannelStreamRecord out = written.get(t);
                assertThat(in.slot()).isEqualTo(t);
                assertThat(in.episode()).isZero();
                assertThat(in.slotInEpisode()).isEqualTo(t);
                assertThat(in.lastInEpisode()).isEqualTo(t == 9);
                assertThat(in.bootstrap()).isEqualTo(t == 10);
                assertSameBits(in.arrivalsGbit(), out.arrivalsGbit());
                assertThat(in.positions()).isEqualTo(out.positions());
                assertThat(in.losDirect()).isDeepEqualTo(out.losDirect());
                assertThat(in.losRis()).isDeepEqualTo(out.losRis());
                assertSameBits(in.channels(), out.channels());
                assertThat(in.channels().apRisFactor(1, 0).row().data)
                        .isEqualTo(out.channels().apRisFactor(1, 0).row().data);
            }
            assertThat(written.get(3).arrivalsGbit()).as("SE users draw Poisson(10) Gbit").matches(a -> a[0] > 0);
            assertThat(written.get(10).arrivalsGbit()).containsOnly(0.0);
            assertThat(r.next()).isNull();
            assertThat(r.recordsRead()).isEqualTo(11);
        }
    }

    @Test
    void unfactoredStreamsWithoutGeometryOrSeedStoreFullMatricesOnly() {
        ChannelStreamRecord f = episode().get(0);
        SlotChannels c = f.channels();
        SlotChannels plain = new SlotChannels(c.antennas(), c.risElements(), c.direct(), c.risUser(), c.apRis());
        ChannelStreamRecord measured = new ChannelStreamRecord(0, 0, 0, false, false, f.arrivalsGbit(), null, null, null,
                plain);
        ChannelStreamShape shape = new ChannelStreamShape(2, 1, 8, 4, 10, SMALL.users(), false, false);
        // full L x N_A AP-RIS matrices: 2 x 2x1x4x8 doubles instead of 2 x 2x1x(4 + 8); no geometry bytes
        assertThat(shape.recordBytes()).isEqualTo(24 + 48 + 8 * (2 * 2 * 6 * 8 + 2 * 6 * 4 + 2 * 2 * 4 * 8) + 4);
        byte[] bytes = encode(shape, OptionalLong.empty(), List.of(measured));
        ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(bytes));
        assertThat(r.shape().factored()).isFalse();
        assertThat(r.seed()).isEmpty();
        ChannelStreamRecord back = r.next();
        assertSameBits(back.channels(), plain);
        assertThat(back.channels().apRisFactors()).isNull();
        assertThat(back.hasGeometry()).isFalse();
        assertThat(back.positions()).isNull();
    }

    @Test
    void truncatedStreamsNameTheRecordAndOffset(@TempDir Path dir) throws IOException {
        byte[] bytes = encode(SHAPE, OptionalLong.of(12), episode().subList(0, 2));
        byte[] cut = Arrays.copyOf(bytes, HEADER + RECORD + 100);
        ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(cut));
        assertThat(r.next()).isNotNull();
        assertThatThrownBy(r::next).isInstanceOfSatisfying(ChannelStreamException.class, e -> {
            assertThat(e).hasMessageContaining("truncated record 1 at byte offset " + (HEADER + RECORD));
            assertThat(e.byteOffset()).isEqualTo(HEADER + RECORD + 100);
        });
        Path file = dir.resolve("cut.thzc");
        Files.write(file, cut);
        assertThatThrownBy(() -> ChannelStreamFile.open(file)).isInstanceOfSatisfying(ChannelStreamException.class,
                e -> {
                    assertThat(e).hasMessageContaining("truncated record 1 at byte offset " + (HEADER + RECORD))
                            .hasMessageContaining("the file ends after 100");
                    assertThat(e.byteOffset()).isEqualTo(HEADER + RECORD + 100);
                });
        // within the fixed header and within the user table
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(Arrays.copyOf(bytes, 20))))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isEqualTo(20))
                .hasMessageContaining("truncated header").hasMessageContaining("byte offset 20");
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(Arrays.copyOf(bytes, 60))))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isEqualTo(60))
                .hasMessageContaining("expected 96 bytes");
    }

    @Test
    void corruptBytesAreCaughtByTheChecksums() {
        byte[] bytes = encode(SHAPE, OptionalLong.of(12), episode().subList(0, 2));
        byte[] record = bytes.clone();
        record[HEADER + RECORD + 500] ^= 0x01;
        ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(record));
        r.next();
        assertThatThrownBy(r::next).isInstanceOfSatisfying(ChannelStreamException.class, e -> {
            assertThat(e).hasMessageContaining("corrupt record 1 at byte offset " + (HEADER + RECORD));
            assertThat(e.byteOffset()).isEqualTo(HEADER + 2L * RECORD - 4);
        });
        byte[] header = bytes.clone();
        header[40] ^= 0x10; // the seed
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(header)))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isEqualTo(92))
                .hasMessageContaining("corrupt header: CRC32").hasMessageContaining("byte offset 92");
    }

    @Test
    void otherVersionsAndForeignHeadersAreRefusedWithTheirOffset() {
        byte[] bytes = encode(SHAPE, OptionalLong.of(12), episode().subList(0, 1));
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(magic)))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isZero())
                .hasMessageContaining("not a channel stream").hasMessageContaining("byte offset 0");
        // a version-1 stream: 32-byte header (magic, version, M, J, K, N_A, L, flags), no traffic or user table
        ByteBuffer v1 = ByteBuffer.allocate(32).putInt(0x54485A43).putInt(1).putInt(2).putInt(1).putInt(6).putInt(8)
                .putInt(4).putInt(1);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(v1.array())))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isEqualTo(4))
                .hasMessageContaining("format version 1 at byte offset 4 is no longer read")
                .hasMessageContaining("reads version 2");
        byte[] version = bytes.clone();
        ByteBuffer.wrap(version).putInt(4, 7);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(version)))
                .hasMessageContaining("unsupported channel-stream format version 7 at byte offset 4");
        byte[] users = bytes.clone();
        ByteBuffer.wrap(users).putInt(16, -3);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(users)))
                .hasMessageContaining("users=-3 at byte offset 16");
        byte[] episodeLength = bytes.clone();
        ByteBuffer.wrap(episodeLength).putInt(28, 0);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(episodeLength)))
                .hasMessageContaining("slotsPerEpisode=0 at byte offset 28");
        byte[] flags = bytes.clone();
        ByteBuffer.wrap(flags).putInt(32, 8 | 1);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(flags)))
                .hasMessageContaining("unknown flags 0x00000009 at byte offset 32");
        // a user served by AP 5 of 2, with a valid header checksum: the entry's offset is named
        byte[] table = bytes.clone();
        ByteBuffer.wrap(table).putInt(44 + 8 * 4, 5);
        rewriteHeaderCrc(table);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(table)))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isEqualTo(76))
                .hasMessageContaining("user 4 served by AP 5 at byte offset 76, outside 0..1");
    }

    @Test
    void inconsistentRecordKeysAreRefusedWithTheirOffset() {
        byte[] bytes = encode(SHAPE, OptionalLong.of(12), episode().subList(0, 1));
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(HEADER + 20, 1); // LAST_IN_EPISODE on slot 0 of 10
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER, RECORD - 4);
        b.putInt(HEADER + RECORD - 4, (int) crc.getValue());
        ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(bytes));
        assertThatThrownBy(r::next).isInstanceOfSatisfying(ChannelStreamException.class,
                e -> assertThat(e.byteOffset()).isEqualTo(HEADER + 20))
                .hasMessageContaining("corrupt record 0: flags 0x00000001 do not fit slot 0 of an episode of T = 10");
    }

    @Test
    void shapeDifferencesNameEachQuantityAndBothValues() {
        Scenario wider = ScenarioLoader.builder().bundled("small").set("network.aps", "3").set("slotsPerEpisode", "20")
                .build();
        List<String> d = SHAPE.differencesFrom(ChannelRecorder.streamShape(wider), "the recording", "the scenario");
        assertThat(d).containsExactly("M (APs): the recording 2, the scenario 3",
                "K (users): the recording 6, the scenario 9",
                "T (slots per episode): the recording 10, the scenario 20",
                "users per AP/type: the recording AP 0: 2 SE + 1 IoT; AP 1: 2 SE + 1 IoT, the scenario AP 0: 2 SE + "
                        + "1 IoT; AP 1: 2 SE + 1 IoT; AP 2: 2 SE + 1 IoT");
        List<User> swapped = new ArrayList<>(SMALL.users());
        swapped.set(1, new User(0, UserType.IOT));
        swapped.set(2, new User(0, UserType.SE));
        ChannelStreamShape reordered = new ChannelStreamShape(2, 1, 8, 4, 10, swapped, true, true);
        assertThat(reordered.differencesFrom(SHAPE, "the recording", "the scenario"))
                .containsExactly("user order: user 1 is AP 0 IoT in the recording, AP 0 SE in the scenario");
        assertThat(new ChannelStreamShape(2, 1, 8, 4, 10, SMALL.users(), false, false)
                .differencesFrom(SHAPE, "a", "b")).as("storage flags are not the network").isEmpty();
    }

    @Test
    void writerRefusesRecordsThatDoNotFitItsShape() {
        List<ChannelStreamRecord> e = episode();
        ChannelStreamWriter w = new ChannelStreamWriter(new ByteArrayOutputStream(), SHAPE, OptionalLong.empty());
        ChannelStreamRecord first = e.get(0);
        assertThatThrownBy(() -> w.write(new ChannelStreamRecord(0, 0, 0, true, false, first.arrivalsGbit(),
                first.positions(), first.losDirect(), first.losRis(), first.channels())))
                .hasMessageContaining("slot 0 of an episode of T = 10 with lastInEpisode=true");
        assertThatThrownBy(() -> w.write(new ChannelStreamRecord(10, 0, 10, false, true, first.arrivalsGbit(),
                first.positions(), first.losDirect(), first.losRis(), first.channels())))
                .hasMessageContaining("must be 0 in a bootstrap slot");
        assertThatThrownBy(() -> w.write(new ChannelStreamRecord(0, 0, 0, false, false, first.arrivalsGbit(), null,
                null, null, first.channels()))).hasMessageContaining("the stream carries geometry");
        ChannelStreamShape moreUsers = new ChannelStreamShape(2, 1, 8, 4, 10,
                ChannelRecorder.streamShape(ScenarioLoader.builder().bundled("small").set("network.iotUsersPerAp", "2")
                        .build()).users(), true, true);
        ChannelStreamWriter other = new ChannelStreamWriter(new ByteArrayOutputStream(), moreUsers, OptionalLong.empty());
        assertThatThrownBy(() -> other.write(first)).hasMessageContaining("slot 0 has channels of M=2, J=1, K=6");
        List<Vec3> away = new ArrayList<>(first.positions());
        away.set(0, new Vec3(Double.POSITIVE_INFINITY, 0, 1));
        assertThatThrownBy(() -> w.write(new ChannelStreamRecord(0, 0, 0, false, false, first.arrivalsGbit(), away,
                first.losDirect(), first.losRis(), first.channels()))).hasMessageContaining("positions[0]=")
                .hasMessageContaining("is not finite");
        first.channels().direct()[1][3].data[5] = Double.NaN;
        assertThatThrownBy(() -> w.write(first)).hasMessageContaining("direct[1][3] holds a non-finite value NaN");
        first.arrivalsGbit()[2] = -1;
        assertThatThrownBy(() -> w.write(first)).hasMessageContaining("arrivalsGbit[2]=-1.0");
        assertThat(w.recordsWritten()).as("nothing refused was counted").isZero();
    }

    private static void rewriteHeaderCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, HEADER - 4);
        ByteBuffer.wrap(bytes).putInt(HEADER - 4, (int) crc.getValue());
    }

    static void assertSameBits(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    static void assertSameBits(SlotChannels actual, SlotChannels expected) {
        assertSameBits(actual.direct(), expected.direct());
        assertSameBits(actual.risUser(), expected.risUser());
        assertSameBits(actual.apRis(), expected.apRis());
    }

    private static void assertSameBits(ZMatrixRMaj[][] actual, ZMatrixRMaj[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int a = 0; a < actual.length; a++) {
            for (int b = 0; b < actual[a].length; b++) {
                ZMatrixRMaj x = actual[a][b];
                ZMatrixRMaj y = expected[a][b];
                assertThat(x.numRows).isEqualTo(y.numRows);
                assertThat(x.numCols).isEqualTo(y.numCols);
                assertSameBits(Arrays.copyOf(x.data, 2 * x.getNumElements()), Arrays.copyOf(y.data, 2 * y.getNumElements()));
            }
        }
    }
}

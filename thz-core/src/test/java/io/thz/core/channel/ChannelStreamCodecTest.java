package io.thz.core.channel;

import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.NetworkSlot;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelStreamCodecTest {

    private static List<NetworkSlot> slots(int n) {
        NetworkSimulator sim = new NetworkSimulator(ScenarioLoader.bundled("small"), 12);
        List<NetworkSlot> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add(sim.next());
        }
        return out;
    }

    private static byte[] encode(List<SlotChannels> channels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ChannelStreamWriter w = new ChannelStreamWriter(bytes, ChannelStreamShape.of(channels.get(0)))) {
            for (int t = 0; t < channels.size(); t++) {
                w.write(100 + t, channels.get(t));
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void factoredStreamRoundTripsBitForBit() {
        List<SlotChannels> written = slots(5).stream().map(NetworkSlot::channels).toList();
        byte[] bytes = encode(written);
        ChannelStreamShape shape = ChannelStreamShape.of(written.get(0));
        assertThat(shape).isEqualTo(new ChannelStreamShape(2, 1, 6, 8, 4, true));
        // 8 + 8 x (2 x 2x6x8 + 2 x 1x6x4 + 2 x 2x1x(4 + 8)) + 4 = 8 + 8 x 288 + 4
        assertThat(shape.recordBytes()).isEqualTo(8 + 8 * 288 + 4);
        assertThat(bytes).hasSize(ChannelStreamFormat.HEADER_BYTES + 5 * (int) shape.recordBytes());
        try (ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(bytes))) {
            assertThat(r.shape()).isEqualTo(shape);
            for (int t = 0; t < 5; t++) {
                ChannelStreamRecord rec = r.next();
                assertThat(rec.slot()).isEqualTo(100 + t);
                assertSameBits(rec.channels(), written.get(t));
                assertThat(rec.channels().apRisFactor(1, 0).row().data)
                        .isEqualTo(written.get(t).apRisFactor(1, 0).row().data);
            }
            assertThat(r.next()).isNull();
            assertThat(r.recordsRead()).isEqualTo(5);
        }
    }

    @Test
    void unfactoredStreamStoresFullMatrices() {
        SlotChannels f = slots(1).get(0).channels();
        SlotChannels plain = new SlotChannels(f.antennas(), f.risElements(), f.direct(), f.risUser(), f.apRis());
        byte[] bytes = encode(List.of(plain));
        ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(bytes));
        assertThat(r.shape().factored()).isFalse();
        SlotChannels back = r.next().channels();
        assertSameBits(back, plain);
        assertThat(back.apRisFactors()).isNull();
    }

    @Test
    void truncatedStreamNamesTheRecordAndOffset() {
        byte[] bytes = encode(slots(2).stream().map(NetworkSlot::channels).toList());
        int record = (int) new ChannelStreamShape(2, 1, 6, 8, 4, true).recordBytes();
        byte[] cut = Arrays.copyOf(bytes, 32 + record + 100);
        ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(cut));
        assertThat(r.next()).isNotNull();
        assertThatThrownBy(r::next).isInstanceOfSatisfying(ChannelStreamException.class, e -> {
            assertThat(e).hasMessageContaining("truncated record 1 at byte offset " + (32 + record));
            assertThat(e.byteOffset()).isEqualTo(32 + record + 100);
        });
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(Arrays.copyOf(bytes, 20))))
                .isInstanceOf(ChannelStreamException.class).hasMessageContaining("truncated header");
    }

    @Test
    void corruptBytesAreCaughtByTheChecksum() {
        byte[] bytes = encode(slots(2).stream().map(NetworkSlot::channels).toList());
        int record = (int) new ChannelStreamShape(2, 1, 6, 8, 4, true).recordBytes();
        bytes[32 + record + 500] ^= 0x01;
        ChannelStreamReader r = new ChannelStreamReader(new ByteArrayInputStream(bytes));
        r.next();
        assertThatThrownBy(r::next).isInstanceOfSatisfying(ChannelStreamException.class, e -> {
            assertThat(e).hasMessageContaining("corrupt record 1 at byte offset " + (32 + record));
            assertThat(e.byteOffset()).isEqualTo(32 + 2L * record - 4);
        });
    }

    @Test
    void foreignHeadersAreRefusedWithTheirOffset() {
        byte[] bytes = encode(slots(1).stream().map(NetworkSlot::channels).toList());
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(magic)))
                .isInstanceOfSatisfying(ChannelStreamException.class, e -> assertThat(e.byteOffset()).isZero())
                .hasMessageContaining("not a channel stream").hasMessageContaining("byte offset 0");
        byte[] version = bytes.clone();
        ByteBuffer.wrap(version).putInt(4, 7);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(version)))
                .hasMessageContaining("unsupported channel-stream format version 7 at byte offset 4");
        byte[] shape = bytes.clone();
        ByteBuffer.wrap(shape).putInt(16, -3);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(shape)))
                .hasMessageContaining("users=-3 at byte offset 16");
        byte[] flags = bytes.clone();
        ByteBuffer.wrap(flags).putInt(28, 6);
        assertThatThrownBy(() -> new ChannelStreamReader(new ByteArrayInputStream(flags)))
                .hasMessageContaining("unknown flags 0x00000006 at byte offset 28");
    }

    @Test
    void writerRefusesOtherShapesAndNonFiniteValues() {
        List<NetworkSlot> s = slots(1);
        SlotChannels ch = s.get(0).channels();
        ChannelStreamWriter w = new ChannelStreamWriter(new ByteArrayOutputStream(),
                new ChannelStreamShape(2, 1, 7, 8, 4, true));
        assertThatThrownBy(() -> w.write(0, ch)).hasMessageContaining("slot 0 has shape");
        ChannelStreamWriter ok = new ChannelStreamWriter(new ByteArrayOutputStream(), ChannelStreamShape.of(ch));
        ch.direct()[1][3].data[5] = Double.NaN;
        assertThatThrownBy(() -> ok.write(0, ch)).hasMessageContaining("direct[1][3] holds a non-finite value NaN");
    }

    private static void assertSameBits(SlotChannels actual, SlotChannels expected) {
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
                for (int i = 0; i < 2 * x.getNumElements(); i++) {
                    assertThat(Double.doubleToRawLongBits(x.data[i])).isEqualTo(Double.doubleToRawLongBits(y.data[i]));
                }
            }
        }
    }
}

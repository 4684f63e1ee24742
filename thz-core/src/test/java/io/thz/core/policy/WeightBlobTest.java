package io.thz.core.policy;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightBlobTest {

    static PolicyShape shape() {
        return new PolicyShape("ge-vdac", ActorInput.GRAPH_EMBEDDED, true, 3, 2, 11, 7, 5, 9, 6,
                2, 8, 12, 10, 16, 4, 3, 3);
    }

    static WeightBlob blob(PolicyShape shape) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        int counter = 0;
        for (Map.Entry<String, int[]> e : shape.tensorShapes().entrySet()) {
            int size = Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            float[] data = new float[size];
            for (int i = 0; i < size; i++) {
                data[i] = (counter++ % 97) / 97f - 0.5f;
            }
            tensors.put(e.getKey(), new Tensor(e.getKey(), e.getValue(), data));
        }
        return new WeightBlob(12, shape, tensors);
    }

    @Test
    void roundTripKeepsEveryValue() {
        WeightBlob blob = blob(shape());
        WeightBlob back = WeightBlob.fromBytes(blob.toBytes());
        assertThat(back.shape()).isEqualTo(blob.shape());
        assertThat(back.policyVersion()).isEqualTo(12);
        assertThat(back.tensors()).isEqualTo(blob.tensors());
    }

    @Test
    void tensorListFollowsTableTwo() {
        Map<String, int[]> shapes = shape().tensorShapes();
        // layer 0 AP-RIS psi: input z^(0) of an AP (11) + edge feature (9), S_psi = 12 hidden
        assertThat(shapes.get("gnn.0.edge.apRis.fc0.weight")).containsExactly(12, 20);
        assertThat(shapes.get("gnn.0.edge.apRis.fc1.weight")).containsExactly(8, 12);
        // layer 1 RIS Psi: z^(1) (S_Z = 10) + mean embedding (S_E = 8)
        assertThat(shapes.get("gnn.1.node.ris.fc0.weight")).containsExactly(12, 18);
        // actor input (41): o_i (11) + z^(N) (10), FC to S_GRU = 16, GRU gates 3*16
        assertThat(shapes.get("agent.ap.fc1.weight")).containsExactly(16, 21);
        assertThat(shapes.get("agent.ap.gru.i2h.weight")).containsExactly(48, 16);
        assertThat(shapes.get("agent.ris.head.weight")).containsExactly(9, 16); // L=3 elements x 3 choices
        assertThat(shapes.get("agent.ap.logStd")).containsExactly(4);
        assertThat(shapes).doesNotContainKey("agent.ris.logStd");
    }

    @Test
    void corruptByteIsCaughtByTheChecksum() {
        byte[] bytes = blob(shape()).toBytes();
        bytes[200] ^= 0x10;
        assertThatThrownBy(() -> WeightBlob.fromBytes(bytes))
                .isInstanceOf(WeightBlobException.class)
                .hasMessageContaining("checksum at offset " + (bytes.length - 8))
                .hasMessageContaining("stored crc32");
    }

    @Test
    void badMagicAndVersionAreNamed() {
        byte[] bytes = blob(shape()).toBytes();
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> WeightBlob.fromBytes(magic)).hasMessageContaining("magic at offset 0");
        byte[] version = bytes.clone();
        version[7] = 9;
        assertThatThrownBy(() -> WeightBlob.fromBytes(version))
                .hasMessageContaining("formatVersion at offset 4").hasMessageContaining("version 9");
        assertThatThrownBy(() -> WeightBlob.fromBytes(new byte[5])).hasMessageContaining("too short");
    }

    @Test
    void wrongTensorDimsAreNamedWithTheirOffset() {
        // rewrite the first tensor's first dim and fix the checksum so that parsing reaches it
        byte[] bytes = blob(shape()).toBytes();
        int nameAt = indexOf(bytes, "gnn.0.edge.apAp.fc0.weight");
        int dimsAt = nameAt + "gnn.0.edge.apAp.fc0.weight".length() + 4; // after the rank
        ByteBuffer.wrap(bytes).putInt(dimsAt, 13);
        resign(bytes);
        assertThatThrownBy(() -> WeightBlob.fromBytes(bytes))
                .isInstanceOf(WeightBlobException.class)
                .hasMessageContaining("tensor 'gnn.0.edge.apAp.fc0.weight'.dims at offset " + dimsAt)
                .hasMessageContaining("[13, 16]").hasMessageContaining("[12, 16]");
    }

    @Test
    void truncatedBlobNamesWhatWasBeingRead() {
        byte[] full = blob(shape()).toBytes();
        byte[] cut = Arrays.copyOf(full, 1000); // inside the first tensor's data
        resign(cut);
        assertThatThrownBy(() -> WeightBlob.fromBytes(cut))
                .isInstanceOf(WeightBlobException.class)
                .hasMessageMatching("weight blob: tensor .* at offset \\d+: needs \\d+ bytes.*");
    }

    @Test
    void nonFiniteWeightIsRefused() {
        byte[] bytes = blob(shape()).toBytes();
        int nameAt = indexOf(bytes, "gnn.0.edge.apAp.fc0.weight");
        int dataAt = nameAt + "gnn.0.edge.apAp.fc0.weight".length() + 4 + 8;
        ByteBuffer.wrap(bytes).putFloat(dataAt + 4 * 5, Float.NaN);
        resign(bytes);
        assertThatThrownBy(() -> WeightBlob.fromBytes(bytes))
                .hasMessageContaining("tensor 'gnn.0.edge.apAp.fc0.weight'.data[5] at offset " + (dataAt + 20));
    }

    private static void resign(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
    }

    private static int indexOf(byte[] bytes, String s) {
        byte[] needle = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(s + " not found");
    }
}

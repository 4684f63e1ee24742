package io.thz.core.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireCodecTest {

    private static final ObjectMapper CBOR = new CBORMapper();

    private static ObservationRecord observation() {
        return new ObservationRecord(WireRecord.SCHEMA, "run-1", 7, 0, 7, "ap-1", new float[] {1.5f, -2f},
                List.of(new EdgeFeature("ris-0", "AP_RIS", new float[] {0.25f})), List.of("ap-0", "ris-0"), 123L);
    }

    @Test
    void roundTripKeepsEveryField() {
        ObservationRecord in = observation();
        ObservationRecord out = WireCodec.decode(WireCodec.encode(in), ObservationRecord.class);
        assertThat(out.node()).containsExactly(1.5f, -2f);
        assertThat(out.outEdges()).hasSize(1);
        assertThat(out.outEdges().get(0).features()).containsExactly(0.25f);
        assertThat(out).usingRecursiveComparison().isEqualTo(in);
    }

    @Test
    void floatArraysAreCompact() {
        float[] big = new float[1000];
        ActionRecord a = new ActionRecord(WireRecord.SCHEMA, "r", 1, "ap-0", 3, big, new int[0], -1.0, 0.5);
        // CBOR float32: 5 bytes an entry (a text encoding would need ~3-12)
        assertThat(WireCodec.encode(a).length).isBetween(5000, 5200);
    }

    @Test
    void wrongSchemaVersionIsNamed() throws Exception {
        ObjectNode tree = (ObjectNode) CBOR.readTree(WireCodec.encode(observation()));
        tree.put("schema", 2);
        assertThatThrownBy(() -> WireCodec.decode(CBOR.writeValueAsBytes(tree), ObservationRecord.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("ObservationRecord.schema: version 2 is not the supported version 1");
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        ObjectNode tree = (ObjectNode) CBOR.readTree(WireCodec.encode(observation()));
        tree.put("colour", "blue");
        assertThatThrownBy(() -> WireCodec.decode(CBOR.writeValueAsBytes(tree), ObservationRecord.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void missingFieldIsNamed() throws Exception {
        ObjectNode tree = (ObjectNode) CBOR.readTree(WireCodec.encode(observation()));
        tree.remove("slot");
        assertThatThrownBy(() -> WireCodec.decode(CBOR.writeValueAsBytes(tree), ObservationRecord.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("slot");
    }

    @Test
    void wrongTypeNamesThePath() throws Exception {
        ObjectNode tree = (ObjectNode) CBOR.readTree(WireCodec.encode(observation()));
        ((ObjectNode) tree.withArray("outEdges").get(0)).put("features", "not numbers");
        assertThatThrownBy(() -> WireCodec.decode(CBOR.writeValueAsBytes(tree), ObservationRecord.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("ObservationRecord.outEdges[0].features");
    }

    @Test
    void garbageAndEmptyAreRefused() {
        assertThatThrownBy(() -> WireCodec.decode(new byte[0], ActionRecord.class))
                .hasMessageContaining("empty record");
        assertThatThrownBy(() -> WireCodec.decode("hello, not cbor".getBytes(), ActionRecord.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("ActionRecord");
        byte[] truncated = WireCodec.encode(observation());
        byte[] cut = java.util.Arrays.copyOf(truncated, truncated.length / 2);
        assertThatThrownBy(() -> WireCodec.decode(cut, ObservationRecord.class))
                .isInstanceOf(WireFormatException.class);
    }
}

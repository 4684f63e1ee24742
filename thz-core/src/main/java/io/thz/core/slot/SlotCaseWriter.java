package io.thz.core.slot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.thz.core.channel.SlotChannels;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import org.ejml.data.ZMatrixRMaj;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a slot case in the format of spec section 11, the inverse of {@link SlotCaseReader}
 * (compact JSON; AP-to-RIS matrices are written in full even when known as rank-one factors).
 */
public final class SlotCaseWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SlotCaseWriter() {
    }

    /** The case as compact JSON text. */
    public static String toJson(SlotCase slotCase) {
        StringWriter out = new StringWriter();
        try {
            write(slotCase, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** Writes the case to {@code out} (not closed). */
    public static void write(SlotCase slotCase, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            SlotConfig c = slotCase.config();
            json.writeStartObject();
            json.writeObjectFieldStart("config");
            json.writeNumberField("antennas", c.antennas());
            json.writeNumberField("rfChains", c.rfChains());
            json.writeNumberField("apPhaseBits", c.apPhaseBits());
            json.writeNumberField("risElements", c.risElements());
            json.writeNumberField("risBits", c.risBits());
            json.writeNumberField("bandwidthHz", c.bandwidthHz());
            json.writeNumberField("noiseDbmPerHz", c.noiseDbmPerHz());
            json.writeNumberField("pmaxW", c.pmaxW());
            json.writeNumberField("xi", c.xi());
            json.writeNumberField("pbbW", c.pbbW());
            json.writeNumberField("prfW", c.prfW());
            json.writeNumberField("ppsW", c.ppsW());
            json.writeNumberField("ppaW", c.ppaW());
            json.writeNumberField("pdW", c.pdW());
            json.writeNumberField("pRisPerBitW", c.pRisPerBitW());
            json.writeStringField("clustering", c.clustering().name().toLowerCase(Locale.ROOT));
            json.writeEndObject();

            json.writeArrayFieldStart("users");
            for (User user : slotCase.users()) {
                json.writeStartObject();
                json.writeNumberField("ap", user.ap());
                json.writeStringField("type", user.type().name());
                json.writeEndObject();
            }
            json.writeEndArray();

            SlotChannels channels = slotCase.channels();
            json.writeObjectFieldStart("channels");
            json.writeArrayFieldStart("direct");
            for (ZMatrixRMaj[] perAp : channels.direct()) {
                json.writeStartArray();
                for (ZMatrixRMaj row : perAp) {
                    writeRow(json, row, 0, row.numCols);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("risUser");
            for (ZMatrixRMaj[] perRis : channels.risUser()) {
                json.writeStartArray();
                for (ZMatrixRMaj row : perRis) {
                    writeRow(json, row, 0, row.numCols);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("apRis");
            for (ZMatrixRMaj[] perAp : channels.apRis()) {
                json.writeStartArray();
                for (ZMatrixRMaj matrix : perAp) {
                    json.writeStartArray();
                    for (int l = 0; l < matrix.numRows; l++) {
                        writeRow(json, matrix, l * matrix.numCols, matrix.numCols);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();

            json.writeObjectFieldStart("actions");
            json.writeArrayFieldStart("ris");
            for (RisAction action : slotCase.ris()) {
                json.writeStartObject();
                json.writeArrayFieldStart("on");
                for (boolean on : action.on()) {
                    json.writeNumber(on ? 1 : 0);
                }
                json.writeEndArray();
                json.writeFieldName("phase");
                json.writeArray(action.phase(), 0, action.phase().length);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("powerW");
            json.writeArray(slotCase.powerW(), 0, slotCase.powerW().length);
            json.writeEndObject();
            json.writeEndObject();
        }
        out.flush();
    }

    private static void writeRow(JsonGenerator json, ZMatrixRMaj matrix, int start, int count) throws IOException {
        json.writeStartArray();
        for (int c = 0; c < count; c++) {
            json.writeArray(matrix.data, 2 * (start + c), 2);
        }
        json.writeEndArray();
    }
}

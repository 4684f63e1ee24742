package io.thz.core.slot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.ejml.data.ZMatrixRMaj;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Writes a scored slot as the JSON object of spec section 11: {@code users} (cluster,
 * decodeRank, sinr, rateBpsHz, rateGbps, sicFail), {@code aps} (phaseLevels, W as complex rows
 * [re, im]), powerTotalW, sumRateGbps, eeGbitPerJoule, eeBpsHzPerW.
 */
public final class SlotOutcomeWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SlotOutcomeWriter() {
    }

    /** The outcome as pretty-printed JSON text. */
    public static String toJson(SlotOutcome outcome) {
        StringWriter out = new StringWriter();
        try {
            write(outcome, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** Writes the outcome to {@code out} (not closed). */
    public static void write(SlotOutcome outcome, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeArrayFieldStart("users");
            for (int k = 0; k < outcome.users(); k++) {
                json.writeStartObject();
                json.writeNumberField("cluster", outcome.cluster()[k]);
                json.writeNumberField("decodeRank", outcome.decodeRank()[k]);
                json.writeNumberField("sinr", outcome.sinr()[k]);
                json.writeNumberField("rateBpsHz", outcome.rateBpsHz()[k]);
                json.writeNumberField("rateGbps", outcome.rateGbps()[k]);
                json.writeBooleanField("sicFail", outcome.sicFail()[k]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("aps");
            for (int m = 0; m < outcome.aps(); m++) {
                json.writeStartObject();
                json.writeArrayFieldStart("phaseLevels");
                for (int[] chain : outcome.phaseLevels()[m]) {
                    json.writeArray(chain, 0, chain.length);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("W");
                ZMatrixRMaj w = outcome.precoders()[m];
                for (int r = 0; r < w.numRows; r++) {
                    json.writeStartArray();
                    for (int c = 0; c < w.numCols; c++) {
                        json.writeArray(new double[] {w.getReal(r, c), w.getImag(r, c)}, 0, 2);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("powerTotalW", outcome.powerTotalW());
            json.writeNumberField("sumRateGbps", outcome.sumRateGbps());
            json.writeNumberField("eeGbitPerJoule", outcome.eeGbitPerJoule());
            json.writeNumberField("eeBpsHzPerW", outcome.eeBpsHzPerW());
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }
}

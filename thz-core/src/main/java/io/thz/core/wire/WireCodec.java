package io.thz.core.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import java.io.IOException;

/**
 * The one codec of every record on Kafka: Jackson over CBOR (binary JSON, so float arrays cost
 * 5 bytes an entry, not ~12 as text). Decoding is strict: unknown or missing fields, nulls for
 * numbers, and a schema version other than {@link WireRecord#SCHEMA} are refused with a
 * {@link WireFormatException} naming the field or byte offset. Thread-safe.
 */
public final class WireCodec {

    private static final ObjectMapper MAPPER = CBORMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WireCodec() {
    }

    /** The record's bytes. */
    public static byte[] encode(WireRecord record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + record.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes and checks a record.
     *
     * @throws WireFormatException naming the field or offset when the bytes are not a valid
     *                             {@code type} of this schema version
     */
    public static <T extends WireRecord> T decode(byte[] bytes, Class<T> type) {
        if (bytes == null || bytes.length == 0) {
            throw new WireFormatException("empty record: expected a CBOR-encoded " + type.getSimpleName());
        }
        T record;
        try {
            record = MAPPER.readValue(bytes, type);
        } catch (JsonMappingException e) {
            throw new WireFormatException(describe(type, e), e);
        } catch (IOException e) {
            throw new WireFormatException(type.getSimpleName() + ": not CBOR"
                    + at(e instanceof JsonProcessingException p ? p.getLocation() : null) + ": " + e.getMessage(), e);
        }
        if (record.schema() != WireRecord.SCHEMA) {
            throw new WireFormatException(type.getSimpleName() + ".schema: version " + record.schema()
                    + " is not the supported version " + WireRecord.SCHEMA);
        }
        if (record.runId() == null || record.runId().isBlank()) {
            throw new WireFormatException(type.getSimpleName() + ".runId: missing");
        }
        return record;
    }

    private static String describe(Class<?> type, JsonMappingException e) {
        StringBuilder path = new StringBuilder(type.getSimpleName());
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String why = e.getOriginalMessage();
        int cut = why.indexOf('\n');
        return path + at(e.getLocation()) + ": " + (cut > 0 ? why.substring(0, cut) : why);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getByteOffset() < 0 ? "" : " (byte " + location.getByteOffset() + ")";
    }
}

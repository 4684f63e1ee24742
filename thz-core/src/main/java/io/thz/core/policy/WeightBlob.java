package io.thz.core.policy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The published weights of a policy: what the learner broadcasts and the agents load.
 *
 * <p>Layout (big-endian), format version {@value #FORMAT_VERSION}:
 * <pre>
 *   magic "THZW" | int formatVersion | long policyVersion
 *   str algorithm | str actorInput | byte localCritics | int shapeFieldCount, (str name, int value)*
 *   int tensorCount, (str name | int rank | int dims[rank] | float data[prod(dims)])*
 *   long crc32 of every byte before it
 * </pre>
 * where {@code str} is an int byte length followed by UTF-8 bytes. Reading checks the magic, the
 * version, the checksum, every shape field and that the tensors are exactly those of
 * {@link PolicyShape#tensorShapes()}; any failure names the field and its byte offset.
 *
 * @param policyVersion the learner's update counter when the weights were published
 * @param shape         the network shape
 * @param tensors       every tensor by name, in {@link PolicyShape#tensorShapes()} order
 */
public record WeightBlob(long policyVersion, PolicyShape shape, Map<String, Tensor> tensors) {

    /** The only format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "THZW".getBytes(StandardCharsets.US_ASCII);
    private static final String[] SHAPE_FIELDS = {"aps", "rises", "apNodeDim", "risNodeDim", "apApEdgeDim",
        "apRisEdgeDim", "risApEdgeDim", "layers", "embedding", "mlpHidden", "hidden", "gru", "apActions",
        "risElements", "risChoices"};

    public WeightBlob {
        Map<String, int[]> expected = shape.tensorShapes();
        for (Map.Entry<String, int[]> entry : expected.entrySet()) {
            Tensor t = tensors.get(entry.getKey());
            if (t == null) {
                throw new IllegalArgumentException("tensor '" + entry.getKey() + "' missing");
            }
            if (!Arrays.equals(t.dims(), entry.getValue())) {
                throw new IllegalArgumentException("tensor '" + entry.getKey() + "' has dims "
                        + Arrays.toString(t.dims()) + ", the shape needs " + Arrays.toString(entry.getValue()));
            }
        }
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name)) {
                throw new IllegalArgumentException("tensor '" + name + "' is not part of the network shape");
            }
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            ordered.put(name, tensors.get(name));
        }
        tensors = Collections.unmodifiableMap(ordered);
    }

    /** The tensor of that name (always present: the constructor checked them all). */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor '" + name + "'");
        }
        return t;
    }

    /** The blob's bytes. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeLong(policyVersion);
            writeString(out, shape.algorithm());
            writeString(out, shape.actorInput().key());
            out.writeByte(shape.localCritics() ? 1 : 0);
            int[] values = shapeValues(shape);
            out.writeInt(SHAPE_FIELDS.length);
            for (int i = 0; i < SHAPE_FIELDS.length; i++) {
                writeString(out, SHAPE_FIELDS[i]);
                out.writeInt(values[i]);
            }
            out.writeInt(tensors.size());
            for (Tensor t : tensors.values()) {
                writeString(out, t.name());
                out.writeInt(t.dims().length);
                for (int d : t.dims()) {
                    out.writeInt(d);
                }
                ByteBuffer buffer = ByteBuffer.allocate(4 * t.data().length);
                buffer.asFloatBuffer().put(t.data());
                out.write(buffer.array());
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a blob.
     *
     * @param bytes the blob
     * @return the weights
     * @throws WeightBlobException naming the field and offset of the first problem
     */
    public static WeightBlob fromBytes(byte[] bytes) {
        if (bytes.length < MAGIC.length + 4 + 8) {
            throw new WeightBlobException("header", 0, "blob of " + bytes.length + " bytes is too short");
        }
        Reader in = new Reader(bytes, bytes.length - 8);
        byte[] magic = in.bytes("magic", MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new WeightBlobException("magic", 0, "expected \"THZW\", found "
                    + new String(magic, StandardCharsets.ISO_8859_1).replaceAll("\\p{Cntrl}", "?"));
        }
        int version = in.readInt("formatVersion");
        if (version != FORMAT_VERSION) {
            throw new WeightBlobException("formatVersion", 4, "version " + version + " is not supported (this "
                    + "code reads version " + FORMAT_VERSION + ")");
        }
        long storedCrc = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != storedCrc) {
            throw new WeightBlobException("checksum", bytes.length - 8, String.format(
                    "stored crc32 %08x, computed %08x over %d bytes: the blob is corrupt or truncated",
                    storedCrc, crc.getValue(), bytes.length - 8));
        }
        long policyVersion = in.readLong("policyVersion");
        String algorithm = in.readString("algorithm");
        long actorInputOffset = in.position();
        ActorInput actorInput;
        try {
            actorInput = ActorInput.ofKey(in.readString("actorInput"));
        } catch (IllegalArgumentException e) {
            throw new WeightBlobException("actorInput", actorInputOffset, e.getMessage());
        }
        int critics = in.readByte("localCritics");
        if (critics != 0 && critics != 1) {
            throw new WeightBlobException("localCritics", in.position() - 1, "flag " + critics + " is not 0 or 1");
        }
        long fieldsOffset = in.position();
        int fieldCount = in.readInt("shapeFieldCount");
        Map<String, Integer> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldCount; i++) {
            long at = in.position();
            String name = in.readString("shape field " + i + " name");
            int value = in.readInt("shape field '" + name + "'");
            if (fields.put(name, value) != null) {
                throw new WeightBlobException("shape field '" + name + "'", at, "appears twice");
            }
        }
        int[] values = new int[SHAPE_FIELDS.length];
        for (int i = 0; i < SHAPE_FIELDS.length; i++) {
            Integer v = fields.remove(SHAPE_FIELDS[i]);
            if (v == null) {
                throw new WeightBlobException("shape field '" + SHAPE_FIELDS[i] + "'", fieldsOffset, "missing");
            }
            values[i] = v;
        }
        if (!fields.isEmpty()) {
            throw new WeightBlobException("shape field '" + fields.keySet().iterator().next() + "'", fieldsOffset,
                    "unknown field; valid: " + String.join(", ", SHAPE_FIELDS));
        }
        PolicyShape shape;
        try {
            shape = new PolicyShape(algorithm, actorInput, critics == 1, values[0], values[1], values[2], values[3],
                    values[4], values[5], values[6], values[7], values[8], values[9], values[10], values[11],
                    values[12], values[13], values[14]);
        } catch (IllegalArgumentException e) {
            throw new WeightBlobException("shape", fieldsOffset, e.getMessage());
        }
        Map<String, int[]> expected = shape.tensorShapes();
        long countOffset = in.position();
        int count = in.readInt("tensorCount");
        if (count != expected.size()) {
            throw new WeightBlobException("tensorCount", countOffset, count + " tensors, the shape needs "
                    + expected.size());
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            long at = in.position();
            String name = in.readString("tensor[" + i + "].name");
            int[] dims = expected.get(name);
            if (dims == null) {
                throw new WeightBlobException("tensor[" + i + "].name", at, "'" + name
                        + "' is not a tensor of this network shape");
            }
            if (tensors.containsKey(name)) {
                throw new WeightBlobException("tensor[" + i + "].name", at, "'" + name + "' appears twice");
            }
            long rankAt = in.position();
            int rank = in.readInt("tensor '" + name + "'.rank");
            if (rank != dims.length) {
                throw new WeightBlobException("tensor '" + name + "'.rank", rankAt, "rank " + rank + ", the shape "
                        + "needs " + dims.length);
            }
            int[] stored = new int[rank];
            for (int d = 0; d < rank; d++) {
                stored[d] = in.readInt("tensor '" + name + "'.dims[" + d + "]");
            }
            if (!Arrays.equals(stored, dims)) {
                throw new WeightBlobException("tensor '" + name + "'.dims", rankAt + 4, "dims "
                        + Arrays.toString(stored) + ", the shape needs " + Arrays.toString(dims));
            }
            int size = 1;
            for (int d : dims) {
                size *= d;
            }
            long dataAt = in.position();
            float[] data = in.readFloats("tensor '" + name + "'.data", size);
            for (int k = 0; k < size; k++) {
                if (!Float.isFinite(data[k])) {
                    throw new WeightBlobException("tensor '" + name + "'.data[" + k + "]", dataAt + 4L * k,
                            "value " + data[k] + " is not finite");
                }
            }
            tensors.put(name, new Tensor(name, dims, data));
        }
        if (in.position() != bytes.length - 8) {
            throw new WeightBlobException("trailer", in.position(), (bytes.length - 8 - in.position())
                    + " unexpected bytes before the checksum");
        }
        return new WeightBlob(policyVersion, shape, tensors);
    }

    private static int[] shapeValues(PolicyShape s) {
        return new int[] {s.aps(), s.rises(), s.apNodeDim(), s.risNodeDim(), s.apApEdgeDim(), s.apRisEdgeDim(),
            s.risApEdgeDim(), s.layers(), s.embedding(), s.mlpHidden(), s.hidden(), s.gru(), s.apActions(),
            s.risElements(), s.risChoices()};
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Bounds-checked big-endian reader that names what it was reading when it runs out. */
    private static final class Reader {
        private final ByteBuffer buffer;
        private final int limit;

        Reader(byte[] bytes, int limit) {
            this.buffer = ByteBuffer.wrap(bytes);
            this.limit = limit;
        }

        long position() {
            return buffer.position();
        }

        private void need(String field, long n) {
            if (n < 0 || buffer.position() + n > limit) {
                throw new WeightBlobException(field, buffer.position(), "needs " + n + " bytes, only "
                        + (limit - buffer.position()) + " left before the checksum");
            }
        }

        byte[] bytes(String field, int n) {
            need(field, n);
            byte[] b = new byte[n];
            buffer.get(b);
            return b;
        }

        int readByte(String field) {
            need(field, 1);
            return buffer.get();
        }

        int readInt(String field) {
            need(field, 4);
            return buffer.getInt();
        }

        long readLong(String field) {
            need(field, 8);
            return buffer.getLong();
        }

        String readString(String field) {
            long at = position();
            int n = readInt(field + " length");
            if (n < 0 || n > 4096) {
                throw new WeightBlobException(field, at, "string length " + n + " is out of range 0..4096");
            }
            return new String(bytes(field, n), StandardCharsets.UTF_8);
        }

        float[] readFloats(String field, int n) {
            need(field, 4L * n);
            float[] f = new float[n];
            buffer.asFloatBuffer().get(f);
            buffer.position(buffer.position() + 4 * n);
            return f;
        }
    }
}

package io.thz.learner.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Everything needed to resume training exactly: counters, reward normaliser, every parameter and
 * Adam's moments. File layout (big-endian): magic "THZC" | int version | str header JSON |
 * int count, (str name | int n | float[n])* | long crc32 of all previous bytes.
 *
 * @param header     counters and settings (JSON object)
 * @param parameters parameter values by name
 * @param adamFirst  Adam first moments by parameter name
 * @param adamSecond Adam second moments by parameter name
 */
public record Checkpoint(JsonNode header, Map<String, float[]> parameters, Map<String, float[]> adamFirst,
                         Map<String, float[]> adamSecond) {

    /** File name inside a run directory. */
    public static final String FILE = "checkpoint.bin";

    private static final byte[] MAGIC = "THZC".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes atomically (temporary file, then rename). */
    public void write(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            writeString(out, JSON.writeValueAsString(header));
            out.writeInt(parameters.size() + adamFirst.size() + adamSecond.size());
            writeAll(out, "param/", parameters);
            writeAll(out, "adam.m/", adamFirst);
            writeAll(out, "adam.v/", adamSecond);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a checkpoint; a corrupt file is named with the offset of the problem. */
    public static Checkpoint read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        if (bytes.length < 16) {
            throw new IllegalArgumentException(file + ": checkpoint of " + bytes.length + " bytes is too short");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(file + ": not a checkpoint (magic at offset 0)");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw new IllegalArgumentException(file + ": checkpoint version " + version + " at offset 4 is not "
                    + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException(file + ": checksum at offset " + (bytes.length - 8)
                    + " does not match: the checkpoint is corrupt or truncated");
        }
        try {
            JsonNode header = JSON.readTree(readString(in));
            int count = in.getInt();
            Map<String, float[]> params = new LinkedHashMap<>();
            Map<String, float[]> first = new LinkedHashMap<>();
            Map<String, float[]> second = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int at = in.position();
                String name = readString(in);
                float[] data = new float[in.getInt()];
                in.asFloatBuffer().get(data);
                in.position(in.position() + 4 * data.length);
                if (name.startsWith("param/")) {
                    params.put(name.substring(6), data);
                } else if (name.startsWith("adam.m/")) {
                    first.put(name.substring(7), data);
                } else if (name.startsWith("adam.v/")) {
                    second.put(name.substring(7), data);
                } else {
                    throw new IllegalArgumentException(file + ": unknown entry '" + name + "' at offset " + at);
                }
            }
            return new Checkpoint(header, params, first, second);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException(file + ": unreadable checkpoint at offset " + in.position() + ": " + e, e);
        }
    }

    private static void writeAll(DataOutputStream out, String prefix, Map<String, float[]> tensors) throws IOException {
        for (Map.Entry<String, float[]> e : tensors.entrySet()) {
            writeString(out, prefix + e.getKey());
            out.writeInt(e.getValue().length);
            ByteBuffer buffer = ByteBuffer.allocate(4 * e.getValue().length);
            buffer.asFloatBuffer().put(e.getValue());
            out.write(buffer.array());
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("string length " + n + " at offset " + (in.position() - 4));
        }
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}

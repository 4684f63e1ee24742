package io.thz.core.channel;

import io.thz.core.geometry.Vec3;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import org.ejml.data.ZMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;

/**
 * Encodes and decodes the header and the records of {@link ChannelStreamFormat}, shared by the
 * streaming reader and writer and the random-access {@link ChannelStreamFile}. Every decoding
 * error is a {@link ChannelStreamException} naming the byte offset; every encoding error an
 * {@link IllegalArgumentException} naming the slot and field.
 */
final class ChannelStreamCodec {

    private static final String[] SIZE_NAMES = {"aps", "rises", "users", "antennas", "risElements", "slotsPerEpisode"};

    private final ChannelStreamShape shape;
    private final ByteBuffer out;
    private final CRC32 crc = new CRC32();

    ChannelStreamCodec(ChannelStreamShape shape) {
        if (shape.recordBytes() > ChannelStreamFormat.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a slot of shape " + shape + " needs " + shape.recordBytes()
                    + " bytes, over the format's limit of " + ChannelStreamFormat.MAX_RECORD_BYTES);
        }
        this.shape = shape;
        this.out = ByteBuffer.allocate((int) shape.recordBytes());
    }

    ChannelStreamShape shape() {
        return shape;
    }

    // ---------------------------------------------------------------- header

    static byte[] encodeHeader(ChannelStreamHeader header) {
        ChannelStreamShape s = header.shape();
        if (s.userCount() < 1 || s.userCount() > ChannelStreamFormat.MAX_USERS) {
            throw new IllegalArgumentException("users=" + s.userCount() + " must be in 1.." + ChannelStreamFormat.MAX_USERS);
        }
        ByteBuffer b = ByteBuffer.allocate((int) s.headerBytes());
        int flags = (s.factored() ? ChannelStreamFormat.FLAG_FACTORED : 0)
                | (s.geometry() ? ChannelStreamFormat.FLAG_GEOMETRY : 0)
                | (header.seed().isPresent() ? ChannelStreamFormat.FLAG_SEED : 0);
        b.putInt(ChannelStreamFormat.MAGIC).putInt(ChannelStreamFormat.VERSION)
                .putInt(s.aps()).putInt(s.rises()).putInt(s.userCount()).putInt(s.antennas())
                .putInt(s.risElements()).putInt(s.slotsPerEpisode()).putInt(flags)
                .putLong(header.seed().orElse(0));
        for (User u : s.users()) {
            if (u.ap() < 0 || u.ap() >= s.aps()) {
                throw new IllegalArgumentException("user served by AP " + u.ap() + ", outside 0.." + (s.aps() - 1));
            }
            b.putInt(u.ap()).putInt(u.type().ordinal());
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Reads and checks a header from the start of {@code in}. */
    static ChannelStreamHeader readHeader(InputStream in) {
        byte[] start = readFully(in, 8, 0);
        ByteBuffer b = ByteBuffer.wrap(start);
        int magic = b.getInt();
        if (magic != ChannelStreamFormat.MAGIC) {
            throw new ChannelStreamException(String.format(
                    "not a channel stream: magic 0x%08X at byte offset 0, expected 0x%08X (\"THZC\")", magic,
                    ChannelStreamFormat.MAGIC), 0);
        }
        int version = b.getInt();
        if (version == 1) {
            throw new ChannelStreamException("channel-stream format version 1 at byte offset 4 is no longer read: it "
                    + "holds channels only, without the traffic arrivals, episode structure and user table a replay "
                    + "needs; this reader reads version " + ChannelStreamFormat.VERSION + " (record the stream again "
                    + "with 'thz record')", 4);
        }
        if (version != ChannelStreamFormat.VERSION) {
            throw new ChannelStreamException("unsupported channel-stream format version " + version
                    + " at byte offset 4 (this reader reads version " + ChannelStreamFormat.VERSION + ")", 4);
        }
        byte[] fixed = new byte[ChannelStreamFormat.HEADER_FIXED_BYTES];
        System.arraycopy(start, 0, fixed, 0, 8);
        byte[] rest = readFully(in, fixed.length - 8, 8);
        System.arraycopy(rest, 0, fixed, 8, rest.length);
        b = ByteBuffer.wrap(fixed);
        b.position(8);
        int[] sizes = new int[SIZE_NAMES.length];
        for (int s = 0; s < sizes.length; s++) {
            sizes[s] = b.getInt();
            int min = s == 1 ? 0 : 1; // J = 0: a network without RIS
            int max = s == 2 ? ChannelStreamFormat.MAX_USERS : Integer.MAX_VALUE;
            if (sizes[s] < min || sizes[s] > max) {
                throw new ChannelStreamException("invalid header: " + SIZE_NAMES[s] + "=" + sizes[s]
                        + " at byte offset " + (8 + 4 * s), 8 + 4 * s);
            }
        }
        int flags = b.getInt();
        int known = ChannelStreamFormat.FLAG_FACTORED | ChannelStreamFormat.FLAG_GEOMETRY | ChannelStreamFormat.FLAG_SEED;
        if ((flags & ~known) != 0) {
            throw new ChannelStreamException(String.format("invalid header: unknown flags 0x%08X at byte offset 32",
                    flags), 32);
        }
        long seed = b.getLong();
        boolean seeded = (flags & ChannelStreamFormat.FLAG_SEED) != 0;
        if (!seeded && seed != 0) {
            throw new ChannelStreamException("invalid header: seed " + seed + " at byte offset 36 without the SEED flag",
                    36);
        }
        int k = sizes[2];
        int tableAt = ChannelStreamFormat.HEADER_FIXED_BYTES;
        byte[] table = readFully(in, ChannelStreamFormat.USER_ENTRY_BYTES * k + Integer.BYTES, tableAt);
        CRC32 crc = new CRC32();
        crc.update(fixed);
        crc.update(table, 0, table.length - Integer.BYTES);
        ByteBuffer t = ByteBuffer.wrap(table);
        int stored = t.getInt(table.length - Integer.BYTES);
        long crcAt = tableAt + table.length - Integer.BYTES;
        if (stored != (int) crc.getValue()) {
            throw new ChannelStreamException(String.format("corrupt header: CRC32 0x%08X stored at byte offset %d, "
                    + "computed 0x%08X", stored, crcAt, (int) crc.getValue()), crcAt);
        }
        List<User> users = new ArrayList<>(k);
        UserType[] types = UserType.values();
        for (int u = 0; u < k; u++) {
            int ap = t.getInt();
            int type = t.getInt();
            long at = tableAt + (long) ChannelStreamFormat.USER_ENTRY_BYTES * u;
            if (ap < 0 || ap >= sizes[0]) {
                throw new ChannelStreamException("invalid header: user " + u + " served by AP " + ap + " at byte offset "
                        + at + ", outside 0.." + (sizes[0] - 1), at);
            }
            if (type < 0 || type >= types.length) {
                throw new ChannelStreamException("invalid header: user " + u + " of type " + type + " at byte offset "
                        + (at + 4) + " (0 = SE, 1 = IoT)", at + 4);
            }
            users.add(new User(ap, types[type]));
        }
        ChannelStreamShape shape = new ChannelStreamShape(sizes[0], sizes[1], sizes[3], sizes[4], sizes[5], users,
                (flags & ChannelStreamFormat.FLAG_FACTORED) != 0, (flags & ChannelStreamFormat.FLAG_GEOMETRY) != 0);
        if (shape.recordBytes() > ChannelStreamFormat.MAX_RECORD_BYTES) {
            throw new ChannelStreamException("invalid header: a slot of shape " + shape + " would need "
                    + shape.recordBytes() + " bytes (byte offset 8)", 8);
        }
        return new ChannelStreamHeader(shape, seeded ? OptionalLong.of(seed) : OptionalLong.empty());
    }

    /** {@code n} bytes that start at byte offset {@code at} of the stream. */
    private static byte[] readFully(InputStream in, int n, long at) {
        byte[] bytes = new byte[n];
        int got;
        try {
            got = in.readNBytes(bytes, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the channel-stream header at byte offset " + at, e);
        }
        if (got < n) {
            throw new ChannelStreamException("truncated header: expected " + (at + n) + " bytes, the stream ends at "
                    + "byte offset " + (at + got), at + got);
        }
        return bytes;
    }

    // ---------------------------------------------------------------- records

    /** The bytes of one record (a buffer reused by the next call). */
    byte[] encode(ChannelStreamRecord r) {
        long slot = r.slot();
        int t = shape.slotsPerEpisode();
        if (r.slotInEpisode() < 0 || r.slotInEpisode() > t || r.bootstrap() != (r.slotInEpisode() == t)
                || r.lastInEpisode() != (r.slotInEpisode() == t - 1)) {
            throw new IllegalArgumentException("slot " + slot + ": slot " + r.slotInEpisode() + " of an episode of T = "
                    + t + " with lastInEpisode=" + r.lastInEpisode() + ", bootstrap=" + r.bootstrap()
                    + " (slots 0.." + (t - 1) + " are played, the last flagged lastInEpisode; slot " + t
                    + " is the bootstrap)");
        }
        if (slot < 0 || r.episode() < 0) {
            throw new IllegalArgumentException("slot " + slot + ": slot index and episode must be >= 0, episode is "
                    + r.episode());
        }
        SlotChannels channels = r.channels();
        int k = shape.userCount();
        boolean sameSizes = channels.aps() == shape.aps() && channels.rises() == shape.rises()
                && channels.users() == k && channels.antennas() == shape.antennas()
                && channels.risElements() == shape.risElements();
        if (!sameSizes) {
            throw new IllegalArgumentException("slot " + slot + " has channels of M=" + channels.aps() + ", J="
                    + channels.rises() + ", K=" + channels.users() + ", N_A=" + channels.antennas() + ", L="
                    + channels.risElements() + "; the stream's shape is " + shape);
        }
        out.clear();
        out.putLong(slot).putLong(r.episode()).putInt(r.slotInEpisode())
                .putInt((r.lastInEpisode() ? ChannelStreamFormat.RECORD_LAST_IN_EPISODE : 0)
                        | (r.bootstrap() ? ChannelStreamFormat.RECORD_BOOTSTRAP : 0));
        double[] arrivals = r.arrivalsGbit();
        if (arrivals.length != k) {
            throw new IllegalArgumentException("slot " + slot + ": arrivalsGbit has " + arrivals.length
                    + " entries, K=" + k);
        }
        for (int u = 0; u < k; u++) {
            double a = arrivals[u];
            if (!Double.isFinite(a) || a < 0 || (r.bootstrap() && a != 0)) {
                throw new IllegalArgumentException("slot " + slot + ": arrivalsGbit[" + u + "]=" + a + " must be "
                        + (r.bootstrap() ? "0 in a bootstrap slot (it is never played)" : "finite and >= 0"));
            }
            out.putDouble(a);
        }
        if (shape.geometry()) {
            putGeometry(r, slot, k);
        }
        for (int i = 0; i < shape.aps(); i++) {
            for (int u = 0; u < k; u++) {
                put(channels.direct()[i][u], 1, shape.antennas(), "direct[" + i + "][" + u + "]", slot);
            }
        }
        for (int j = 0; j < shape.rises(); j++) {
            for (int u = 0; u < k; u++) {
                put(channels.risUser()[j][u], 1, shape.risElements(), "risUser[" + j + "][" + u + "]", slot);
            }
        }
        for (int i = 0; i < shape.aps(); i++) {
            for (int j = 0; j < shape.rises(); j++) {
                String name = "apRis[" + i + "][" + j + "]";
                if (shape.factored()) {
                    RankOne f = channels.apRisFactor(i, j);
                    if (f == null) {
                        throw new IllegalArgumentException("slot " + slot + ": " + name + " has no rank-one factors, "
                                + "which a factored stream stores");
                    }
                    put(f.column(), shape.risElements(), 1, name + ".column", slot);
                    put(f.row(), 1, shape.antennas(), name + ".row", slot);
                } else {
                    put(channels.apRis()[i][j], shape.risElements(), shape.antennas(), name, slot);
                }
            }
        }
        crc.reset();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    private void putGeometry(ChannelStreamRecord r, long slot, int k) {
        if (!r.hasGeometry() || r.positions().size() != k || r.losDirect() == null || r.losRis() == null
                || r.losDirect().length != shape.aps() || r.losRis().length != shape.rises()) {
            throw new IllegalArgumentException("slot " + slot + ": the stream carries geometry: positions of the K=" + k
                    + " users and LoS draws [M=" + shape.aps() + "][K] and [J=" + shape.rises() + "][K] are needed");
        }
        for (int u = 0; u < k; u++) {
            Vec3 p = r.positions().get(u);
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.z())) {
                throw new IllegalArgumentException("slot " + slot + ": positions[" + u + "]=" + p + " is not finite");
            }
            out.putDouble(p.x()).putDouble(p.y()).putDouble(p.z());
        }
        putLos(r.losDirect(), "losDirect", slot, k);
        putLos(r.losRis(), "losRis", slot, k);
    }

    private void putLos(boolean[][] los, String name, long slot, int k) {
        for (int i = 0; i < los.length; i++) {
            if (los[i] == null || los[i].length != k) {
                throw new IllegalArgumentException("slot " + slot + ": " + name + "[" + i + "] must have K=" + k
                        + " entries");
            }
            for (boolean clear : los[i]) {
                out.put((byte) (clear ? 1 : 0));
            }
        }
    }

    private void put(ZMatrixRMaj m, int rows, int cols, String name, long slot) {
        if (m == null || m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException("slot " + slot + ": " + name + " must be " + rows + " x " + cols
                    + (m == null ? ", is missing" : ", is " + m.numRows + " x " + m.numCols));
        }
        double[] d = m.data;
        for (int p = 0; p < 2 * rows * cols; p++) {
            if (!Double.isFinite(d[p])) {
                throw new IllegalArgumentException("slot " + slot + ": " + name + " holds a non-finite value " + d[p]);
            }
            out.putDouble(d[p]);
        }
    }

    /**
     * The key fields of a record, checked against the shape.
     *
     * @param bytes at least {@link ChannelStreamFormat#RECORD_KEY_BYTES} bytes of the record
     * @param start the record's byte offset in the stream
     * @param index the record's index (0 = the first after the header)
     */
    ChannelStreamKey decodeKey(byte[] bytes, long start, long index) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, ChannelStreamFormat.RECORD_KEY_BYTES);
        long slot = b.getLong();
        long episode = b.getLong();
        int inEpisode = b.getInt();
        int flags = b.getInt();
        int t = shape.slotsPerEpisode();
        if (slot < 0) {
            throw corrupt(index, "slot index " + slot + " is negative", start);
        }
        if (episode < 0) {
            throw corrupt(index, "episode " + episode + " is negative", start + 8);
        }
        if (inEpisode < 0 || inEpisode > t) {
            throw corrupt(index, "slot in episode " + inEpisode + " is outside 0.." + t + " (T = " + t + ")", start + 16);
        }
        int known = ChannelStreamFormat.RECORD_LAST_IN_EPISODE | ChannelStreamFormat.RECORD_BOOTSTRAP;
        boolean last = (flags & ChannelStreamFormat.RECORD_LAST_IN_EPISODE) != 0;
        boolean bootstrap = (flags & ChannelStreamFormat.RECORD_BOOTSTRAP) != 0;
        if ((flags & ~known) != 0 || last != (inEpisode == t - 1) || bootstrap != (inEpisode == t)) {
            throw corrupt(index, String.format("flags 0x%08X do not fit slot %d of an episode of T = %d "
                    + "(LAST_IN_EPISODE = 1 marks slot %d, BOOTSTRAP = 2 slot %d)", flags, inEpisode, t, t - 1, t),
                    start + 20);
        }
        return new ChannelStreamKey(slot, episode, inEpisode, last, bootstrap);
    }

    /** Checks a whole record's checksum; the offset of a mismatch is that of the stored CRC. */
    void checkCrc(byte[] bytes, long start, long index) {
        int payload = bytes.length - Integer.BYTES;
        crc.reset();
        crc.update(bytes, 0, payload);
        int stored = ByteBuffer.wrap(bytes).getInt(payload);
        if (stored != (int) crc.getValue()) {
            throw new ChannelStreamException(String.format("corrupt record %d at byte offset %d: CRC32 0x%08X stored at "
                    + "byte offset %d, computed 0x%08X", index, start, stored, start + payload,
                    (int) crc.getValue()), start + payload);
        }
    }

    /** Decodes one whole record ({@link ChannelStreamShape#recordBytes()} bytes). */
    ChannelStreamRecord decode(byte[] bytes, long start, long index) {
        checkCrc(bytes, start, index);
        ChannelStreamKey key = decodeKey(bytes, start, index);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(ChannelStreamFormat.RECORD_KEY_BYTES);
        int k = shape.userCount();
        double[] arrivals = new double[k];
        for (int u = 0; u < k; u++) {
            int at = b.position();
            double a = b.getDouble();
            if (!Double.isFinite(a) || a < 0 || (key.bootstrap() && a != 0)) {
                throw corrupt(index, "arrival " + a + " of user " + u + " at byte offset " + (start + at) + " must be "
                        + (key.bootstrap() ? "0 in a bootstrap record" : "finite and >= 0"), start + at);
            }
            arrivals[u] = a;
        }
        List<Vec3> positions = null;
        boolean[][] losDirect = null;
        boolean[][] losRis = null;
        if (shape.geometry()) {
            Vec3[] p = new Vec3[k];
            for (int u = 0; u < k; u++) {
                p[u] = new Vec3(finite(b, start, index), finite(b, start, index), finite(b, start, index));
            }
            positions = List.of(p);
            losDirect = los(b, shape.aps(), k, start, index);
            losRis = los(b, shape.rises(), k, start, index);
        }
        ZMatrixRMaj[][] direct = new ZMatrixRMaj[shape.aps()][k];
        for (int i = 0; i < shape.aps(); i++) {
            for (int u = 0; u < k; u++) {
                direct[i][u] = take(b, 1, shape.antennas(), start, index);
            }
        }
        ZMatrixRMaj[][] risUser = new ZMatrixRMaj[shape.rises()][k];
        for (int j = 0; j < shape.rises(); j++) {
            for (int u = 0; u < k; u++) {
                risUser[j][u] = take(b, 1, shape.risElements(), start, index);
            }
        }
        ZMatrixRMaj[][] apRis = new ZMatrixRMaj[shape.aps()][shape.rises()];
        RankOne[][] factors = shape.factored() ? new RankOne[shape.aps()][shape.rises()] : null;
        for (int i = 0; i < shape.aps(); i++) {
            for (int j = 0; j < shape.rises(); j++) {
                if (factors != null) {
                    ZMatrixRMaj column = take(b, shape.risElements(), 1, start, index);
                    ZMatrixRMaj row = take(b, 1, shape.antennas(), start, index);
                    factors[i][j] = new RankOne(column, row);
                    apRis[i][j] = RankOneProduct.expand(factors[i][j]);
                } else {
                    apRis[i][j] = take(b, shape.risElements(), shape.antennas(), start, index);
                }
            }
        }
        SlotChannels channels = new SlotChannels(shape.antennas(), shape.risElements(), direct, risUser, apRis, factors);
        return new ChannelStreamRecord(key.slot(), key.episode(), key.slotInEpisode(), key.lastInEpisode(),
                key.bootstrap(), arrivals, positions, losDirect, losRis, channels);
    }

    private static boolean[][] los(ByteBuffer b, int rows, int k, long start, long index) {
        boolean[][] los = new boolean[rows][k];
        for (int i = 0; i < rows; i++) {
            for (int u = 0; u < k; u++) {
                int at = b.position();
                byte v = b.get();
                if (v != 0 && v != 1) {
                    throw corrupt(index, "LoS indicator " + v + " at byte offset " + (start + at) + " is not 0 or 1",
                            start + at);
                }
                los[i][u] = v == 1;
            }
        }
        return los;
    }

    private static double finite(ByteBuffer b, long start, long index) {
        int at = b.position();
        double v = b.getDouble();
        if (!Double.isFinite(v)) {
            throw corrupt(index, "non-finite value " + v + " at byte offset " + (start + at), start + at);
        }
        return v;
    }

    private static ZMatrixRMaj take(ByteBuffer b, int rows, int cols, long start, long index) {
        ZMatrixRMaj m = new ZMatrixRMaj(rows, cols);
        for (int p = 0; p < 2 * rows * cols; p++) {
            m.data[p] = finite(b, start, index);
        }
        return m;
    }

    private static ChannelStreamException corrupt(long index, String what, long offset) {
        String where = what.contains("byte offset") ? "" : " at byte offset " + offset;
        return new ChannelStreamException("corrupt record " + index + ": " + what + where, offset);
    }
}

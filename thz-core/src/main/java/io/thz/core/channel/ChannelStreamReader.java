package io.thz.core.channel;

import org.ejml.data.ZMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Reads a channel stream ({@link ChannelStreamFormat}). A stream of another format, a truncated
 * record, a failed checksum or a non-finite value raises {@link ChannelStreamException} naming
 * the byte offset.
 */
public final class ChannelStreamReader implements AutoCloseable {

    private static final String[] SHAPE_NAMES = {"aps", "rises", "users", "antennas", "risElements"};

    private final InputStream in;
    private final ChannelStreamShape shape;
    private final byte[] buffer;
    private final CRC32 crc = new CRC32();
    private long offset;
    private long records;

    /** Reads and checks the header. */
    public ChannelStreamReader(InputStream in) {
        this.in = in;
        ByteBuffer header = ByteBuffer.wrap(readFully(ChannelStreamFormat.HEADER_BYTES, "header"));
        int magic = header.getInt();
        if (magic != ChannelStreamFormat.MAGIC) {
            throw new ChannelStreamException(String.format(
                    "not a channel stream: magic 0x%08X at byte offset 0, expected 0x%08X (\"THZC\")", magic,
                    ChannelStreamFormat.MAGIC), 0);
        }
        int version = header.getInt();
        if (version != ChannelStreamFormat.VERSION) {
            throw new ChannelStreamException("unsupported channel-stream format version " + version
                    + " at byte offset 4 (this reader reads version " + ChannelStreamFormat.VERSION + ")", 4);
        }
        int[] sizes = new int[SHAPE_NAMES.length];
        for (int s = 0; s < sizes.length; s++) {
            sizes[s] = header.getInt();
            boolean mayBeZero = s == 1; // J = 0: a network without RIS
            if (sizes[s] < (mayBeZero ? 0 : 1)) {
                throw new ChannelStreamException("invalid header: " + SHAPE_NAMES[s] + "=" + sizes[s]
                        + " at byte offset " + (8 + 4 * s), 8 + 4 * s);
            }
        }
        int flags = header.getInt();
        if ((flags & ~ChannelStreamFormat.FLAG_FACTORED) != 0) {
            throw new ChannelStreamException(String.format("invalid header: unknown flags 0x%08X at byte offset 28",
                    flags), 28);
        }
        this.shape = new ChannelStreamShape(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4],
                (flags & ChannelStreamFormat.FLAG_FACTORED) != 0);
        if (shape.recordBytes() > ChannelStreamFormat.MAX_RECORD_BYTES) {
            throw new ChannelStreamException("invalid header: a slot of shape " + shape + " would need "
                    + shape.recordBytes() + " bytes (byte offset 8)", 8);
        }
        this.buffer = new byte[(int) shape.recordBytes()];
    }

    /** The shape of every slot in the stream. */
    public ChannelStreamShape shape() {
        return shape;
    }

    /** The next slot, or null at the end of the stream. */
    public ChannelStreamRecord next() {
        long start = offset;
        int got = readUpTo(buffer);
        if (got == 0) {
            return null;
        }
        if (got < buffer.length) {
            throw new ChannelStreamException("truncated record " + records + " at byte offset " + start
                    + ": expected " + buffer.length + " bytes, the stream ends after " + got, start + got);
        }
        ByteBuffer b = ByteBuffer.wrap(buffer);
        int payload = buffer.length - Integer.BYTES;
        crc.reset();
        crc.update(buffer, 0, payload);
        int stored = b.getInt(payload);
        if (stored != (int) crc.getValue()) {
            throw new ChannelStreamException(String.format("corrupt record %d at byte offset %d: CRC32 0x%08X stored at "
                    + "byte offset %d, computed 0x%08X", records, start, stored, start + payload,
                    (int) crc.getValue()), start + payload);
        }
        long slot = b.getLong();
        ZMatrixRMaj[][] direct = new ZMatrixRMaj[shape.aps()][shape.users()];
        for (int i = 0; i < shape.aps(); i++) {
            for (int k = 0; k < shape.users(); k++) {
                direct[i][k] = take(b, 1, shape.antennas(), start);
            }
        }
        ZMatrixRMaj[][] risUser = new ZMatrixRMaj[shape.rises()][shape.users()];
        for (int j = 0; j < shape.rises(); j++) {
            for (int k = 0; k < shape.users(); k++) {
                risUser[j][k] = take(b, 1, shape.risElements(), start);
            }
        }
        ZMatrixRMaj[][] apRis = new ZMatrixRMaj[shape.aps()][shape.rises()];
        RankOne[][] factors = shape.factored() ? new RankOne[shape.aps()][shape.rises()] : null;
        for (int i = 0; i < shape.aps(); i++) {
            for (int j = 0; j < shape.rises(); j++) {
                if (factors != null) {
                    ZMatrixRMaj column = take(b, shape.risElements(), 1, start);
                    ZMatrixRMaj row = take(b, 1, shape.antennas(), start);
                    factors[i][j] = new RankOne(column, row);
                    apRis[i][j] = RankOneProduct.expand(factors[i][j]);
                } else {
                    apRis[i][j] = take(b, shape.risElements(), shape.antennas(), start);
                }
            }
        }
        records++;
        return new ChannelStreamRecord(slot, new SlotChannels(shape.antennas(), shape.risElements(), direct, risUser,
                apRis, factors));
    }

    /** Records read so far. */
    public long recordsRead() {
        return records;
    }

    private ZMatrixRMaj take(ByteBuffer b, int rows, int cols, long recordStart) {
        ZMatrixRMaj m = new ZMatrixRMaj(rows, cols);
        for (int p = 0; p < 2 * rows * cols; p++) {
            int at = b.position();
            double v = b.getDouble();
            if (!Double.isFinite(v)) {
                throw new ChannelStreamException("corrupt record " + records + ": non-finite value " + v
                        + " at byte offset " + (recordStart + at), recordStart + at);
            }
            m.data[p] = v;
        }
        return m;
    }

    private byte[] readFully(int n, String what) {
        byte[] bytes = new byte[n];
        int got = readUpTo(bytes);
        if (got < n) {
            throw new ChannelStreamException("truncated " + what + ": expected " + n + " bytes, the stream ends at "
                    + "byte offset " + got, got);
        }
        return bytes;
    }

    private int readUpTo(byte[] bytes) {
        try {
            int got = in.readNBytes(bytes, 0, bytes.length);
            offset += got;
            return got;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the channel stream at byte offset " + offset, e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

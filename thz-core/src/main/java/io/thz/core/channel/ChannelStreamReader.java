package io.thz.core.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Reads a channel stream ({@link ChannelStreamFormat}) front to back. A stream of another format
 * or version, a truncated record, a failed checksum, an inconsistent key or a non-finite value
 * raises {@link ChannelStreamException} naming the byte offset. For random access to a file's
 * episodes see {@link ChannelStreamFile}.
 */
public final class ChannelStreamReader implements AutoCloseable {

    private final InputStream in;
    private final ChannelStreamHeader header;
    private final ChannelStreamCodec codec;
    private final byte[] buffer;
    private long offset;
    private long records;

    /** Reads and checks the header. */
    public ChannelStreamReader(InputStream in) {
        this.in = in;
        this.header = ChannelStreamCodec.readHeader(in);
        this.codec = new ChannelStreamCodec(header.shape());
        this.buffer = new byte[(int) header.shape().recordBytes()];
        this.offset = header.shape().headerBytes();
    }

    /** The header. */
    public ChannelStreamHeader header() {
        return header;
    }

    /** The shape of every record in the stream. */
    public ChannelStreamShape shape() {
        return header.shape();
    }

    /** The simulator's master seed, when the stream was simulated. */
    public OptionalLong seed() {
        return header.seed();
    }

    /** The next record, or null at the end of the stream. */
    public ChannelStreamRecord next() {
        long start = offset;
        int got;
        try {
            got = in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the channel stream at byte offset " + start, e);
        }
        offset += got;
        if (got == 0) {
            return null;
        }
        if (got < buffer.length) {
            throw new ChannelStreamException("truncated record " + records + " at byte offset " + start
                    + ": expected " + buffer.length + " bytes, the stream ends after " + got, start + got);
        }
        ChannelStreamRecord record = codec.decode(buffer, start, records);
        records++;
        return record;
    }

    /** Records read so far. */
    public long recordsRead() {
        return records;
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

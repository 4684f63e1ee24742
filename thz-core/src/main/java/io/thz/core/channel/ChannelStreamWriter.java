package io.thz.core.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Writes a channel stream ({@link ChannelStreamFormat}): the header at construction, then one
 * record per {@link #write}. Every record must fit the header's shape and hold finite values.
 */
public final class ChannelStreamWriter implements AutoCloseable {

    private final OutputStream out;
    private final ChannelStreamHeader header;
    private final ChannelStreamCodec codec;
    private long records;

    /** Writes the header; the caller keeps ownership of buffering (wrap files in a BufferedOutputStream). */
    public ChannelStreamWriter(OutputStream out, ChannelStreamShape shape, OptionalLong seed) {
        this.out = out;
        this.header = new ChannelStreamHeader(shape, seed);
        this.codec = new ChannelStreamCodec(shape);
        write(ChannelStreamCodec.encodeHeader(header));
    }

    /** The shape every record must have. */
    public ChannelStreamShape shape() {
        return header.shape();
    }

    /** The header written. */
    public ChannelStreamHeader header() {
        return header;
    }

    /** Appends one record. */
    public void write(ChannelStreamRecord record) {
        write(codec.encode(record));
        records++;
    }

    /** Records written so far. */
    public long recordsWritten() {
        return records;
    }

    /** Bytes written so far, header included. */
    public long bytesWritten() {
        return header.shape().headerBytes() + records * header.shape().recordBytes();
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes buffered records to the underlying stream. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.thz.core.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random access to the records of a channel-stream file: records have a fixed size, so record n
 * starts at {@code headerBytes + n * recordBytes}. Opening checks the header and that the file
 * ends on a record boundary; each record's checksum and values are checked when it is read.
 * Every format error is a {@link ChannelStreamException} naming the byte offset.
 *
 * <p>Not thread-safe.
 */
public final class ChannelStreamFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final ChannelStreamHeader header;
    private final ChannelStreamCodec codec;
    private final long headerBytes;
    private final long recordBytes;
    private final long records;
    private final byte[] buffer;

    private ChannelStreamFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.header = ChannelStreamCodec.readHeader(Channels.newInputStream(channel.position(0)));
        this.codec = new ChannelStreamCodec(header.shape());
        this.headerBytes = header.shape().headerBytes();
        this.recordBytes = header.shape().recordBytes();
        long size = channel.size();
        long body = size - headerBytes;
        this.records = body / recordBytes;
        long tail = body % recordBytes;
        if (tail != 0) {
            long start = headerBytes + records * recordBytes;
            throw new ChannelStreamException("truncated record " + records + " at byte offset " + start + ": expected "
                    + recordBytes + " bytes, the file ends after " + tail + " (the " + records + " complete records "
                    + "end at byte offset " + start + ")", size);
        }
        this.buffer = new byte[(int) recordBytes];
    }

    /**
     * Opens a file.
     *
     * @throws IOException            when the file cannot be opened (e.g. {@link java.nio.file.NoSuchFileException})
     * @throws ChannelStreamException when it is not a complete version-2 channel stream
     */
    public static ChannelStreamFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (Files.isDirectory(path)) {
                throw new IOException(path + " is a directory");
            }
            return new ChannelStreamFile(path, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public ChannelStreamHeader header() {
        return header;
    }

    public ChannelStreamShape shape() {
        return header.shape();
    }

    /** Number of records in the file. */
    public long records() {
        return records;
    }

    /** Byte offset of record {@code index}. */
    public long offsetOf(long index) {
        return headerBytes + index * recordBytes;
    }

    /** The key of record {@code index} (its checksum is not checked: see {@link #checkRecord}). */
    public ChannelStreamKey key(long index) {
        long start = offsetOf(requireIndex(index));
        readAt(start, ChannelStreamFormat.RECORD_KEY_BYTES);
        return codec.decodeKey(buffer, start, index);
    }

    /** Checks record {@code index}'s checksum. */
    public void checkRecord(long index) {
        long start = offsetOf(requireIndex(index));
        readAt(start, buffer.length);
        codec.checkCrc(buffer, start, index);
    }

    /** Reads and checks record {@code index}. */
    public ChannelStreamRecord read(long index) {
        long start = offsetOf(requireIndex(index));
        readAt(start, buffer.length);
        return codec.decode(buffer, start, index);
    }

    private long requireIndex(long index) {
        if (index < 0 || index >= records) {
            throw new IndexOutOfBoundsException("record " + index + " of " + path + ", which holds " + records);
        }
        return index;
    }

    private void readAt(long start, int length) {
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, length);
        try {
            while (b.hasRemaining()) {
                int got = channel.read(b, start + b.position());
                if (got < 0) {
                    throw new ChannelStreamException("truncated record at byte offset " + start + ": " + path
                            + " ends at byte offset " + (start + b.position()) + " (it shrank while open)",
                            start + b.position());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path + " at byte offset " + start, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

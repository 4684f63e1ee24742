package io.thz.core.channel;

/** A channel stream that is truncated, corrupt or of another format; the message names the byte offset. */
public final class ChannelStreamException extends RuntimeException {

    private final long byteOffset;

    public ChannelStreamException(String message, long byteOffset) {
        super(message);
        this.byteOffset = byteOffset;
    }

    public ChannelStreamException(String message, long byteOffset, Throwable cause) {
        super(message, cause);
        this.byteOffset = byteOffset;
    }

    /** Offset from the start of the stream where the problem was found, in bytes. */
    public long byteOffset() {
        return byteOffset;
    }
}

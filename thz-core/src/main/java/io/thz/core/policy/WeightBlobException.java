package io.thz.core.policy;

/** A weight blob that cannot be read: the message names the field and the byte offset. */
public final class WeightBlobException extends RuntimeException {

    private final long offset;

    public WeightBlobException(String field, long offset, String problem) {
        super("weight blob: " + field + " at offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Byte offset in the blob where the problem was found. */
    public long offset() {
        return offset;
    }
}

package io.thz.core.wire;

/** A Kafka record that cannot be decoded; the message names the field or byte offset and why. */
public class WireFormatException extends RuntimeException {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

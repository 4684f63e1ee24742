package io.thz.channel;

/** A run request that cannot be played (e.g. a missing, unreadable or mismatching replay file): HTTP 400 with the reason. */
public final class RunRequestException extends RuntimeException {

    public RunRequestException(String message) {
        super(message);
    }
}

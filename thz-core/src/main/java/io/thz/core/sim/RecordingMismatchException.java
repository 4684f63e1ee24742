package io.thz.core.sim;

import java.util.List;

/** A recording made for another network than the scenario it is replayed against; the message names each difference. */
public final class RecordingMismatchException extends IllegalArgumentException {

    private final List<String> differences;

    public RecordingMismatchException(String recording, List<String> differences) {
        super(recording + " was recorded for another network than the scenario: " + String.join("; ", differences));
        this.differences = List.copyOf(differences);
    }

    /** One entry per differing quantity, naming it and both values. */
    public List<String> differences() {
        return differences;
    }
}

package io.thz.core.slot;

/**
 * A malformed slot case: {@link #path()} names the offending JSON field (e.g.
 * {@code channels.direct[1][3]}), or the input position for a syntax error.
 */
public final class SlotCaseException extends IllegalArgumentException {

    private final String path;

    /**
     * @param path   the JSON path of the bad field, or the position of a syntax error
     * @param detail what is wrong with it
     */
    public SlotCaseException(String path, String detail) {
        super(path + ": " + detail);
        this.path = path;
    }

    /** The JSON path (or input position) the message is about. */
    public String path() {
        return path;
    }
}

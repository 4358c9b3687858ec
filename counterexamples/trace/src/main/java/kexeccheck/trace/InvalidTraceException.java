package kexeccheck.trace;

/** A trace file that cannot be used: unreadable, not JSON, or not valid against the schema. */
public final class InvalidTraceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file and the problem */
    public InvalidTraceException(String message) {
        super(message);
    }
}

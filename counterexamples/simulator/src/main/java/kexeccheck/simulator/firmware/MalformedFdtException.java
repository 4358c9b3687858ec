package kexeccheck.simulator.firmware;

/** A blob that is not a valid flattened device tree: the message says what is wrong and where. */
public final class MalformedFdtException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the offset where it was found */
    public MalformedFdtException(String message) {
        super(message);
    }
}

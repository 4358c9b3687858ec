package kexeccheck.checker;

/**
 * Input kexec-check cannot work with: a model that does not parse, an
 * unknown profile or option value, inconsistent options. The message is one
 * line naming the input and the problem; the CLI exits with code 2.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the input and the problem */
    public BadInputException(String message) {
        super(message);
    }
}

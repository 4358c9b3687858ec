package kexeccheck.simulator;

/**
 * A model the simulator has no account of: a capability or hand-over channel that neither its own
 * code nor any {@link kexeccheck.simulator.kernel.KernelExtension} on the class path implements. A
 * replay would disagree with the model about something it cannot know, so it is refused instead.
 */
public final class NotReplayableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what has no account, e.g. "capability X (profile P) has no simulator account" */
    public NotReplayableException(String message) {
        super(message);
    }
}

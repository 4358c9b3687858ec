package kexeccheck.simulator.kernel;

/**
 * A line a kernel printed.
 *
 * @param cpu the CPU it is about, or -1 for a line about the whole GIC
 * @param message the trace format's identifier for the message (e.g. {@code FailedToDisable}),
 *     or null for lines the abstract model has no counterpart for
 * @param text the line as Linux prints it, with real addresses
 * @param warning whether it warns or taints
 */
public record LogLine(int cpu, String message, String text, boolean warning) {}

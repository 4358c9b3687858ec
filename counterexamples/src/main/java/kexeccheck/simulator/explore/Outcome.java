package kexeccheck.simulator.explore;

/**
 * A configuration's outcome class (domain.md §5, shared/docs/scenarios.md),
 * worst first, plus {@link #CANNOT_RUN} for a configuration whose chain cannot
 * be run at all.
 */
public enum Outcome {
    /** The chain is impossible (a capture kernel first, a capture kernel entered by a normal kexec, a crash kexec into a kernel that is not one) or no run reaches K2 up. */
    CANNOT_RUN("cannot-run"),
    /** no-stray-write or its-quiescent violated. */
    CORRUPTION("corruption"),
    /** lpis-delivered or one-property-table violated. */
    LOST_LPIS("lost-lpis"),
    /** A kernel died: a fault in init_IRQ or early boot (domain.md §3.7). */
    FAIL_STOP("fail-stop"),
    /** A kernel warned (or tainted), but no property is violated. */
    RECOVERABLE("recoverable"),
    /** Nothing went wrong in any run. */
    SAFE("safe"),
    /** GICv2: no LPIs, the ABI does not apply. */
    NOT_APPLICABLE("not-applicable");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The class's name as the checker and scenarios.md spell it. */
    public String label() {
        return label;
    }

    /** The outcome with this label. */
    public static Outcome of(String label) {
        for (Outcome o : values()) {
            if (o.label.equals(label)) return o;
        }
        throw new IllegalArgumentException("no outcome class " + label);
    }

    /** Whether this is a worse run outcome than {@code other} (corruption worst, safe best). */
    public boolean worseThan(Outcome other) {
        return ordinal() < other.ordinal();
    }

    @Override
    public String toString() {
        return label;
    }
}

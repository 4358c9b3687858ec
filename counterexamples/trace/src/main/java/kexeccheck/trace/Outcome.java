package kexeccheck.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The outcome class of a configuration (domain.md §5), worst first, as both accounts name it: the
 * checker's verdict on a configuration and the simulator's on the same configuration are compared
 * value for value. {@link #CANNOT_RUN} comes last and is not a class of the ladder: it says the chain
 * cannot be run at all, so nothing can be said of it.
 */
public enum Outcome {
    /** no-stray-write or its-quiescent can fail: memory is corrupted. */
    CORRUPTION,
    /** lpis-delivered or one-property-table can fail: a kernel ends its boot without working LPIs. */
    LOST_LPIS,
    /** A kernel can stop deliberately (panic, refusal, or a fault in early boot, domain.md §3.7). */
    FAIL_STOP,
    /** A kernel can print a warning of domain.md §3.2 and taint itself, but nothing is violated. */
    RECOVERABLE,
    /** Nothing can go wrong within the bounds. */
    SAFE,
    /** The question does not arise (no LPIs, e.g. GICv2). */
    NOT_APPLICABLE,
    /**
     * The chain is impossible (a capture kernel first, a capture kernel entered by a normal kexec, a
     * crash kexec into a kernel that is not one) or no run reaches the last kernel up.
     */
    CANNOT_RUN;

    /** The six classes of the ladder, worst first: every value but {@link #CANNOT_RUN}. */
    public static List<Outcome> classes() {
        return Arrays.stream(values()).filter(Outcome::isClass).toList();
    }

    /** Whether this is a class of the ladder rather than {@link #CANNOT_RUN}. */
    public boolean isClass() {
        return this != CANNOT_RUN;
    }

    /** The name users, reports and scenarios.md see ({@code lost-lpis}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The outcome with this name.
     *
     * @throws IllegalArgumentException if no outcome has it
     */
    public static Outcome fromCliName(String name) {
        return Arrays.stream(values()).filter(o -> o.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome class '" + name + "'"));
    }

    /** Whether this class is worse than {@code other} (corruption worst, not-applicable best). */
    public boolean worseThan(Outcome other) {
        return ordinal() < other.ordinal();
    }

    /** The worse of two outcomes. */
    public Outcome worst(Outcome other) {
        return worseThan(other) ? this : other;
    }

    @Override
    public String toString() {
        return cliName();
    }
}

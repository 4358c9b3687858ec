package kexeccheck.checker;

import java.util.Arrays;

/**
 * The outcome class of a configuration (domain.md §5), worst first.
 */
public enum Outcome {
    /** no-stray-write can fail: memory is corrupted. */
    CORRUPTION,
    /** lpis-delivered can fail: a kernel ends its boot without working LPIs. */
    LOST_LPIS,
    /** a kernel can stop deliberately (panic or refusal). */
    FAIL_STOP,
    /** a kernel can print a warning of domain.md §3.2 and taint itself, but nothing is violated. */
    RECOVERABLE,
    /** nothing can go wrong within the bounds. */
    SAFE,
    /** the question does not arise (no LPIs, e.g. GICv2). */
    NOT_APPLICABLE;

    /** The name users see ({@code lost-lpis}). */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The outcome with this CLI name. */
    public static Outcome fromCliName(String name) {
        return Arrays.stream(values()).filter(o -> o.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome class '" + name + "'"));
    }

    /** The worse of two outcomes. */
    public Outcome worst(Outcome other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}

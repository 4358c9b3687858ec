package kexeccheck.trace;

import java.util.List;

/**
 * One reason a state violates a property: the offending write, or the live
 * table or redistributor that breaks it. {@link ViolationReason} finds them;
 * the narrator prints their {@code text}, the graph draws them in red.
 *
 * @param kind what is wrong
 * @param cpu the redistributor involved, or null (a table write by the kernel)
 * @param frames the frames involved: the one written, or the tables the redistributor names
 * @param text the reason in words, as the narrator prints it
 */
public record Offence(Kind kind, String cpu, List<String> frames, String text) {

    public Offence {
        frames = List.copyOf(frames);
    }

    /** What an offence is. */
    public enum Kind {
        /** The GIC set a pending bit in a frame the running kernel uses for something else. */
        PENDING_WRITE,
        /** The running kernel reset or zeroed a GIC table over a frame that was not free. */
        TABLE_WRITE,
        /** A live redistributor's property table is a frame the kernel uses for something else. */
        LIVE_PROPERTY_TABLE,
        /** A live redistributor's pending table is a frame the kernel uses for something else. */
        LIVE_PENDING_TABLE,
        /** A redistributor has LPIs disabled: its interrupts are never delivered. */
        LPIS_DISABLED,
        /** A redistributor still uses tables the running kernel does not own: its interrupts are lost. */
        FOREIGN_TABLES,
        /** The redistributors name different property tables. */
        PROPERTY_TABLES_DIFFER
    }
}

package kexeccheck.simulator.detect;

/**
 * Something the detector caught: a write or a table in memory the running
 * kernel owns for something else.
 *
 * @param step the step it happened in
 * @param kind {@code stray-gic-write}, {@code stray-table-write}, {@code live-table-reused},
 *     {@code double-owner} or {@code memreserve-node-overwritten}
 * @param pa the physical address
 * @param writer who wrote (or whose table it is)
 * @param owner what the running kernel uses that memory for
 * @param kernel the running kernel
 */
public record Incident(int step, String kind, long pa, String writer, String owner, String kernel) {

    /** One line, as the replay prints it. */
    public String describe() {
        return String.format("step %d: %s at 0x%x by %s into %s's %s", step, kind, pa, writer, kernel, owner);
    }
}

package kexeccheck.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One state of a trace, with the event that led to it.
 *
 * @param index position in the trace, 0 being the cold boot
 * @param event the event that led here ({@code boot-gic}, {@code kexec}, {@code crash-kexec},
 *     {@code msi-arrives}, {@code stutter}), or null for the cold boot
 * @param kernel the running kernel ({@code K1}, …)
 * @param phase {@code booting} until the kernel's GIC driver has initialised, then {@code up};
 *     {@code panicked} if it died there
 * @param redistributors each CPU's redistributor registers
 * @param its the ITS: {@code enabled} or {@code disabled}
 * @param collections the CPUs whose ITS collection is mapped (MAPC): only they can get an LPI
 * @param memory each frame's use as the running kernel sees it
 * @param memreserve the frames the EFI memreserve list names
 * @param pendingWrites pending bits the GIC set in this step
 * @param tableWrites frames a kernel reset or zeroed as a table in this step, with their use before
 * @param log kernel log lines printed in this step
 * @param cpuModes what its_cpu_init_lpis() did to each CPU in this step
 * @param propertyTable the property table the booting kernel took in this step, or null
 * @param allocatedPending the pending tables allocate_lpi_tables() set aside in this step, per CPU
 */
public record State(
        int index,
        String event,
        String kernel,
        String phase,
        List<Redistributor> redistributors,
        String its,
        List<String> collections,
        Map<String, String> memory,
        List<String> memreserve,
        List<PendingWrite> pendingWrites,
        List<TableWrite> tableWrites,
        List<LogLine> log,
        Map<String, String> cpuModes,
        String propertyTable,
        Map<String, String> allocatedPending) {

    public State {
        redistributors = List.copyOf(redistributors);
        collections = List.copyOf(collections);
        memory = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(memory));
        memreserve = List.copyOf(memreserve);
        pendingWrites = List.copyOf(pendingWrites);
        tableWrites = List.copyOf(tableWrites);
        log = List.copyOf(log);
        cpuModes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cpuModes));
        allocatedPending = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(allocatedPending));
    }

    /** This state renumbered, for a trace with steps removed before it. */
    public State withIndex(int newIndex) {
        return new State(newIndex, event, kernel, phase, redistributors, its, collections, memory, memreserve,
                pendingWrites, tableWrites, log, cpuModes, propertyTable, allocatedPending);
    }

    /** The redistributor of one CPU. */
    public Redistributor redistributor(String cpu) {
        return redistributors.stream().filter(r -> r.cpu().equals(cpu)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no redistributor for " + cpu));
    }

    /**
     * A redistributor's LPI registers.
     *
     * @param cpu the CPU it belongs to
     * @param enableLpis GICR_CTLR.EnableLPIs
     * @param propbaser the frame GICR_PROPBASER names, or null
     * @param pendbaser the frame GICR_PENDBASER names, or null
     */
    public record Redistributor(String cpu, boolean enableLpis, String propbaser, String pendbaser) {}

    /**
     * A pending bit set by the GIC.
     *
     * @param cpu the redistributor that set it
     * @param frame the frame it landed in
     * @param use the frame's use to the running kernel at that moment
     */
    public record PendingWrite(String cpu, String frame, String use) {}

    /**
     * A table reset or zeroed by the running kernel.
     *
     * @param frame the frame written
     * @param before the frame's use to the kernel before the write
     */
    public record TableWrite(String frame, String before) {}

    /**
     * A kernel log line.
     *
     * @param cpu the CPU it is about, or null for a line about the whole GIC
     * @param message the message's identifier in the model (e.g. {@code FailedToDisable})
     * @param text the line as Linux prints it
     * @param warning whether it is a warning that taints the kernel
     */
    public record LogLine(String cpu, String message, String text, boolean warning) {}
}

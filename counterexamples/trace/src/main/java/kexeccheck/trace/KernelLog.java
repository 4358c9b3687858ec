package kexeccheck.trace;

/**
 * The kernel log lines Linux prints on the GIC driver's kexec paths
 * (drivers/irqchip/irq-gic-v3-its.c, domain.md §3.2), with abstract frames
 * where Linux prints physical addresses.
 */
public final class KernelLog {

    private KernelLog() {}

    /**
     * The text Linux prints for one of the model's messages.
     *
     * @param message the message's identifier in the model (e.g. {@code FailedToDisable})
     * @param cpu the CPU the line is about, or null
     * @param frame the table the line names (the property table for GIC-wide
     *     lines, this CPU's pending table for per-CPU lines), or null
     */
    public static String text(String message, String cpu, String frame) {
        String at = frame == null ? "?" : frame;
        return switch (message) {
            case "UsingPreallocated" -> "GICv3: Using preallocated redistributor tables";
            case "ExpectedReservedNotFound" -> "GICv3: Expected reserved range [" + at + "], not found";
            case "UsingReservedPending" -> "GICv3: " + cpu + ": using reserved LPI pending table @" + at;
            case "UsingAllocatedPending" -> "GICv3: " + cpu + ": using allocated LPI pending table @" + at;
            case "PendingNotReserved" -> "GICv3: Expected reserved range [" + at + "], not found"
                    + " (WARNING at its_cpu_init_lpis on " + cpu + ")";
            case "PropbaserMismatch" -> "WARNING: " + cpu + " at its_cpu_init_lpis:"
                    + " GICR_PROPBASER is not the adopted property table (taint)";
            case "BootedWithLpisEnabled" -> "GICv3: " + cpu + ": Booted with LPIs enabled, memory probably corrupted";
            case "FailedToDisable" -> cpu + ": Failed to disable LPIs";
            case "UsingPending" -> cpu + ": using LPI pending table @" + at;
            case "PropReserveFailed" -> "WARNING: at gic_reserve_range: efi_mem_reserve_persistent(" + at
                    + ") = -ENODEV (no memreserve root)";
            case "PendReserveFailed" -> "WARNING: " + cpu + " at gic_reserve_range: efi_mem_reserve_persistent("
                    + at + ") = -ENODEV (no memreserve root)";
            case "BadPageState" -> "BUG: Bad page state in process swapper (" + cpu + "'s spare pending table "
                    + at + " is PG_reserved; leaked)";
            case "KernelPanic" -> "Unable to handle kernel paging request; Kernel panic - not syncing";
            default -> (cpu == null ? "" : cpu + ": ") + message;
        };
    }
}

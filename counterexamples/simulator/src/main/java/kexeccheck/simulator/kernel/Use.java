package kexeccheck.simulator.kernel;

/**
 * What a running kernel uses a piece of physical memory for: the owner tag
 * the detector checks writes against. {@link #label()} is the name the trace
 * format uses for a frame's use.
 *
 * @param kind the kind of use
 * @param cpu the CPU, for a pending table; -1 otherwise
 */
public record Use(Kind kind, int cpu) {

    /** The kinds of use. */
    public enum Kind {
        /** In the page allocator, not handed out. */
        FREE("free"),
        /** The kernel's own image. */
        IMAGE("image"),
        /** The kernel's initrd. */
        INITRD("initrd"),
        /** The DTB the kernel booted with. */
        DTB("dtb"),
        /** A /reserved-memory child without no-map (memblock.reserved). */
        FW_RESERVED("fw-reserved"),
        /** Reserved because the EFI memreserve list names it. */
        MEMRESERVE("memreserve"),
        /** memblock-reserved because a proposal's hand-over named it (a {@link KernelExtension}'s account). */
        HANDED_OVER("handed-over"),
        /** The crashkernel= region a crash kernel will run in. */
        CRASH_KERNEL("crash-kernel"),
        /** Not this kernel's RAM: no-map regions, and for a kdump kernel everything outside its region. */
        OUTSIDE("outside"),
        /** This kernel's LPI property table. */
        PROPERTY_TABLE("property-table"),
        /** This kernel's LPI pending table for one CPU. */
        PENDING_TABLE("pending-table"),
        /** Other page-allocator pages the kernel holds (ITS tables, memreserve nodes). */
        KERNEL_DATA("kernel-data");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Uses without a CPU. */
    public static Use of(Kind kind) {
        return new Use(kind, -1);
    }

    /** The pending table of {@code cpu}. */
    public static Use pendingTable(int cpu) {
        return new Use(Kind.PENDING_TABLE, cpu);
    }

    /** The trace format's name for this use, e.g. {@code pending-table:CPU1}. */
    public String label() {
        return kind == Kind.PENDING_TABLE ? "pending-table:CPU" + cpu : kind.label;
    }

    /**
     * Whether a GIC table may sit here without harming this kernel: memory
     * set aside for nothing else, or not the kernel's RAM at all.
     */
    public boolean setAsideForNothingElse() {
        return kind == Kind.FW_RESERVED || kind == Kind.MEMRESERVE || kind == Kind.HANDED_OVER || kind == Kind.OUTSIDE;
    }

    @Override
    public String toString() {
        return label();
    }
}

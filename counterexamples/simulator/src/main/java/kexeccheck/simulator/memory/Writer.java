package kexeccheck.simulator.memory;

/**
 * Who performs a memory write. The stray-write detector judges writes by
 * their writer: a GIC redistributor's DMA, a kernel resetting a table, or
 * everything else (firmware, the loader, a kernel's bookkeeping).
 */
public sealed interface Writer {

    /** A redistributor setting a pending bit in the table its GICR_PENDBASER names. */
    record GicPending(int cpu) implements Writer {
        @Override
        public String toString() {
            return "GIC (CPU" + cpu + " redistributor)";
        }
    }

    /** A kernel resetting or zeroing a GIC table it is about to use. */
    record KernelTable(String kernel, String table) implements Writer {
        @Override
        public String toString() {
            return kernel + " (" + table + ")";
        }
    }

    /** Any other writer: firmware, bootloader, loader, a kernel's own data. */
    record Other(String who) implements Writer {
        @Override
        public String toString() {
            return who;
        }
    }
}

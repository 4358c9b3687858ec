package kexeccheck.simulator.loader;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Memblock;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.AddressRange;

/**
 * /proc/iomem of a running kernel as arm64 5.x/6.x shows it (domain.md §2):
 * memblock.memory as "System RAM"; nested inside it as "reserved" the
 * /reserved-memory children without no-map, the kernel image ("Kernel
 * code"), the crashkernel region ("Crash kernel") and, with
 * ab0eb16205b4, every EFI memreserve'd range. Pages the page allocator gave
 * out (the GIC's LPI tables) are plain System RAM.
 *
 * @param systemRam the "System RAM" entries
 * @param nestedReserved the entries nested inside them, each with its name
 */
public record Iomem(List<AddressRange> systemRam, List<Entry> nestedReserved) {

    /** A nested entry. */
    public record Entry(String name, AddressRange range) {}

    /** The running kernel's /proc/iomem. */
    public static Iomem of(Kernel kernel) {
        List<Entry> nested = new ArrayList<>();
        for (Memblock.Reservation r : kernel.memblock().reserved()) {
            String name = switch (r.reason().kind()) {
                case FW_RESERVED -> "reserved";
                case IMAGE -> "Kernel code";
                case CRASH_KERNEL -> "Crash kernel";
                default -> null;
            };
            if (name != null) nested.add(new Entry(name, r.range()));
        }
        kernel.iomemReserved().forEach(r -> nested.add(new Entry("reserved", r)));
        return new Iomem(kernel.memblock().memory(), nested);
    }

    /** Whether the range lies inside System RAM. */
    public boolean inSystemRam(AddressRange r) {
        return systemRam.stream().anyMatch(m -> m.contains(r));
    }

    /** The first nested entry the range overlaps, or null. */
    public Entry nestedOverlap(AddressRange r) {
        return nestedReserved.stream().filter(e -> e.range().overlaps(r)).findFirst().orElse(null);
    }

    /** How {@code use} shows here, for messages. */
    static String describe(Use use) {
        return use.label();
    }
}

package kexeccheck.simulator.loader;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Memblock;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.AddressRange;

/**
 * /proc/iomem of a running kernel as arm64 shows it (domain.md §2, §3.1):
 * memblock.memory as "System RAM"; nested inside it, every memblock-reserved
 * range as "reserved", rounded out to pages (reserve_memblock_reserved_regions(),
 * 50d7ba36b916, v4.19, capability {@code iomem-lists-memblock}) — the /reserved-memory children without no-map, the
 * initrd, the DTB, the EFI memreserve entries and nodes the kernel inherited
 * and reserved at boot — except the image ("Kernel code") and the crashkernel
 * region ("Crash kernel"), which have their own names; and, with
 * ab0eb16205b4, the memreserve entries the kernel registered itself after
 * boot (efi_mem_reserve_iomem()). Other pages the page allocator gave out
 * (the GIC's LPI tables) are plain System RAM. What a kernel with
 * {@code memreserve-in-memblock} memblock-reserves after boot is not listed
 * again: efi_mem_reserve_iomem() reserves in memblock exactly the ranges it
 * requested as "reserved" ({@code !ret}), which are listed already
 * (2bab693a608b changes the function ab0eb16205b4 added: a kernel with
 * {@code memreserve-in-memblock} has {@code memreserve-in-iomem}).
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
            // before 50d7ba36b916 only the image and the crashkernel region had resources of their own
            boolean exported = kernel.has(Capabilities.IOMEM_LISTS_MEMBLOCK);
            if (!exported && r.reason().kind() != Use.Kind.IMAGE && r.reason().kind() != Use.Kind.CRASH_KERNEL) continue;
            String name = switch (r.reason().kind()) {
                case IMAGE -> "Kernel code";
                case CRASH_KERNEL -> "Crash kernel";
                default -> "reserved";
            };
            nested.add(new Entry(name, pageRounded(r.range())));
        }
        kernel.iomemReserved().forEach(r -> nested.add(new Entry("reserved", pageRounded(r))));
        return new Iomem(kernel.memblock().memory(), nested);
    }

    /** Resources are whole pages: the range rounded out to 4 KiB. */
    private static AddressRange pageRounded(AddressRange r) {
        long page = kexeccheck.simulator.memory.PhysicalMemory.PAGE;
        long base = Math.floorDiv(r.base(), page) * page;
        long end = Math.floorDiv(r.end() + page - 1, page) * page;
        return new AddressRange(base, end - base);
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

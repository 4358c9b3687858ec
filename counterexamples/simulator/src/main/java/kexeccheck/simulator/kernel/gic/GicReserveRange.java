package kexeccheck.simulator.kernel.gic;

import kexeccheck.simulator.firmware.MemreserveList;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Writer;

/**
 * gic_reserve_range() → efi_mem_reserve_persistent() (capability
 * {@code writes-memreserve}): record a table in the EFI memreserve list so
 * the next kernel reserves it. Without EFI config tables, or without a root
 * installed by an EFI stub (a v4.16-v4.19 first kernel installs none),
 * efi_mem_reserve_persistent() returns -ENODEV and the caller's WARN_ON fires. With
 * {@code memreserve-in-iomem} (ab0eb16205b4) the range and any new node
 * also become "reserved" in /proc/iomem (efi_mem_reserve_iomem()). With
 * {@code memreserve-in-memblock} (2bab693a608b, v5.14, 5.10.y) efi_mem_reserve_iomem()
 * also memblock_reserve()s them ({@code if (IS_ENABLED(CONFIG_ARCH_KEEP_MEMBLOCK) && !ret)}):
 * efi_mem_reserve_persistent() calls it for a new node ({@code __pa(rsv), SZ_4K}) and for
 * the entry, and only once it has the root, so only where the record succeeds. The simulated
 * request_resource() never conflicts, so {@code !ret} always holds here.
 */
final class GicReserveRange {

    private final Kernel kernel;

    GicReserveRange(Kernel kernel) {
        this.kernel = kernel;
    }

    /** @param cpu the CPU whose pending table this is, or -1 for the property table */
    void reserve(long pa, long size, int cpu) {
        if (!kernel.has(Capabilities.WRITES_MEMRESERVE) || kernel.efi().isEmpty()) return;
        if (kernel.memreserveList().isEmpty()) {
            kernel.log(cpu, cpu < 0 ? "PropReserveFailed" : "PendReserveFailed", String.format(
                    "WARNING: CPU: %d at gic_reserve_range(0x%016x): efi_mem_reserve_persistent() = -ENODEV",
                    Math.max(cpu, 0), pa), true);
            return;
        }
        kernel.memreserveList().ifPresent(list -> {
            Writer writer = new Writer.Other(kernel.name() + " efi_mem_reserve_persistent");
            long node = list.reservePersistent(pa, size,
                    () -> kernel.allocator().allocate(MemreserveList.NODE, Use.of(Use.Kind.KERNEL_DATA), "memreserve-node"),
                    writer);
            if (kernel.has(Capabilities.MEMRESERVE_IN_IOMEM)) {
                kernel.iomemReserved().add(new AddressRange(pa, size));
                if (node >= 0) kernel.iomemReserved().add(new AddressRange(node, MemreserveList.NODE));
            }
            if (kernel.has(Capabilities.MEMRESERVE_IN_MEMBLOCK)) {
                if (node >= 0) kernel.memblock().reserveAfterBoot(new AddressRange(node, MemreserveList.NODE),
                        Use.of(Use.Kind.MEMRESERVE));
                kernel.memblock().reserveAfterBoot(new AddressRange(pa, size), Use.of(Use.Kind.MEMRESERVE));
            }
        });
    }
}

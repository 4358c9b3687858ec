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
 * installed by an EFI stub, it silently does nothing. With
 * {@code memreserve-in-iomem} (ab0eb16205b4) the range and any new node
 * also become "reserved" in /proc/iomem (efi_mem_reserve_iomem()).
 */
final class GicReserveRange {

    private final Kernel kernel;

    GicReserveRange(Kernel kernel) {
        this.kernel = kernel;
    }

    void reserve(long pa, long size) {
        if (!kernel.has(Capabilities.WRITES_MEMRESERVE)) return;
        kernel.memreserveList().ifPresent(list -> {
            Writer writer = new Writer.Other(kernel.name() + " efi_mem_reserve_persistent");
            long node = list.reservePersistent(pa, size,
                    () -> kernel.allocator().allocate(MemreserveList.NODE, Use.of(Use.Kind.KERNEL_DATA), "memreserve-node"),
                    writer);
            if (kernel.has(Capabilities.MEMRESERVE_IN_IOMEM)) {
                kernel.iomemReserved().add(new AddressRange(pa, size));
                if (node >= 0) kernel.iomemReserved().add(new AddressRange(node, MemreserveList.NODE));
            }
        });
    }
}

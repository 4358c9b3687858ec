package kexeccheck.simulator.kernel;

import kexeccheck.simulator.firmware.MemreserveList;
import kexeccheck.simulator.memory.AddressRange;

/**
 * Capability {@code reads-memreserve}: efi_config_parse_tables()
 * (drivers/firmware/efi/efi.c) walks the memreserve list at early boot and
 * memblock_reserve()s every node and every entry, so reservations persist
 * along a chain of EFI kexecs.
 */
final class MemreserveReader {

    private final Kernel kernel;

    MemreserveReader(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The walk: each node (its struct_size) then each used entry. */
    void reserveAll() {
        kernel.memreserveList().ifPresent(list -> {
            for (MemreserveList.Node n : list.walk()) {
                // struct_size(rsv, entry, rsv->size), with a garbage size (an overwritten node) kept to one page
                long bytes = MemreserveList.HEADER
                        + MemreserveList.ENTRY * (long) Math.min(Math.max(n.size(), 0), MemreserveList.NODE_CAPACITY);
                kernel.memblock().reserve(new AddressRange(n.pa(), bytes), Use.of(Use.Kind.MEMRESERVE));
                for (AddressRange e : n.entries()) {
                    kernel.memblock().reserve(e, Use.of(Use.Kind.MEMRESERVE));
                    if (kernel.has(Capabilities.MEMRESERVE_IN_IOMEM)) kernel.iomemReserved().add(e);
                }
                if (kernel.has(Capabilities.MEMRESERVE_IN_IOMEM) && n.size() > 0) {
                    kernel.iomemReserved().add(new AddressRange(n.pa(), MemreserveList.NODE));
                }
            }
        });
    }
}

package kexeccheck.simulator.kernel.gic;

import java.util.Optional;
import kexeccheck.simulator.firmware.DtNode;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.AddressRange;

/**
 * Capability {@code dt-memory-region-v1}: the 2019 seed's patch 5. The GIC
 * node's {@code memory-region} names a /reserved-memory child; the driver
 * carves its tables from it with a bump allocator, get_of_page(), whose
 * cursor starts at the region's start at every boot.
 */
final class DtMemoryRegion {

    private final Kernel kernel;
    private final AddressRange region;
    private long cursor;

    DtMemoryRegion(Kernel kernel) {
        this.kernel = kernel;
        this.region = kernel.has(Capabilities.DT_MEMORY_REGION_V1) ? find(kernel.deviceTree()).orElse(null) : null;
        this.cursor = region == null ? 0 : region.base();
    }

    private static Optional<AddressRange> find(DtNode dt) {
        return dt.children().stream().filter(n -> n.stringOf("compatible").filter("arm,gic-v3"::equals).isPresent())
                .findFirst().flatMap(gic -> gic.cell("memory-region")).flatMap(dt::byPhandle)
                .flatMap(n -> n.rangesOf("reg").stream().findFirst());
    }

    /** Whether the kernel knows the property and the DT has it. */
    boolean present() {
        return region != null;
    }

    /**
     * get_of_page(size): {@code ALIGN(cursor, size)}, advance past it, zero it through
     * {@code phys_to_virt()}. A no-map region is not in the linear map (arm64 map_mem()), nor is
     * memory outside a capture kernel's usable range: the memset faults.
     *
     * @return the PA, or -1 when the region is exhausted
     * @throws kexeccheck.simulator.kernel.KernelFault when the table is not in the linear map
     */
    long getOfPage(long size, Use use, String table) {
        long at = (cursor + size - 1) / size * size;
        if (at + size > region.end()) return -1;
        if (!kernel.memblock().isMemory(at)) {
            throw new kexeccheck.simulator.kernel.KernelFault(at, "get_of_page (" + table + ")");
        }
        cursor = at + size;
        kernel.view().claim(new AddressRange(at, size), use);
        kernel.memory().fill(at, (int) size, (byte) 0, new kexeccheck.simulator.memory.Writer.KernelTable(kernel.name(), table));
        return at;
    }
}

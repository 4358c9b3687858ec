package kexeccheck.simulator.kernel;

import java.util.List;
import kexeccheck.simulator.firmware.MemreserveList;
import kexeccheck.simulator.memory.AddressRange;

/**
 * Capability {@code reads-memreserve}: efi_config_parse_tables()
 * (drivers/firmware/efi/efi.c, 71e0940d52e1) walks the memreserve list at early boot and
 * memblock_reserve()s every node and every entry, so reservations persist along a chain of
 * EFI kexecs.
 *
 * <p>The walk trusts the bytes as Linux does: it maps one page per node, reserves
 * {@code struct_size(rsv, entry, rsv->size)} from the node, loops over {@code count} entries
 * and follows {@code next}, with no bound on any of them. So a node some kernel or loader wrote
 * over (it is just a page of the kernel that allocated it) is not a tidy 4 KiB: a count beyond
 * the page's 255 entries reads off the mapped page, and a {@code next} that is not RAM is read
 * from nowhere; both fault this early in boot (the kernel dies), and a garbage {@code size}
 * reserves an absurd range.
 */
final class MemreserveReader {

    private final Kernel kernel;

    MemreserveReader(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * The walk: each node (its struct_size) then each used entry.
     *
     * @throws KernelFault when the walk reads off the mapped page or follows a link to no RAM
     */
    void reserveAll() {
        kernel.memreserveList().ifPresent(list -> {
            List<AddressRange> ram = ram();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (long pa = list.root(); pa != 0; ) {
                long node = pa;
                if (node != list.root() && ram.stream().noneMatch(r -> r.contains(node))) {
                    throw new KernelFault(pa, "efi_config_parse_tables (memreserve next)");
                }
                if (!seen.add(pa)) break; // a loop would hang Linux; the simulator stops at the first repeat
                int size = kernel.memory().read32(pa);
                int count = kernel.memory().read32(pa + 4);
                long next = kernel.memory().read64(pa + 8);
                kernel.memblock().reserve(new AddressRange(pa, structSize(ram, pa, size)), Use.of(Use.Kind.MEMRESERVE));
                if (Integer.compareUnsigned(count, MemreserveList.NODE_CAPACITY) > 0) {
                    throw new KernelFault(pa + MemreserveList.NODE, "efi_config_parse_tables (memreserve count "
                            + Integer.toUnsignedString(count) + ")");
                }
                for (int i = 0; i < count; i++) {
                    long at = pa + MemreserveList.HEADER + (long) i * MemreserveList.ENTRY;
                    long base = kernel.memory().read64(at);
                    long bytes = kernel.memory().read64(at + 8);
                    if (bytes > 0 && base >= 0 && base + bytes > base) {
                        kernel.memblock().reserve(new AddressRange(base, bytes), Use.of(Use.Kind.MEMRESERVE));
                    }
                }
                pa = next;
            }
        });
    }

    /** struct_size(rsv, entry, size), saturating as the kernel's overflow helpers do, kept inside RAM. */
    private static long structSize(List<AddressRange> ram, long pa, int size) {
        long wanted = size < 0 ? Long.MAX_VALUE
                : MemreserveList.HEADER + (long) MemreserveList.ENTRY * size;
        long end = ram.stream().filter(r -> r.contains(pa)).mapToLong(AddressRange::end).findFirst().orElse(pa + wanted);
        return Math.max(1, Math.min(wanted, end - pa));
    }

    /** RAM as the DT's /memory nodes give it (a capture kernel's too: only its usable range is memblock's). */
    private List<AddressRange> ram() {
        return kernel.deviceTree().children().stream()
                .filter(n -> n.stringOf("device_type").filter("memory"::equals).isPresent())
                .flatMap(n -> n.rangesOf("reg").stream()).toList();
    }
}

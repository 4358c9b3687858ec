package kexeccheck.simulator.firmware;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;

/**
 * The EFI memreserve list as bytes in RAM (include/linux/efi.h):
 * <pre>
 * struct linux_efi_memreserve {
 *     int          size;    // +0: capacity in entries
 *     atomic_t     count;   // +4: entries used
 *     phys_addr_t  next;    // +8: PA of the next node, 0 ends the list
 *     struct { phys_addr_t base, size; } entry[];   // +16, 16 bytes each
 * };
 * </pre>
 * The root (installed by the EFI stub, found through the EFI config table)
 * has size 0; every other node is one 4 KiB page holding 255 entries.
 * Entries are never removed.
 */
public final class MemreserveList {

    /** The header's size in bytes. */
    public static final int HEADER = 16;
    /** One entry's size in bytes. */
    public static final int ENTRY = 16;
    /** A node's size: efi_mem_reserve_persistent() always uses SZ_4K. */
    public static final int NODE = 4096;
    /** EFI_MEMRESERVE_COUNT(SZ_4K): (4096 - 16) / 16. */
    public static final int NODE_CAPACITY = (NODE - HEADER) / ENTRY;

    private final PhysicalMemory memory;
    private final long root;

    /** The list whose root is at {@code root}. */
    public MemreserveList(PhysicalMemory memory, long root) {
        this.memory = memory;
        this.root = root;
    }

    /** The root's physical address. */
    public long root() {
        return root;
    }

    /**
     * The EFI stub's efi_install_memreserve_table(): an empty root
     * (size 0, count 0, next 0) at {@code root}.
     */
    public static MemreserveList install(PhysicalMemory memory, long root, Writer writer) {
        memory.write(root, new byte[HEADER], writer);
        return new MemreserveList(memory, root);
    }

    /** The 16-byte header of a node, as bytes: size, count, next. */
    public static byte[] header(int size, int count, long next) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(HEADER).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return b.putInt(size).putInt(count).putLong(next).array();
    }

    /** One 16-byte entry, as bytes: base, size. */
    public static byte[] entry(long base, long size) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(ENTRY).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return b.putLong(base).putLong(size).array();
    }

    /**
     * efi_mem_reserve_persistent(addr, size) (drivers/firmware/efi/efi.c):
     * take a free slot in an existing node, else get a free page, make it a
     * node with this one entry and link it at the head, after the root.
     *
     * @param newPage the page allocator (__get_free_page), called only when a node is needed
     * @return the node's PA if a new node was allocated, else -1
     */
    public long reservePersistent(long base, long size, LongSupplier newPage, Writer writer) {
        for (long node = next(root); node != 0; node = next(node)) {
            int capacity = memory.read32(node);
            int count = memory.read32(node + 4);
            if (count < capacity) { // atomic_fetch_add_unless(&rsv->count, 1, rsv->size)
                memory.write(node + HEADER + (long) count * ENTRY, entry(base, size), writer);
                memory.write32(node + 4, count + 1, writer);
                return -1;
            }
        }
        long page = newPage.getAsLong();
        byte[] node = new byte[HEADER + ENTRY];
        System.arraycopy(header(NODE_CAPACITY, 1, next(root)), 0, node, 0, HEADER);
        System.arraycopy(entry(base, size), 0, node, HEADER, ENTRY);
        memory.write(page, node, writer);
        memory.write64(root + 8, page, writer);
        return page;
    }

    private long next(long node) {
        return memory.read64(node + 8);
    }

    /** One node as read from RAM. */
    public record Node(long pa, int size, int count, long next, List<AddressRange> entries) {}

    /**
     * Walks the list as efi_config_parse_tables() does at boot, the root first.
     *
     * @throws IllegalStateException if the list loops
     */
    public List<Node> walk() {
        List<Node> nodes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long pa = root; pa != 0; ) {
            if (pa < 0 || pa >= 1L << 52) break; // a garbage link (the node was overwritten): Linux would fault here
            if (!seen.add(pa)) throw new IllegalStateException("memreserve list loops at 0x" + Long.toHexString(pa));
            int size = memory.read32(pa);
            int count = memory.read32(pa + 4);
            long next = memory.read64(pa + 8);
            List<AddressRange> entries = new ArrayList<>();
            // A node overwritten by a kernel that did not know the list holds garbage: read it as Linux
            // would (at most a page's worth of entries) but keep only ranges that are addresses at all.
            for (int i = 0; i < Math.min(Math.min(count, Math.max(size, 0)), NODE_CAPACITY); i++) {
                long b = memory.read64(pa + HEADER + (long) i * ENTRY);
                long s = memory.read64(pa + HEADER + (long) i * ENTRY + 8);
                if (s > 0 && b >= 0 && b + s > b) entries.add(new AddressRange(b, s));
            }
            nodes.add(new Node(pa, size, count, next, entries));
            pa = next;
        }
        return nodes;
    }

    /**
     * The first node page (not the root, which lives in firmware memory) that {@code range}
     * touches; empty when none does, or when the list no longer ends (already garbage).
     */
    public java.util.Optional<Node> nodeOverlapping(AddressRange range) {
        try {
            return walk().stream().skip(1).filter(n -> range.overlaps(new AddressRange(n.pa(), NODE))).findFirst();
        } catch (IllegalStateException loop) {
            return java.util.Optional.empty();
        }
    }

    /** Every reserved range in list order. */
    public List<AddressRange> reservations() {
        return walk().stream().flatMap(n -> n.entries().stream()).toList();
    }

    /**
     * Problems with the list's shape, empty when well formed: the root has
     * size 0 and count 0, every other node is a 4 KiB-aligned page with
     * size 255 and 1 ≤ count ≤ size, every used entry has a nonzero size,
     * and the list ends.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        List<Node> nodes;
        try {
            nodes = walk();
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
        Node r = nodes.get(0);
        if (r.size() != 0 || r.count() != 0) out.add("root has size " + r.size() + ", count " + r.count());
        for (Node n : nodes.subList(1, nodes.size())) {
            String at = "node 0x" + Long.toHexString(n.pa());
            if (n.pa() % NODE != 0) out.add(at + " is not page aligned");
            if (n.size() != NODE_CAPACITY) out.add(at + " has size " + n.size());
            if (n.count() < 1 || n.count() > n.size()) out.add(at + " has count " + n.count());
            if (n.entries().size() != n.count()) out.add(at + " has an empty entry");
        }
        return out;
    }
}

package kexeccheck.simulator.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kexeccheck.simulator.memory.AddressRange;

/**
 * Early boot memory (mm/memblock.c): {@code memblock.memory} (RAM the
 * kernel may map, no-map regions removed) and {@code memblock.reserved}
 * (what the page allocator must never get), each reservation with the
 * reason it was made.
 *
 * <p>arm64 selects ARCH_KEEP_MEMBLOCK, so memblock outlives boot and a kernel
 * may still memblock_reserve() once it runs (capability
 * {@code memreserve-in-memblock}). Such a late reservation is kept apart from
 * the boot ones: it is bookkeeping only — the page allocator already owns the
 * pages, they are not PG_reserved, and /proc/iomem's reserved entries
 * ({@code Iomem}) are the boot ones — but kexec_file_load, which places the
 * next kernel's segments in memblock's free ranges, sees it.
 */
public final class Memblock {

    /** One reserved range and why. */
    public record Reservation(AddressRange range, Use reason) {}

    private final List<AddressRange> memory = new ArrayList<>();
    private final List<Reservation> reserved = new ArrayList<>();
    private final List<Reservation> reservedAfterBoot = new ArrayList<>();

    /** memblock_add(). */
    public void add(AddressRange range) {
        memory.add(range);
    }

    /** memblock_mark_nomap() as early_init_dt_reserve_memory does for no-map children: gone from the map. */
    public void removeNomap(AddressRange range) {
        List<AddressRange> out = new ArrayList<>();
        for (AddressRange m : memory) {
            if (!m.overlaps(range)) {
                out.add(m);
                continue;
            }
            if (m.base() < range.base()) out.add(new AddressRange(m.base(), range.base() - m.base()));
            if (m.end() > range.end()) out.add(new AddressRange(range.end(), m.end() - range.end()));
        }
        memory.clear();
        memory.addAll(out);
    }

    /** memblock_reserve() at boot (setup_arch()), remembering the reason. */
    public void reserve(AddressRange range, Use reason) {
        reserved.add(new Reservation(range, reason));
    }

    /**
     * memblock_reserve() once the kernel runs: efi_mem_reserve_iomem() with 2bab693a608b
     * (capability {@code memreserve-in-memblock}). See the class comment for what it changes.
     */
    public void reserveAfterBoot(AddressRange range, Use reason) {
        reservedAfterBoot.add(new Reservation(range, reason));
    }

    /** The memory ranges. */
    public List<AddressRange> memory() {
        return List.copyOf(memory);
    }

    /** The reservations made at boot, in the order they were made. */
    public List<Reservation> reserved() {
        return List.copyOf(reserved);
    }

    /** The reservations made after boot, in the order they were made. */
    public List<Reservation> reservedAfterBoot() {
        return List.copyOf(reservedAfterBoot);
    }

    /**
     * for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, ...): memblock.memory minus every
     * reservation, at boot or after, in address order. No-map regions are not in memblock.memory here
     * ({@link #removeNomap}), as MEMBLOCK_NONE skips them in Linux.
     */
    public List<AddressRange> freeRanges() {
        List<AddressRange> free = new ArrayList<>(memory);
        for (Reservation r : allReserved()) {
            List<AddressRange> next = new ArrayList<>();
            for (AddressRange f : free) {
                if (!f.overlaps(r.range())) {
                    next.add(f);
                    continue;
                }
                if (f.base() < r.range().base()) next.add(new AddressRange(f.base(), r.range().base() - f.base()));
                if (f.end() > r.range().end()) next.add(new AddressRange(r.range().end(), f.end() - r.range().end()));
            }
            free = next;
        }
        return free.stream().sorted().toList();
    }

    /** The first reservation, at boot or after, that {@code range} touches. */
    public java.util.Optional<Reservation> reservationOverlapping(AddressRange range) {
        return allReserved().stream().filter(r -> r.range().overlaps(range)).findFirst();
    }

    private List<Reservation> allReserved() {
        List<Reservation> all = new ArrayList<>(reserved);
        all.addAll(reservedAfterBoot);
        return all;
    }

    /** Whether the address is in memblock.memory. */
    public boolean isMemory(long pa) {
        return memory.stream().anyMatch(m -> m.contains(pa));
    }

    /**
     * Whether {@code range} lies inside one reserved range, after memblock has
     * merged adjacent and overlapping reservations (for_each_reserved_mem_range,
     * which walks the late reservations too).
     */
    public boolean insideOneReservedRange(AddressRange range) {
        List<AddressRange> sorted = allReserved().stream().map(Reservation::range)
                .sorted(Comparator.comparingLong(AddressRange::base)).toList();
        long start = -1;
        long end = -1;
        for (AddressRange r : sorted) {
            if (start >= 0 && r.base() <= end) {
                end = Math.max(end, r.end());
            } else {
                if (start >= 0 && range.base() >= start && range.end() <= end) return true;
                start = r.base();
                end = r.end();
            }
        }
        return start >= 0 && range.base() >= start && range.end() <= end;
    }
}

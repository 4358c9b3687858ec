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
 */
public final class Memblock {

    /** One reserved range and why. */
    public record Reservation(AddressRange range, Use reason) {}

    private final List<AddressRange> memory = new ArrayList<>();
    private final List<Reservation> reserved = new ArrayList<>();

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

    /** memblock_reserve(), remembering the reason. */
    public void reserve(AddressRange range, Use reason) {
        reserved.add(new Reservation(range, reason));
    }

    /** The memory ranges. */
    public List<AddressRange> memory() {
        return List.copyOf(memory);
    }

    /** The reservations in the order they were made. */
    public List<Reservation> reserved() {
        return List.copyOf(reserved);
    }

    /** Whether the address is in memblock.memory. */
    public boolean isMemory(long pa) {
        return memory.stream().anyMatch(m -> m.contains(pa));
    }

    /**
     * Whether {@code range} lies inside one reserved range, after memblock has
     * merged adjacent and overlapping reservations (for_each_reserved_mem_range).
     */
    public boolean insideOneReservedRange(AddressRange range) {
        List<AddressRange> sorted = reserved.stream().map(Reservation::range)
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

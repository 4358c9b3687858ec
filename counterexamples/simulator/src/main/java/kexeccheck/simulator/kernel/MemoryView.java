package kexeccheck.simulator.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.RangeMap;

/**
 * One running kernel's owner tags: what it uses each byte of physical memory
 * for. Built at boot from memblock, then changed only by {@link #claim}
 * (the page allocator handing memory out, a table being adopted) and
 * {@link #release}. A claim of memory already owned for something else is a
 * double owner, recorded rather than thrown, so tests can check none happen.
 */
public final class MemoryView {

    private final RangeMap<Use> tags = new RangeMap<>();
    private final RangeMap<Use> claimedFrom = new RangeMap<>();
    private final List<String> doubleOwners = new ArrayList<>();

    /** Everything starts {@code OUTSIDE}: only memory the kernel knows of gets another tag. */
    public MemoryView() {}

    /** Sets the tag of a range at boot, without checks. */
    public void set(AddressRange range, Use use) {
        tags.put(range, use);
    }

    /** The use of the byte at {@code pa}. */
    public Use at(long pa) {
        Use u = tags.get(pa);
        return u == null ? Use.of(Use.Kind.OUTSIDE) : u;
    }

    /**
     * Takes a range for {@code use}. Every byte must have been free (or already
     * this use, or memory set aside for nothing else, as when a table is adopted);
     * anything else is recorded as a double owner.
     */
    public void claim(AddressRange range, Use use) {
        for (Map.Entry<AddressRange, Use> e : spans(range)) {
            Use was = e.getValue();
            if (!was.equals(use) && was.kind() != Use.Kind.FREE && !was.setAsideForNothingElse()) {
                doubleOwners.add(range + " claimed as " + use + " but it is " + was);
            }
            claimedFrom.put(e.getKey(), was);
        }
        tags.put(range, use);
    }

    /** Gives a range back to the page allocator. */
    public void release(AddressRange range) {
        tags.put(range, Use.of(Use.Kind.FREE));
    }

    /** What the byte at {@code pa} was before its last claim, or its current use if never claimed. */
    public Use before(long pa) {
        Use u = claimedFrom.get(pa);
        return u == null ? at(pa) : u;
    }

    /** The tags of a range, split where they change. */
    public List<Map.Entry<AddressRange, Use>> spans(AddressRange range) {
        List<Map.Entry<AddressRange, Use>> out = new ArrayList<>();
        long at = range.base();
        for (Map.Entry<AddressRange, Use> e : tags.entries()) {
            AddressRange r = e.getKey();
            if (r.end() <= range.base() || r.base() >= range.end()) continue;
            if (r.base() > at) out.add(Map.entry(new AddressRange(at, r.base() - at), Use.of(Use.Kind.OUTSIDE)));
            long from = Math.max(at, r.base());
            long to = Math.min(range.end(), r.end());
            out.add(Map.entry(new AddressRange(from, to - from), e.getValue()));
            at = to;
        }
        if (at < range.end()) out.add(Map.entry(new AddressRange(at, range.end() - at), Use.of(Use.Kind.OUTSIDE)));
        return out;
    }

    /** Every tagged range in address order. */
    public List<Map.Entry<AddressRange, Use>> entries() {
        return tags.entries();
    }

    /** Claims of memory that was owned for something else. */
    public List<String> doubleOwners() {
        return List.copyOf(doubleOwners);
    }
}

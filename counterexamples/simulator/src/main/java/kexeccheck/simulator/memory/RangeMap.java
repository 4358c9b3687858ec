package kexeccheck.simulator.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A map from physical addresses to values, stored as disjoint intervals:
 * cheap for a 1 GiB RAM where only a few ranges carry a value.
 *
 * @param <V> the value type
 */
public final class RangeMap<V> {

    private record Span<V>(long end, V value) {}

    private final TreeMap<Long, Span<V>> spans = new TreeMap<>();

    /** Sets {@code value} on the whole range, replacing what was there. */
    public void put(AddressRange range, V value) {
        clear(range);
        spans.put(range.base(), new Span<>(range.end(), value));
    }

    /** Removes any value from the range. */
    public void clear(AddressRange range) {
        Map.Entry<Long, Span<V>> before = spans.lowerEntry(range.base());
        if (before != null && before.getValue().end() > range.base()) {
            Span<V> s = before.getValue();
            spans.put(before.getKey(), new Span<>(range.base(), s.value()));
            if (s.end() > range.end()) spans.put(range.end(), new Span<>(s.end(), s.value()));
        }
        for (Long key : new ArrayList<>(spans.subMap(range.base(), true, range.end(), false).keySet())) {
            Span<V> s = spans.remove(key);
            if (s.end() > range.end()) spans.put(range.end(), new Span<>(s.end(), s.value()));
        }
    }

    /** The value at {@code pa}, or null. */
    public V get(long pa) {
        Map.Entry<Long, Span<V>> e = spans.floorEntry(pa);
        return e != null && e.getValue().end() > pa ? e.getValue().value() : null;
    }

    /** Every range with its value, in address order. */
    public List<Map.Entry<AddressRange, V>> entries() {
        List<Map.Entry<AddressRange, V>> out = new ArrayList<>();
        spans.forEach((b, s) -> out.add(Map.entry(new AddressRange(b, s.end() - b), s.value())));
        return out;
    }

    /** Whether some value lies in the range. */
    public boolean anyIn(AddressRange range) {
        Map.Entry<Long, Span<V>> e = spans.floorEntry(range.base());
        if (e != null && e.getValue().end() > range.base()) return true;
        Long next = spans.ceilingKey(range.base());
        return next != null && next < range.end();
    }
}

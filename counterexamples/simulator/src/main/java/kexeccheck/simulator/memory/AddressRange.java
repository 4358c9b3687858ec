package kexeccheck.simulator.memory;

/**
 * A half-open range of physical addresses {@code [base, base + size)}.
 *
 * @param base the first byte's physical address
 * @param size the length in bytes (positive)
 */
public record AddressRange(long base, long size) implements Comparable<AddressRange> {

    public AddressRange {
        if (size <= 0 || base < 0) {
            throw new IllegalArgumentException("bad range " + Long.toHexString(base) + "+" + size);
        }
    }

    /** One past the last byte. */
    public long end() {
        return base + size;
    }

    /** Whether the address lies inside. */
    public boolean contains(long pa) {
        return pa >= base && pa < end();
    }

    /** Whether {@code other} lies entirely inside this range. */
    public boolean contains(AddressRange other) {
        return other.base >= base && other.end() <= end();
    }

    /** Whether the two ranges share a byte. */
    public boolean overlaps(AddressRange other) {
        return other.base < end() && base < other.end();
    }

    @Override
    public int compareTo(AddressRange o) {
        return base != o.base ? Long.compare(base, o.base) : Long.compare(size, o.size);
    }

    /** As Linux prints a range: {@code [0x48000000-0x4800ffff]}. */
    @Override
    public String toString() {
        return String.format("[0x%x-0x%x]", base, end() - 1);
    }
}

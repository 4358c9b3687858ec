package kexeccheck.simulator.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sparse byte-addressed physical RAM: 4 KiB pages come into existence on
 * their first write and read as zero before it. This is the one address-space
 * API every writer goes through, so that {@link MemoryObserver}s (the owner-tag
 * detector) see the GIC's DMA and the kernels' writes alike. Multi-byte values
 * are little endian, as on arm64.
 */
public final class PhysicalMemory {

    /** The page size the sparse store allocates in. */
    public static final int PAGE = 4096;

    private final Map<Long, byte[]> pages = new HashMap<>();
    private final List<MemoryObserver> observers = new ArrayList<>();

    /** Adds an observer that sees every later write. */
    public void observe(MemoryObserver observer) {
        observers.add(observer);
    }

    /** Writes bytes at {@code pa}, telling every observer first. */
    public void write(long pa, byte[] data, Writer writer) {
        if (data.length == 0) return;
        for (MemoryObserver o : observers) {
            o.beforeWrite(pa, data.length, writer);
        }
        for (int i = 0; i < data.length; ) {
            long at = pa + i;
            byte[] page = pages.computeIfAbsent(at / PAGE, p -> new byte[PAGE]);
            int offset = (int) (at % PAGE);
            int n = Math.min(PAGE - offset, data.length - i);
            System.arraycopy(data, i, page, offset, n);
            i += n;
        }
    }

    /** Fills {@code length} bytes at {@code pa} with one value (memset). */
    public void fill(long pa, int length, byte value, Writer writer) {
        byte[] data = new byte[length];
        if (value != 0) java.util.Arrays.fill(data, value);
        write(pa, data, writer);
    }

    /** Reads {@code length} bytes at {@code pa}; never-written bytes read as zero. */
    public byte[] read(long pa, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; ) {
            long at = pa + i;
            int offset = (int) (at % PAGE);
            int n = Math.min(PAGE - offset, length - i);
            byte[] page = pages.get(at / PAGE);
            if (page != null) System.arraycopy(page, offset, out, i, n);
            i += n;
        }
        return out;
    }

    /** Reads one byte. */
    public int readByte(long pa) {
        return read(pa, 1)[0] & 0xff;
    }

    /** Reads a little-endian 32-bit value. */
    public int read32(long pa) {
        return (int) Bytes.le(read(pa, 4), 0, 4);
    }

    /** Reads a little-endian 64-bit value. */
    public long read64(long pa) {
        return Bytes.le(read(pa, 8), 0, 8);
    }

    /** Writes a little-endian 64-bit value. */
    public void write64(long pa, long value, Writer writer) {
        write(pa, Bytes.le64(value), writer);
    }

    /** Writes a little-endian 32-bit value. */
    public void write32(long pa, int value, Writer writer) {
        write(pa, Bytes.le32(value), writer);
    }

    /** How many 4 KiB pages have been written (the sparse store's size). */
    public int pagesAllocated() {
        return pages.size();
    }
}

package kexeccheck.simulator.kernel;

import java.util.Map;
import java.util.OptionalLong;
import kexeccheck.simulator.memory.AddressRange;

/**
 * The buddy allocator over what memblock left free: hands out naturally
 * aligned blocks of free memory and takes them back. Its state is the
 * kernel's {@link MemoryView}: a block is free when every byte is tagged FREE.
 */
public final class PageAllocator {

    private final MemoryView view;
    private final Placement placement;

    /** An allocator over the free memory of {@code view}, choosing blocks with {@code placement}. */
    public PageAllocator(MemoryView view, Placement placement) {
        this.view = view;
        this.placement = placement;
    }

    /**
     * alloc_pages(): a free, {@code size}-aligned block of {@code size} bytes,
     * tagged {@code use}.
     *
     * @throws KernelFault when no block is free (this early in boot, a panic)
     */
    public long allocate(long size, Use use, String purpose) {
        OptionalLong wanted = placement.preferred(purpose, size);
        if (wanted.isPresent()) {
            AddressRange r = new AddressRange(wanted.getAsLong(), size);
            if (isFree(r)) {
                view.claim(r, use);
                return r.base();
            }
            placement.refused(purpose, r.base(), firstNonFree(r));
        }
        long pa = lowestFree(size, purpose);
        view.claim(new AddressRange(pa, size), use);
        return pa;
    }

    /** free_pages(). */
    public void free(long pa, long size) {
        view.release(new AddressRange(pa, size));
    }

    /** Whether every byte of the range is free. */
    public boolean isFree(AddressRange r) {
        return view.spans(r).stream().allMatch(e -> e.getValue().kind() == Use.Kind.FREE);
    }

    private Use firstNonFree(AddressRange r) {
        return view.spans(r).stream().map(Map.Entry::getValue).filter(u -> u.kind() != Use.Kind.FREE)
                .findFirst().orElse(Use.of(Use.Kind.FREE));
    }

    private long lowestFree(long size, String purpose) {
        long runStart = -1;
        long runEnd = -1;
        for (Map.Entry<AddressRange, Use> e : view.entries()) {
            AddressRange r = e.getKey();
            if (e.getValue().kind() != Use.Kind.FREE) {
                runStart = -1;
                continue;
            }
            if (runStart < 0 || r.base() != runEnd) runStart = r.base();
            runEnd = r.end();
            for (long at = (runStart + size - 1) / size * size; at + size <= runEnd; at += size) {
                AddressRange candidate = new AddressRange(at, size);
                if (!placement.avoid(candidate)) return at;
            }
        }
        throw KernelFault.outOfMemory(size, purpose);
    }
}

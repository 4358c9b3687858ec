package kexeccheck.simulator.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.simulator.World;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.trace.Configuration;

/**
 * Abstract frames to physical addresses. Frames are 64 KiB. RAM is
 * [0x40000000, 0x80000000) as on QEMU's virt board; then:
 * <ul>
 * <li>the board's LPI region starts at {@link #LPI_BASE}: its slots in the
 *     trace's order ({@code property}, then one per CPU), one frame each, so
 *     the region is laid out as U-Boot and get_of_page() lay it out;</li>
 * <li>the crashkernel region is {@link #CRASH_BASE} + 32 MiB: its named frames
 *     first, in the trace's order, then unnamed room for "elsewhere";</li>
 * <li>every other frame Fn is at {@link #FRAME_BASE} + n × 64 KiB.</li>
 * </ul>
 * Memory no frame names ("elsewhere") is everything else: the firmware's
 * default load addresses, and where the allocators put what the trace does
 * not place.
 */
public final class FrameMap {

    /** A frame's size. */
    public static final long FRAME = World.FRAME;
    /** RAM. */
    public static final AddressRange RAM = World.RAM;
    /** Frames outside the LPI and crash regions. */
    public static final long FRAME_BASE = 0x4800_0000L;
    /** The LPI region. */
    public static final long LPI_BASE = World.LPI_BASE;
    /** The crashkernel region. */
    public static final long CRASH_BASE = World.CRASH_BASE;
    /** The crashkernel region's size. */
    public static final long CRASH_SIZE = World.CRASH_SIZE;

    private final Map<String, Long> pa = new LinkedHashMap<>();
    private final AddressRange lpiRegion;
    private final AddressRange crashRegion;

    /** The mapping for a trace's configuration. */
    public FrameMap(Configuration config) {
        List<String> lpi = List.copyOf(config.board().lpiRegion().values());
        List<String> crash = config.board().crashRegion();
        for (String f : config.frames()) {
            if (lpi.contains(f)) {
                pa.put(f, LPI_BASE + lpi.indexOf(f) * FRAME);
            } else if (crash.contains(f)) {
                pa.put(f, CRASH_BASE + crash.indexOf(f) * FRAME);
            } else {
                pa.put(f, FRAME_BASE + Long.parseLong(f.substring(1)) * FRAME);
            }
        }
        lpiRegion = lpi.isEmpty() ? null : new AddressRange(LPI_BASE, lpi.size() * FRAME);
        crashRegion = crash.isEmpty() ? null : World.crashRegion();
    }

    /** The physical address of a frame. */
    public long pa(String frame) {
        Long at = pa.get(frame);
        if (at == null) throw new kexeccheck.trace.InvalidTraceException("the trace uses frame " + frame + ", which its configuration does not name");
        return at;
    }

    /** The frame a physical address lies in, or null (elsewhere). */
    public String frameAt(long address) {
        for (Map.Entry<String, Long> e : pa.entrySet()) {
            if (address >= e.getValue() && address < e.getValue() + FRAME) return e.getKey();
        }
        return null;
    }

    /** Every frame and its address, in the trace's order. */
    public Map<String, Long> all() {
        return java.util.Collections.unmodifiableMap(pa);
    }

    /** Whether a range touches a named frame or a board region: allocations the trace does not place stay out. */
    public boolean named(AddressRange r) {
        if (lpiRegion != null && lpiRegion.overlaps(r)) return true;
        for (long at : pa.values()) {
            if (new AddressRange(at, FRAME).overlaps(r)) return true;
        }
        return false;
    }

    /** The LPI region, or null. */
    public AddressRange lpiRegion() {
        return lpiRegion;
    }

    /** The crashkernel region, or null. */
    public AddressRange crashRegion() {
        return crashRegion;
    }
}

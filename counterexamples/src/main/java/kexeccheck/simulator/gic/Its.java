package kexeccheck.simulator.gic;

/**
 * The ITS, its control registers only: GITS_CTLR (Enabled bit 0, Quiescent
 * bit 31), GITS_CBASER (+0x80) and GITS_BASERn (+0x100 + 8n). Programming a
 * base while the ITS is enabled or not quiescent is UNPREDICTABLE in the
 * architecture; the model accepts it and counts it, which is what the
 * its-quiescent property is about.
 */
public final class Its {

    /** GITS_CTLR offset. */
    public static final int GITS_CTLR = 0x0000;
    /** GITS_CTLR.Enabled. */
    public static final long ENABLED = 1L << 0;
    /** GITS_CTLR.Quiescent. */
    public static final long QUIESCENT = 1L << 31;
    /** GITS_CBASER offset (command queue). */
    public static final int GITS_CBASER = 0x0080;
    /** GITS_BASER0 offset; GITS_BASERn is at +8n. */
    public static final int GITS_BASER0 = 0x0100;

    private final RegisterListener listener;
    private long ctlr = QUIESCENT;
    private long cbaser;
    private final long[] baser = new long[8];
    private int unsafeReprograms;
    private final java.util.Set<Integer> collections = new java.util.TreeSet<>();

    /** @param listener sees every register write */
    public Its(RegisterListener listener) {
        this.listener = listener;
    }

    /** A read at an offset of the ITS frame. */
    public long read(int offset) {
        if (offset == GITS_CTLR) return ctlr;
        if (offset == GITS_CBASER) return cbaser;
        if (offset >= GITS_BASER0 && offset < GITS_BASER0 + 64) return baser[(offset - GITS_BASER0) / 8];
        return 0;
    }

    /** A write at an offset of the ITS frame. */
    public void write(int offset, long value) {
        if (offset == GITS_CTLR) {
            // Disabling completes at once: no command is in flight in the model, so Quiescent follows.
            ctlr = (value & ENABLED) != 0 ? ENABLED : QUIESCENT;
            listener.written("GITS_CTLR", value, ctlr);
            return;
        }
        if (!quiescentAndDisabled()) unsafeReprograms++;
        if (offset == GITS_CBASER) {
            cbaser = value;
            listener.written("GITS_CBASER", value, cbaser);
        } else if (offset >= GITS_BASER0 && offset < GITS_BASER0 + 64) {
            int n = (offset - GITS_BASER0) / 8;
            baser[n] = value;
            collections.clear(); // a new (zeroed) collection table: the old kernel's mappings are gone
            listener.written("GITS_BASER" + n, value, value);
        } else {
            throw new IllegalArgumentException("no ITS register at +0x" + Integer.toHexString(offset));
        }
    }

    /** GITS_CTLR.Enabled. */
    public boolean enabled() {
        return (ctlr & ENABLED) != 0;
    }

    private boolean quiescentAndDisabled() {
        return !enabled() && (ctlr & QUIESCENT) != 0;
    }

    /**
     * The MAPC command for {@code cpu}'s collection (its_cpu_init_collections(), through the command
     * queue): from now on LPIs the ITS translates to that collection reach that CPU's redistributor.
     */
    public void mapCollection(int cpu) {
        collections.add(cpu);
    }

    /** Whether {@code cpu}'s collection is mapped: an MSI routed to an unmapped collection is dropped. */
    public boolean collectionMapped(int cpu) {
        return collections.contains(cpu);
    }

    /** The CPUs whose collections are mapped. */
    public java.util.Set<Integer> collections() {
        return java.util.Collections.unmodifiableSet(collections);
    }

    /** How many base writes happened while the ITS was enabled or busy. */
    public int unsafeReprograms() {
        return unsafeReprograms;
    }
}

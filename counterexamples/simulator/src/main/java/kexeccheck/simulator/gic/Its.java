package kexeccheck.simulator.gic;

/**
 * The ITS, its control registers only: GITS_CTLR (Enabled bit 0, Quiescent
 * bit 31), GITS_CBASER (+0x80, layout in {@link GitsCbaser}) and GITS_BASERn
 * (+0x100 + 8n, layout in {@link GitsBaser}). Programming a base while the
 * ITS is enabled or not quiescent is UNPREDICTABLE in the architecture; the
 * model accepts it and counts it, which is what the its-quiescent property
 * is about.
 *
 * <p>Its tables are QEMU's (hw/intc/arm_gicv3_its.c, gicv3_its_reset()):
 * GITS_BASER0 is the device table and GITS_BASER1 the collection table, each
 * with 8-byte entries (GITS_DTE_SIZE, GITS_CTE_SIZE) and a 64 KiB page size at
 * reset; the other six are unimplemented (Type 0). Type and Entry_Size are
 * read-only: a write keeps them. Device IDs are {@link #DEVICE_ID_BITS} wide
 * (QEMU's ITS_DEVBITS + 1).
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
    /** GITS_TYPER.Devbits + 1 of QEMU's ITS: 16-bit device IDs. */
    public static final int DEVICE_ID_BITS = 16;
    /** The entry size of both tables (QEMU's GITS_DTE_SIZE and GITS_CTE_SIZE). */
    public static final int ENTRY_SIZE = 8;

    private final RegisterListener listener;
    private long ctlr = QUIESCENT;
    private long cbaser;
    private final long[] baser = new long[8];
    private int unsafeReprograms;
    private final java.util.Set<Integer> collections = new java.util.TreeSet<>();

    /** @param listener sees every register write */
    public Its(RegisterListener listener) {
        this.listener = listener;
        baser[0] = GitsBaser.resetValue(GitsBaser.TYPE_DEVICE, ENTRY_SIZE, 64 * 1024);
        baser[1] = GitsBaser.resetValue(GitsBaser.TYPE_COLLECTION, ENTRY_SIZE, 64 * 1024);
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
            baser[n] = (baser[n] & GitsBaser.READ_ONLY) | (value & ~GitsBaser.READ_ONLY);
            collections.clear(); // a new (zeroed) collection table: the old kernel's mappings are gone
            listener.written("GITS_BASER" + n, value, baser[n]);
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

package kexeccheck.simulator.gic;

/**
 * One CPU's redistributor, its LPI registers only (the RD_base frame).
 * Mirrors the architecture: after EnableLPIs has been set it is
 * IMPLEMENTATION DEFINED whether it can be cleared; this model says so with
 * {@code clearable} and advertises it in GICR_CTLR.CES. On sticky hardware
 * writes to GICR_PROPBASER/GICR_PENDBASER while EnableLPIs is set are
 * ignored (the spec calls the result UNPREDICTABLE; ignoring is what keeps
 * the old tables live, the behaviour reported on real parts).
 *
 * <p>GICR_PROPBASER may be this redistributor's own or shared with others
 * ({@link PropbaserStorage}): a write through this frame is then read back
 * through every sharer's, and on sticky hardware it is ignored while any
 * sharer has EnableLPIs set.
 */
public final class Redistributor {

    private final int cpu;
    private final long base;
    private final boolean clearable;
    private final RegisterListener listener;
    private final PropbaserStorage propbaser;
    private long ctlr;
    private long pendbaser;

    /**
     * A redistributor with a GICR_PROPBASER of its own (the architecture's default).
     *
     * @param cpu the CPU it serves
     * @param base its RD_base physical address
     * @param clearable whether EnableLPIs can be cleared once set (GICR_CTLR.CES)
     * @param listener sees every register write
     */
    public Redistributor(int cpu, long base, boolean clearable, RegisterListener listener) {
        this(cpu, base, clearable, listener, new PropbaserStorage());
    }

    /** A redistributor whose GICR_PROPBASER is {@code propbaser}, which others may share. */
    Redistributor(int cpu, long base, boolean clearable, RegisterListener listener, PropbaserStorage propbaser) {
        this.cpu = cpu;
        this.base = base;
        this.clearable = clearable;
        this.listener = listener;
        this.ctlr = clearable ? GicrCtlr.CES : 0;
        this.propbaser = propbaser;
        propbaser.share(this);
    }

    /** The CPU number. */
    public int cpu() {
        return cpu;
    }

    /** RD_base. */
    public long base() {
        return base;
    }

    /** A 64-bit read at an offset of RD_base. */
    public long read(int offset) {
        return switch (offset) {
            case GicrCtlr.OFFSET -> ctlr;
            case GicrPropbaser.OFFSET -> propbaser.value();
            case GicrPendbaser.OFFSET -> pendbaser;
            default -> 0;
        };
    }

    /** A write at an offset of RD_base, with the register's own rules. */
    public void write(int offset, long value) {
        switch (offset) {
            case GicrCtlr.OFFSET -> writeCtlr(value);
            case GicrPropbaser.OFFSET -> {
                if (clearable || !propbaser.live()) propbaser.set(value);
                listener.written("GICR_PROPBASER(CPU" + cpu + ")", value, propbaser.value());
            }
            case GicrPendbaser.OFFSET -> {
                // PTZ is write-only: it tells the GIC the table is zero; it reads as 0.
                if (clearable || !enableLpis()) pendbaser = value & ~GicrPendbaser.PTZ;
                listener.written("GICR_PENDBASER(CPU" + cpu + ")", value, pendbaser);
            }
            default -> throw new IllegalArgumentException("no register at RD_base+0x" + Integer.toHexString(offset));
        }
    }

    private void writeCtlr(long value) {
        boolean enable = (value & GicrCtlr.ENABLE_LPIS) != 0;
        if (enable) {
            ctlr |= GicrCtlr.ENABLE_LPIS;
        } else if (clearable) {
            ctlr &= ~GicrCtlr.ENABLE_LPIS;
        }
        // RWP would be set while the change propagates; the model completes it at once, so RWP reads 0.
        listener.written("GICR_CTLR(CPU" + cpu + ")", value, ctlr);
    }

    /** GICR_CTLR.EnableLPIs. */
    public boolean enableLpis() {
        return (ctlr & GicrCtlr.ENABLE_LPIS) != 0;
    }

    /** The property table GICR_PROPBASER names. */
    public long propertyTable() {
        return GicrPropbaser.pa(propbaser.value());
    }

    /** The pending table GICR_PENDBASER names. */
    public long pendingTable() {
        return GicrPendbaser.pa(pendbaser);
    }
}

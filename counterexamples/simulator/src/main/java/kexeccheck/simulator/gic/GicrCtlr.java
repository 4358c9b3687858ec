package kexeccheck.simulator.gic;

/** GICR_CTLR (RD_base + 0x0000) fields, IHI 0069 §12.11.2. */
public final class GicrCtlr {

    /** Offset in the RD_base frame. */
    public static final int OFFSET = 0x0000;
    /** EnableLPIs, bit 0. */
    public static final long ENABLE_LPIS = 1L << 0;
    /** CES, bit 1: EnableLPIs can be cleared once set. */
    public static final long CES = 1L << 1;
    /** RWP, bit 3: a write to EnableLPIs is still in progress. */
    public static final long RWP = 1L << 3;

    private GicrCtlr() {}
}

package kexeccheck.simulator.gic;

/**
 * GICR_PROPBASER (RD_base + 0x0070): IDbits [4:0], InnerCache [9:7],
 * Shareability [11:10], PA [51:12], OuterCache [58:56] (IHI 0069 §12.11.25).
 */
public final class GicrPropbaser {

    /** Offset in the RD_base frame. */
    public static final int OFFSET = 0x0070;
    /** Physical_Address, bits [51:12]. */
    public static final long PA_MASK = 0x000f_ffff_ffff_f000L;
    /** IDbits, bits [4:0]: the number of INTID bits minus one. */
    public static final long IDBITS_MASK = 0x1fL;
    /** InnerCache = 0b111 (Normal, inner write-back, read- and write-allocate): Linux's RaWaWb. */
    public static final long INNER_RAWAWB = 7L << 7;
    /** Shareability = 0b01, Inner Shareable. */
    public static final long INNER_SHAREABLE = 1L << 10;

    private GicrPropbaser() {}

    /** The value Linux writes: the table's PA, inner shareable, RaWaWb, and {@code idBits - 1}. */
    public static long encode(long pa, int idBits) {
        return (pa & PA_MASK) | INNER_SHAREABLE | INNER_RAWAWB | ((idBits - 1) & IDBITS_MASK);
    }

    /** The property table's physical address. */
    public static long pa(long value) {
        return value & PA_MASK;
    }

    /** IDbits + 1: the number of INTID bits the table covers. */
    public static int idBits(long value) {
        return (int) (value & IDBITS_MASK) + 1;
    }
}

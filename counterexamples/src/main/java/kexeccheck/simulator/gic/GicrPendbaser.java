package kexeccheck.simulator.gic;

/**
 * GICR_PENDBASER (RD_base + 0x0078): InnerCache [9:7], Shareability [11:10],
 * PA [51:16], OuterCache [58:56], PTZ [62] (IHI 0069 §12.11.24).
 */
public final class GicrPendbaser {

    /** Offset in the RD_base frame. */
    public static final int OFFSET = 0x0078;
    /** Physical_Address, bits [51:16]: the pending table is 64 KiB aligned. */
    public static final long PA_MASK = 0x000f_ffff_ffff_0000L;
    /** PTZ, bit 62: software says the table is all zero. */
    public static final long PTZ = 1L << 62;

    private GicrPendbaser() {}

    /** The value Linux writes: the table's PA, inner shareable, RaWaWb; PTZ as given. */
    public static long encode(long pa, boolean ptz) {
        return (pa & PA_MASK) | GicrPropbaser.INNER_SHAREABLE | GicrPropbaser.INNER_RAWAWB | (ptz ? PTZ : 0);
    }

    /** The pending table's physical address. */
    public static long pa(long value) {
        return value & PA_MASK;
    }
}

package kexeccheck.simulator.gic;

/**
 * GICR_PENDBASER (RD_base + 0x0078): InnerCache [9:7], Shareability [11:10],
 * PA [51:16], OuterCache [58:56], PTZ [62] (IHI 0069 §12.11.24; Linux's
 * {@code GICR_PENDBASER_*} in include/linux/irqchip/arm-gic-v3.h).
 *
 * <p>The two writers differ in PTZ ("Pending Table Zero": software tells the
 * GIC the table is all zero, so the GIC need not read it when LPIs are
 * enabled):
 * <ul>
 * <li>Linux's its_cpu_init_lpis() (drivers/irqchip/irq-gic-v3-its.c, the same
 *     composition in v4.15 through v6.x) writes
 *     {@code page_to_phys(pend_page) | GICR_PENDBASER_InnerShareable |
 *     GICR_PENDBASER_RaWaWb}: no PTZ, although its_allocate_pending_table()
 *     got the pages with __GFP_ZERO ({@link #asLinuxWrites}).</li>
 * <li>U-Boot's gic_lpi_tables_init() (arch/arm/lib/gic-v3-its.c, u-boot master)
 *     memsets the pending tables to zero, flushes them and writes
 *     {@code (base + 64 KiB + i * LPI_PENDBASE_SZ) | GICR_PENDBASER_INNERSHAREABLE |
 *     GICR_PENDBASER_RAWAWB | GICR_PENDBASER_PTZ} ({@link #asUBootWrites}).
 *     The first version of that file (Broadcom, 2019/2020, the
 *     {@code gic_lpi_tables_init(void)} reading a "gic-lpi-base" syscon)
 *     neither zeroed the tables nor set PTZ.</li>
 * </ul>
 * Both fall back to non-shareable, non-cacheable when the shareability reads
 * back as 0; the simulated GIC keeps what is written, so that never runs here.
 */
public final class GicrPendbaser {

    /** Offset in the RD_base frame. */
    public static final int OFFSET = 0x0078;
    /** Physical_Address, bits [51:16]: the pending table is 64 KiB aligned. */
    public static final long PA_MASK = 0x000f_ffff_ffff_0000L;
    /** PTZ, bit 62: software says the table is all zero. */
    public static final long PTZ = 1L << 62;
    /** InnerCache, bits [9:7]. */
    public static final int INNER_CACHE_SHIFT = 7;
    /** Shareability, bits [11:10]. */
    public static final int SHAREABILITY_SHIFT = 10;
    /** OuterCache, bits [58:56]. */
    public static final int OUTER_CACHE_SHIFT = 56;
    /** The InnerCache field. */
    public static final long INNER_CACHE_MASK = BaserAttributes.CACHE_MASK << INNER_CACHE_SHIFT;
    /** The Shareability field. */
    public static final long SHAREABILITY_MASK = BaserAttributes.SHAREABILITY_MASK << SHAREABILITY_SHIFT;
    /** The OuterCache field. */
    public static final long OUTER_CACHE_MASK = BaserAttributes.CACHE_MASK << OUTER_CACHE_SHIFT;
    /** InnerCache = 0b111: {@code GICR_PENDBASER_RaWaWb}. */
    public static final long INNER_RAWAWB = BaserAttributes.CACHE_RAWAWB << INNER_CACHE_SHIFT;
    /** Shareability = 0b01: {@code GICR_PENDBASER_InnerShareable}. */
    public static final long INNER_SHAREABLE = BaserAttributes.INNER_SHAREABLE << SHAREABILITY_SHIFT;

    private GicrPendbaser() {}

    /** Any value: the table's PA, the attribute codes of {@link BaserAttributes}, PTZ as given. */
    public static long encode(long pa, long shareability, long innerCache, boolean ptz) {
        return (pa & PA_MASK)
                | ((shareability & BaserAttributes.SHAREABILITY_MASK) << SHAREABILITY_SHIFT)
                | ((innerCache & BaserAttributes.CACHE_MASK) << INNER_CACHE_SHIFT)
                | (ptz ? PTZ : 0);
    }

    /** The table's PA, inner shareable, RaWaWb; PTZ as given. */
    public static long encode(long pa, boolean ptz) {
        return encode(pa, BaserAttributes.INNER_SHAREABLE, BaserAttributes.CACHE_RAWAWB, ptz);
    }

    /** What Linux's its_cpu_init_lpis() writes: PA | InnerShareable | RaWaWb, PTZ clear. */
    public static long asLinuxWrites(long pa) {
        return encode(pa, false);
    }

    /** What U-Boot's gic_lpi_tables_init() writes: PA | InnerShareable | RaWaWb | PTZ. */
    public static long asUBootWrites(long pa) {
        return encode(pa, true);
    }

    /** The pending table's physical address. */
    public static long pa(long value) {
        return value & PA_MASK;
    }

    /** Whether PTZ is set in a value as written (the register reads it as 0). */
    public static boolean ptz(long value) {
        return (value & PTZ) != 0;
    }

    /** The Shareability field's code. */
    public static long shareability(long value) {
        return (value & SHAREABILITY_MASK) >>> SHAREABILITY_SHIFT;
    }

    /** The InnerCache field's code. */
    public static long innerCache(long value) {
        return (value & INNER_CACHE_MASK) >>> INNER_CACHE_SHIFT;
    }
}

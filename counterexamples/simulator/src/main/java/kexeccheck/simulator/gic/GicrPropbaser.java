package kexeccheck.simulator.gic;

/**
 * GICR_PROPBASER (RD_base + 0x0070): IDbits [4:0], InnerCache [9:7],
 * Shareability [11:10], PA [51:12], OuterCache [58:56] (IHI 0069 §12.11.25;
 * Linux's {@code GICR_PROPBASER_*} in include/linux/irqchip/arm-gic-v3.h).
 *
 * <p>Linux and U-Boot compose the same value: Linux's its_cpu_init_lpis()
 * (drivers/irqchip/irq-gic-v3-its.c, unchanged from v4.19 through v6.x)
 * writes {@code prop_table_pa | GICR_PROPBASER_InnerShareable |
 * GICR_PROPBASER_RaWaWb | ((LPI_NRBITS - 1) & GICR_PROPBASER_IDBITS_MASK)};
 * U-Boot's gic_lpi_tables_init() (arch/arm/lib/gic-v3-its.c) writes
 * {@code base | GICR_PROPBASER_INNERSHAREABLE | GICR_PROPBASER_RAWAWB |
 * ((LPI_NRBITS - 1) & GICR_PROPBASER_IDBITS_MASK)}. Neither sets the outer
 * cacheability (0: same as inner). Both fall back to non-shareable,
 * non-cacheable when the GIC reads the shareability back as 0; the simulated
 * GIC keeps what is written, so that fallback never runs here.
 */
public final class GicrPropbaser {

    /** Offset in the RD_base frame. */
    public static final int OFFSET = 0x0070;
    /** Physical_Address, bits [51:12]. */
    public static final long PA_MASK = 0x000f_ffff_ffff_f000L;
    /** IDbits, bits [4:0]: the number of INTID bits minus one. */
    public static final long IDBITS_MASK = 0x1fL;
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
    /** InnerCache = 0b111 (Normal, inner write-back, read- and write-allocate): {@code GICR_PROPBASER_RaWaWb}. */
    public static final long INNER_RAWAWB = BaserAttributes.CACHE_RAWAWB << INNER_CACHE_SHIFT;
    /** Shareability = 0b01: {@code GICR_PROPBASER_InnerShareable}. */
    public static final long INNER_SHAREABLE = BaserAttributes.INNER_SHAREABLE << SHAREABILITY_SHIFT;

    private GicrPropbaser() {}

    /**
     * Any value: the table's PA, the attribute codes of {@link BaserAttributes}
     * and {@code idBits - 1}. Outer cacheability 0 (same as inner).
     */
    public static long encode(long pa, long shareability, long innerCache, int idBits) {
        return (pa & PA_MASK)
                | ((shareability & BaserAttributes.SHAREABILITY_MASK) << SHAREABILITY_SHIFT)
                | ((innerCache & BaserAttributes.CACHE_MASK) << INNER_CACHE_SHIFT)
                | ((idBits - 1) & IDBITS_MASK);
    }

    /**
     * The value Linux's its_cpu_init_lpis() and U-Boot's gic_lpi_tables_init()
     * write: the table's PA, inner shareable, RaWaWb, and {@code idBits - 1}
     * (Linux: LPI_NRBITS, 16; U-Boot: min(GICD_TYPER.IDbits + 1, 16)).
     */
    public static long encode(long pa, int idBits) {
        return encode(pa, BaserAttributes.INNER_SHAREABLE, BaserAttributes.CACHE_RAWAWB, idBits);
    }

    /** The property table's physical address. */
    public static long pa(long value) {
        return value & PA_MASK;
    }

    /** IDbits + 1: the number of INTID bits the table covers. */
    public static int idBits(long value) {
        return (int) (value & IDBITS_MASK) + 1;
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

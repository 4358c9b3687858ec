package kexeccheck.simulator.gic;

/**
 * The memory-attribute codes every GICv3 table base register shares
 * (GICR_PROPBASER, GICR_PENDBASER, GITS_CBASER, GITS_BASERn): a 3-bit
 * cacheability field (inner and outer, each at its register's own bit
 * position) and a 2-bit shareability field. The codes are the GICv3
 * architecture's (Arm IHI 0069, the descriptions of those four registers);
 * Linux spells them {@code GIC_BASER_CACHE_*} and {@code GIC_BASER_*Shareable}
 * in include/linux/irqchip/arm-gic-v3.h, U-Boot the same values in
 * arch/arm/include/asm/gic-v3.h.
 */
public final class BaserAttributes {

    /** Cacheability 0b000: Device-nGnRnE (inner field); for the outer field "same as inner". */
    public static final long CACHE_NCNB = 0;
    /** Cacheability 0b001: Normal, non-cacheable ({@code GIC_BASER_CACHE_nC}). */
    public static final long CACHE_NC = 1;
    /** Cacheability 0b010: Normal, read-allocate, write-through. */
    public static final long CACHE_RAWT = 2;
    /** Cacheability 0b011: Normal, read-allocate, write-back. */
    public static final long CACHE_RAWB = 3;
    /** Cacheability 0b100: Normal, write-allocate, write-through. */
    public static final long CACHE_WAWT = 4;
    /** Cacheability 0b101: Normal, write-allocate, write-back. */
    public static final long CACHE_WAWB = 5;
    /** Cacheability 0b110: Normal, read- and write-allocate, write-through. */
    public static final long CACHE_RAWAWT = 6;
    /** Cacheability 0b111: Normal, read- and write-allocate, write-back ({@code GIC_BASER_CACHE_RaWaWb}). */
    public static final long CACHE_RAWAWB = 7;
    /** A cacheability field's width. */
    public static final long CACHE_MASK = 7;

    /** Shareability 0b00: non-shareable. */
    public static final long NON_SHAREABLE = 0;
    /** Shareability 0b01: inner shareable ({@code GIC_BASER_InnerShareable}). */
    public static final long INNER_SHAREABLE = 1;
    /** Shareability 0b10: outer shareable. */
    public static final long OUTER_SHAREABLE = 2;
    /** A shareability field's width. */
    public static final long SHAREABILITY_MASK = 3;

    private BaserAttributes() {}
}

package kexeccheck.simulator.gic;

/**
 * GITS_CBASER (ITS_base + 0x0080), the command queue's base: Size [7:0]
 * (the queue's length in 4 KiB pages, minus one), Shareability [11:10],
 * Physical_Address [51:12], OuterCache [55:53], InnerCache [61:59],
 * Valid [63] (IHI 0069, GITS_CBASER; Linux's {@code GITS_CBASER_*} in
 * include/linux/irqchip/arm-gic-v3.h: SHAREABILITY_SHIFT 10,
 * OUTER_CACHEABILITY_SHIFT 53, INNER_CACHEABILITY_SHIFT 59, VALID bit 63).
 *
 * <p>Linux's its_probe_one() (drivers/irqchip/irq-gic-v3-its.c, v4.x to
 * v6.x) writes {@code virt_to_phys(its->cmd_base) | GITS_CBASER_RaWaWb |
 * GITS_CBASER_InnerShareable | (ITS_CMD_QUEUE_SZ / SZ_4K - 1) |
 * GITS_CBASER_VALID} with ITS_CMD_QUEUE_SZ = 64 KiB, so Size = 15
 * ({@link #asLinuxWrites}); it falls back to non-cacheable when the
 * shareability does not stick, which the simulated ITS never causes.
 */
public final class GitsCbaser {

    /** Size, bits [7:0]: the number of 4 KiB pages minus one. */
    public static final long SIZE_MASK = 0xffL;
    /** Shareability, bits [11:10]. */
    public static final int SHAREABILITY_SHIFT = 10;
    /** Physical_Address, bits [51:12]. */
    public static final long PA_MASK = 0x000f_ffff_ffff_f000L;
    /** OuterCache, bits [55:53]. */
    public static final int OUTER_CACHE_SHIFT = 53;
    /** InnerCache, bits [61:59]. */
    public static final int INNER_CACHE_SHIFT = 59;
    /** Valid, bit 63. */
    public static final long VALID = 1L << 63;
    /** The Shareability field. */
    public static final long SHAREABILITY_MASK = BaserAttributes.SHAREABILITY_MASK << SHAREABILITY_SHIFT;
    /** The InnerCache field. */
    public static final long INNER_CACHE_MASK = BaserAttributes.CACHE_MASK << INNER_CACHE_SHIFT;
    /** The OuterCache field. */
    public static final long OUTER_CACHE_MASK = BaserAttributes.CACHE_MASK << OUTER_CACHE_SHIFT;
    /** {@code GITS_CBASER_RaWaWb}: InnerCache 0b111. */
    public static final long INNER_RAWAWB = BaserAttributes.CACHE_RAWAWB << INNER_CACHE_SHIFT;
    /** {@code GITS_CBASER_InnerShareable}: Shareability 0b01. */
    public static final long INNER_SHAREABLE = BaserAttributes.INNER_SHAREABLE << SHAREABILITY_SHIFT;
    /** The unit of the Size field. */
    public static final int PAGE = 4 * 1024;
    /** Linux's ITS_CMD_QUEUE_SZ (SZ_64K). */
    public static final int LINUX_CMD_QUEUE_SZ = 64 * 1024;

    private GitsCbaser() {}

    /**
     * Any valid value: the queue's PA, its length in bytes (a multiple of 4 KiB,
     * 4 KiB to 1 MiB) and the attribute codes of {@link BaserAttributes}.
     */
    public static long encode(long pa, int bytes, long shareability, long innerCache) {
        if (bytes < PAGE || bytes % PAGE != 0 || bytes / PAGE > SIZE_MASK + 1) {
            throw new IllegalArgumentException("a command queue is 1 to 256 4 KiB pages, not " + bytes + " bytes");
        }
        return (pa & PA_MASK)
                | ((innerCache & BaserAttributes.CACHE_MASK) << INNER_CACHE_SHIFT)
                | ((shareability & BaserAttributes.SHAREABILITY_MASK) << SHAREABILITY_SHIFT)
                | (bytes / PAGE - 1)
                | VALID;
    }

    /** What its_probe_one() writes for the 64 KiB queue at {@code pa}: RaWaWb, inner shareable, Size 15, Valid. */
    public static long asLinuxWrites(long pa) {
        return encode(pa, LINUX_CMD_QUEUE_SZ, BaserAttributes.INNER_SHAREABLE, BaserAttributes.CACHE_RAWAWB);
    }

    /** The queue's physical address. */
    public static long pa(long value) {
        return value & PA_MASK;
    }

    /** The queue's length in bytes. */
    public static int bytes(long value) {
        return (int) ((value & SIZE_MASK) + 1) * PAGE;
    }

    /** Valid. */
    public static boolean valid(long value) {
        return (value & VALID) != 0;
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

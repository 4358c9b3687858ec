package kexeccheck.simulator.gic;

/**
 * GITS_BASER&lt;n&gt; (ITS_base + 0x0100 + 8n), the base of one ITS table
 * (IHI 0069, GITS_BASER&lt;n&gt;; Linux's {@code GITS_BASER_*} in
 * include/linux/irqchip/arm-gic-v3.h):
 * <pre>
 *  [7:0]   Size             pages - 1
 *  [9:8]   Page_Size        0b00 4 KiB, 0b01 16 KiB, 0b10 64 KiB
 *  [11:10] Shareability
 *  [47:12] Physical_Address (64 KiB pages: PA[47:16] in [47:16], PA[51:48] in [15:12])
 *  [52:48] Entry_Size       bytes - 1, read-only
 *  [55:53] OuterCache
 *  [58:56] Type             read-only: 0 none, 1 devices, 2 vPEs, 4 collections
 *  [61:59] InnerCache
 *  [62]    Indirect         two-level table
 *  [63]    Valid
 * </pre>
 *
 * <p>Linux's its_setup_baser() (drivers/irqchip/irq-gic-v3-its.c, v4.x to
 * v6.x), called from its_alloc_tables() in its_probe_one(), writes
 * {@code baser_phys | (type << GITS_BASER_TYPE_SHIFT) | ((esz - 1) <<
 * GITS_BASER_ENTRY_SIZE_SHIFT) | ((alloc_pages - 1) << GITS_BASER_PAGES_SHIFT) |
 * cache | shr | GITS_BASER_VALID}, plus GITS_BASER_INDIRECT when it chose a
 * two-level table and the page-size code of the psz its_probe_baser_psz()
 * found (it tries 64 KiB first); {@code cache} starts as GITS_BASER_RaWaWb
 * and {@code shr} as GITS_BASER_InnerShareable (its_alloc_tables()).
 * {@link #asLinuxWrites} composes that.
 */
public final class GitsBaser {

    /** Size, bits [7:0]: the number of pages minus one. */
    public static final long SIZE_MASK = 0xffL;
    /** Page_Size, bits [9:8]. */
    public static final int PAGE_SIZE_SHIFT = 8;
    /** The Page_Size field. */
    public static final long PAGE_SIZE_MASK = 3L << PAGE_SIZE_SHIFT;
    /** Page_Size code for 4 KiB ({@code GIC_PAGE_SIZE_4K}). */
    public static final long PAGE_SIZE_4K = 0;
    /** Page_Size code for 16 KiB. */
    public static final long PAGE_SIZE_16K = 1;
    /** Page_Size code for 64 KiB. */
    public static final long PAGE_SIZE_64K = 2;
    /** Shareability, bits [11:10]. */
    public static final int SHAREABILITY_SHIFT = 10;
    /** The Shareability field. */
    public static final long SHAREABILITY_MASK = BaserAttributes.SHAREABILITY_MASK << SHAREABILITY_SHIFT;
    /** Physical_Address, bits [47:12]. */
    public static final long ADDR_MASK = 0x0000_ffff_ffff_f000L;
    /** Entry_Size, bits [52:48] (read-only): bytes per entry minus one. */
    public static final int ENTRY_SIZE_SHIFT = 48;
    /** The Entry_Size field. */
    public static final long ENTRY_SIZE_MASK = 0x1fL << ENTRY_SIZE_SHIFT;
    /** OuterCache, bits [55:53]. */
    public static final int OUTER_CACHE_SHIFT = 53;
    /** The OuterCache field. */
    public static final long OUTER_CACHE_MASK = BaserAttributes.CACHE_MASK << OUTER_CACHE_SHIFT;
    /** Type, bits [58:56] (read-only). */
    public static final int TYPE_SHIFT = 56;
    /** The Type field. */
    public static final long TYPE_MASK = 7L << TYPE_SHIFT;
    /** InnerCache, bits [61:59]. */
    public static final int INNER_CACHE_SHIFT = 59;
    /** The InnerCache field. */
    public static final long INNER_CACHE_MASK = BaserAttributes.CACHE_MASK << INNER_CACHE_SHIFT;
    /** {@code GITS_BASER_RaWaWb}: InnerCache 0b111. */
    public static final long INNER_RAWAWB = BaserAttributes.CACHE_RAWAWB << INNER_CACHE_SHIFT;
    /** {@code GITS_BASER_InnerShareable}: Shareability 0b01. */
    public static final long INNER_SHAREABLE = BaserAttributes.INNER_SHAREABLE << SHAREABILITY_SHIFT;
    /** Indirect, bit 62. */
    public static final long INDIRECT = 1L << 62;
    /** Valid, bit 63. */
    public static final long VALID = 1L << 63;
    /** The fields software cannot change (Type and Entry_Size). */
    public static final long READ_ONLY = TYPE_MASK | ENTRY_SIZE_MASK;

    /** Type 0: unimplemented. */
    public static final int TYPE_NONE = 0;
    /** Type 1: the device table. */
    public static final int TYPE_DEVICE = 1;
    /** Type 2: the vPE table (GICv4). */
    public static final int TYPE_VCPU = 2;
    /** Type 4: the collection table. */
    public static final int TYPE_COLLECTION = 4;

    /** Linux's GITS_LVL1_ENTRY_SIZE: a level-1 entry of a two-level table is 8 bytes. */
    public static final int LVL1_ENTRY_SIZE = 8;

    private GitsBaser() {}

    /**
     * What a GIC implementation puts in the read-only fields at reset: a
     * table's type and entry size, and the page size it starts with.
     */
    public static long resetValue(int type, int entrySize, int pageSize) {
        return ((long) (type & 7) << TYPE_SHIFT) | ((long) (entrySize - 1) << ENTRY_SIZE_SHIFT)
                | (pageSizeCode(pageSize) << PAGE_SIZE_SHIFT);
    }

    /**
     * Any valid value.
     *
     * @param pa the table's physical address, aligned to {@code pageSize}
     * @param type the table's type (as the register reports it)
     * @param entrySize bytes per entry (as the register reports it)
     * @param pageSize 4, 16 or 64 KiB
     * @param pages the number of pages, 1 to 256
     * @param shareability a {@link BaserAttributes} shareability code
     * @param innerCache a {@link BaserAttributes} cacheability code
     * @param indirect whether the table is two-level
     */
    public static long encode(long pa, int type, int entrySize, int pageSize, int pages,
                              long shareability, long innerCache, boolean indirect) {
        if (pages < 1 || pages > SIZE_MASK + 1) throw new IllegalArgumentException("pages " + pages);
        if (entrySize < 1 || entrySize > 32) throw new IllegalArgumentException("entry size " + entrySize);
        if (pa % pageSize != 0) throw new IllegalArgumentException("PA not aligned to the ITS page size");
        return addressField(pa, pageSize)
                | ((long) (type & 7) << TYPE_SHIFT)
                | ((long) (entrySize - 1) << ENTRY_SIZE_SHIFT)
                | (pages - 1)
                | ((innerCache & BaserAttributes.CACHE_MASK) << INNER_CACHE_SHIFT)
                | ((shareability & BaserAttributes.SHAREABILITY_MASK) << SHAREABILITY_SHIFT)
                | VALID
                | (indirect ? INDIRECT : 0)
                | (pageSizeCode(pageSize) << PAGE_SIZE_SHIFT);
    }

    /** What its_setup_baser() writes on its first try: inner shareable, RaWaWb, Valid. */
    public static long asLinuxWrites(long pa, int type, int entrySize, int pageSize, int pages, boolean indirect) {
        return encode(pa, type, entrySize, pageSize, pages, BaserAttributes.INNER_SHAREABLE,
                BaserAttributes.CACHE_RAWAWB, indirect);
    }

    /** Page_Size's code for 4, 16 or 64 KiB. */
    public static long pageSizeCode(int pageSize) {
        return switch (pageSize) {
            case 4 * 1024 -> PAGE_SIZE_4K;
            case 16 * 1024 -> PAGE_SIZE_16K;
            case 64 * 1024 -> PAGE_SIZE_64K;
            default -> throw new IllegalArgumentException("no ITS page size " + pageSize);
        };
    }

    /** The page size a value names, in bytes. */
    public static int pageSize(long value) {
        long code = (value & PAGE_SIZE_MASK) >>> PAGE_SIZE_SHIFT;
        return code == PAGE_SIZE_4K ? 4 * 1024 : code == PAGE_SIZE_16K ? 16 * 1024 : 64 * 1024;
    }

    /**
     * The Physical_Address field for a table at {@code pa}: with 64 KiB pages
     * PA[51:48] goes to bits [15:12] (Linux's GITS_BASER_PHYS_52_to_48).
     */
    private static long addressField(long pa, int pageSize) {
        if (pageSize == 64 * 1024) return (pa & 0x0000_ffff_ffff_0000L) | (((pa >>> 48) & 0xf) << 12);
        return pa & ADDR_MASK;
    }

    /** The table's physical address (Linux's GITS_BASER_ADDR_48_to_52 for 64 KiB pages). */
    public static long pa(long value) {
        if (pageSize(value) == 64 * 1024) {
            return (value & 0x0000_ffff_ffff_0000L) | (((value >>> 12) & 0xf) << 48);
        }
        return value & ADDR_MASK;
    }

    /** Type. */
    public static int type(long value) {
        return (int) ((value & TYPE_MASK) >>> TYPE_SHIFT);
    }

    /** Entry_Size + 1: bytes per entry. */
    public static int entrySize(long value) {
        return (int) ((value & ENTRY_SIZE_MASK) >>> ENTRY_SIZE_SHIFT) + 1;
    }

    /** Size + 1: the number of pages. */
    public static int pages(long value) {
        return (int) (value & SIZE_MASK) + 1;
    }

    /** Valid. */
    public static boolean valid(long value) {
        return (value & VALID) != 0;
    }

    /** Indirect. */
    public static boolean indirect(long value) {
        return (value & INDIRECT) != 0;
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

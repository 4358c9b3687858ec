package kexeccheck.simulator.gic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Register layouts of IHI 0069 / domain.md §6, pinned against values computed by hand. */
class RegisterEncodingTest {

    private final List<String> writes = new ArrayList<>();

    @Test
    void propbaserAsLinuxWritesIt() {
        // PA 0x48000000 | Shareability 0b01 << 10 (0x400) | InnerCache 0b111 << 7 (0x380) | IDbits 16-1 (0xf)
        assertEquals(0x4800_078fL, GicrPropbaser.encode(0x4800_0000L, 16));
        assertEquals(0x4800_0000L, GicrPropbaser.pa(0x4800_078fL));
        assertEquals(16, GicrPropbaser.idBits(0x4800_078fL));
        // PA bits above 51 and below 12 are not address bits
        assertEquals(0x000f_ffff_ffff_f000L, GicrPropbaser.pa(-1L));
        assertEquals(0x70, GicrPropbaser.OFFSET);
    }

    @Test
    void pendbaserAsLinuxWritesIt() {
        // its_cpu_init_lpis(): PA 0x48020000 | InnerShareable (0b01 << 10 = 0x400) | RaWaWb (0b111 << 7 = 0x380);
        // Linux never sets PTZ (bit 62)
        long linux = GicrPendbaser.asLinuxWrites(0x4802_0000L);
        assertEquals(0x0000_0000_4802_0780L, linux);
        assertFalse(GicrPendbaser.ptz(linux));
        assertEquals(BaserAttributes.INNER_SHAREABLE, GicrPendbaser.shareability(linux));
        assertEquals(BaserAttributes.CACHE_RAWAWB, GicrPendbaser.innerCache(linux));
        assertEquals(0, linux & GicrPendbaser.OUTER_CACHE_MASK);
        assertEquals(0x000f_ffff_ffff_0000L, GicrPendbaser.pa(-1L));
        assertEquals(0x78, GicrPendbaser.OFFSET);
    }

    @Test
    void pendbaserAsUBootWritesIt() {
        // gic_lpi_tables_init(): the same fields plus GICR_PENDBASER_PTZ (BIT_ULL(62))
        long uboot = GicrPendbaser.asUBootWrites(0x4a02_0000L);
        assertEquals(0x4000_0000_4a02_0780L, uboot);
        assertTrue(GicrPendbaser.ptz(uboot));
        assertEquals(0x4a02_0000L, GicrPendbaser.pa(uboot));
        assertEquals(0x4000_0000_4802_0780L, GicrPendbaser.encode(0x4802_0000L, true));
        assertEquals(0x0000_0000_4802_0780L, GicrPendbaser.encode(0x4802_0000L, false));
        // non-shareable, non-cacheable: the fallback both use when shareability reads back 0
        assertEquals(0x4802_0080L, GicrPendbaser.encode(0x4802_0000L, BaserAttributes.NON_SHAREABLE,
                BaserAttributes.CACHE_NC, false));
    }

    @Test
    void propbaserFieldsArePlacedAsTheArchitectureSays() {
        long v = GicrPropbaser.encode(0x4800_0000L, BaserAttributes.OUTER_SHAREABLE, BaserAttributes.CACHE_WAWB, 14);
        assertEquals(0x4800_0000L | (2L << 10) | (5L << 7) | 13, v);
        assertEquals(BaserAttributes.OUTER_SHAREABLE, GicrPropbaser.shareability(v));
        assertEquals(BaserAttributes.CACHE_WAWB, GicrPropbaser.innerCache(v));
        assertEquals(14, GicrPropbaser.idBits(v));
        assertEquals(7L << 56, GicrPropbaser.OUTER_CACHE_MASK);
    }

    @Test
    void cbaserAsLinuxWritesIt() {
        // its_probe_one(): PA | GITS_CBASER_RaWaWb (7 << 59) | GITS_CBASER_InnerShareable (1 << 10)
        //                  | (ITS_CMD_QUEUE_SZ / SZ_4K - 1 = 15) | GITS_CBASER_VALID (1 << 63)
        long v = GitsCbaser.asLinuxWrites(0x4000_0000L);
        assertEquals(0xb800_0000_4000_040fL, v);
        assertEquals(0x4000_0000L, GitsCbaser.pa(v));
        assertEquals(64 * 1024, GitsCbaser.bytes(v));
        assertTrue(GitsCbaser.valid(v));
        assertEquals(BaserAttributes.INNER_SHAREABLE, GitsCbaser.shareability(v));
        assertEquals(BaserAttributes.CACHE_RAWAWB, GitsCbaser.innerCache(v));
        assertEquals(0, v & GitsCbaser.OUTER_CACHE_MASK);
        assertEquals(0x000f_ffff_ffff_f000L, GitsCbaser.pa(-1L));
    }

    @Test
    void baserAsLinuxWritesIt() {
        // its_setup_baser(): PA | type << 56 | (esz - 1) << 48 | (pages - 1) | RaWaWb << 59 | InnerShareable << 10
        //                    | Valid, | Indirect for a two-level table, | Page_Size 0b10 << 8 for 64 KiB
        long device = GitsBaser.asLinuxWrites(0x4001_0000L, GitsBaser.TYPE_DEVICE, 8, 64 * 1024, 1, true);
        assertEquals(0xf907_0000_4001_0600L, device);
        assertEquals(GitsBaser.TYPE_DEVICE, GitsBaser.type(device));
        assertEquals(8, GitsBaser.entrySize(device));
        assertEquals(64 * 1024, GitsBaser.pageSize(device));
        assertEquals(1, GitsBaser.pages(device));
        assertTrue(GitsBaser.indirect(device));
        assertTrue(GitsBaser.valid(device));
        assertEquals(0x4001_0000L, GitsBaser.pa(device));
        long collection = GitsBaser.asLinuxWrites(0x4002_0000L, GitsBaser.TYPE_COLLECTION, 8, 64 * 1024, 1, false);
        assertEquals(0xbc07_0000_4002_0600L, collection);
        assertFalse(GitsBaser.indirect(collection));
        // 4 KiB pages, 16 of them, 2-byte entries: Size 15, Page_Size 0b00
        long small = GitsBaser.asLinuxWrites(0x4003_0000L, GitsBaser.TYPE_COLLECTION, 2, 4 * 1024, 16, false);
        assertEquals(0xbc01_0000_4003_040fL, small);
        assertEquals(16, GitsBaser.pages(small));
        assertEquals(4 * 1024, GitsBaser.pageSize(small));
    }

    @Test
    void a52BitTableAddressFoldsIntoBits15To12WithSixtyFourKibPages() {
        long pa = 0x000a_1234_5678_0000L;
        long v = GitsBaser.asLinuxWrites(pa, GitsBaser.TYPE_DEVICE, 8, 64 * 1024, 1, false);
        assertEquals(0xa000L, v & 0xf000L); // GITS_BASER_PHYS_52_to_48: PA[51:48] in [15:12]
        assertEquals(pa, GitsBaser.pa(v));
    }

    @Test
    void theItsResetsLikeQemusAndKeepsTheReadOnlyFields() {
        Its its = new Its((r, w, v) -> writes.add(r));
        long b0 = its.read(Its.GITS_BASER0);
        assertEquals(GitsBaser.TYPE_DEVICE, GitsBaser.type(b0));
        assertEquals(8, GitsBaser.entrySize(b0));
        assertEquals(64 * 1024, GitsBaser.pageSize(b0));
        assertEquals(GitsBaser.TYPE_COLLECTION, GitsBaser.type(its.read(Its.GITS_BASER0 + 8)));
        assertEquals(GitsBaser.TYPE_NONE, GitsBaser.type(its.read(Its.GITS_BASER0 + 16)));
        its.write(Its.GITS_BASER0, GitsBaser.VALID | 0x4001_0000L); // Type and Entry_Size 0 in the write
        long after = its.read(Its.GITS_BASER0);
        assertEquals(GitsBaser.TYPE_DEVICE, GitsBaser.type(after));
        assertEquals(8, GitsBaser.entrySize(after));
        assertTrue(GitsBaser.valid(after));
    }

    @Test
    void ctlrBits() {
        assertEquals(0x1, GicrCtlr.ENABLE_LPIS);
        assertEquals(0x2, GicrCtlr.CES);
        assertEquals(0x8, GicrCtlr.RWP);
        assertEquals(0x1L, Its.ENABLED);
        assertEquals(0x8000_0000L, Its.QUIESCENT);
        assertEquals(0x80, Its.GITS_CBASER);
        assertEquals(0x118, Its.GITS_BASER0 + 8 * 3);
    }

    @Test
    void stickyEnableLpisStaysSetAndIgnoresBaseWrites() {
        Redistributor rd = new Redistributor(1, 0x080c_0000L, false, (r, w, v) -> writes.add(r));
        rd.write(GicrPropbaser.OFFSET, GicrPropbaser.encode(0x4800_0000L, 16));
        rd.write(GicrCtlr.OFFSET, GicrCtlr.ENABLE_LPIS);
        rd.write(GicrCtlr.OFFSET, 0);
        assertTrue(rd.enableLpis());
        assertEquals(0x1L, rd.read(GicrCtlr.OFFSET)); // CES clear, RWP clear
        rd.write(GicrPropbaser.OFFSET, GicrPropbaser.encode(0x4900_0000L, 16));
        assertEquals(0x4800_0000L, rd.propertyTable());
        assertEquals(List.of("GICR_PROPBASER(CPU1)", "GICR_CTLR(CPU1)", "GICR_CTLR(CPU1)", "GICR_PROPBASER(CPU1)"), writes);
    }

    @Test
    void clearableEnableLpisAdvertisesCesAndClears() {
        Redistributor rd = new Redistributor(0, 0x080a_0000L, true, (r, w, v) -> { });
        assertEquals(0x2L, rd.read(GicrCtlr.OFFSET));
        rd.write(GicrCtlr.OFFSET, GicrCtlr.CES | GicrCtlr.ENABLE_LPIS);
        assertEquals(0x3L, rd.read(GicrCtlr.OFFSET));
        rd.write(GicrCtlr.OFFSET, GicrCtlr.CES);
        assertFalse(rd.enableLpis());
        rd.write(GicrPendbaser.OFFSET, GicrPendbaser.encode(0x4802_0000L, true));
        assertEquals(0x4802_0780L, rd.read(GicrPendbaser.OFFSET)); // PTZ reads as zero
    }

    @Test
    void itsQuiescesWhenDisabledAndCountsUnsafeReprogramming() {
        Its its = new Its((r, w, v) -> { });
        its.write(Its.GITS_CTLR, Its.ENABLED);
        its.write(Its.GITS_CBASER, 1L << 63);
        assertEquals(1, its.unsafeReprograms());
        its.write(Its.GITS_CTLR, 0);
        assertEquals(0x8000_0000L, its.read(Its.GITS_CTLR));
        its.write(Its.GITS_BASER0, 1L << 63);
        assertEquals(1, its.unsafeReprograms());
    }
}

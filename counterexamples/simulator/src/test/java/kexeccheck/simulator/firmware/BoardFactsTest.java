package kexeccheck.simulator.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kexeccheck.simulator.memory.AddressRange;
import org.junit.jupiter.api.Test;

/**
 * What real device trees fix: QEMU's virt board as its kernels saw it (validation/qemu/captures),
 * boards of Debian's linux-image arm64 package (src/test/resources/dtbs), and hand-built trees for
 * what neither has (a GICv2, a GICv3 without an ITS, a bootloader's LPI region with one-cell reg).
 */
class BoardFactsTest {

    private static final Path CAPTURES = Path.of("../../validation/qemu/captures");
    private static final Path DTBS = Path.of("src/test/resources/dtbs");

    @Test
    void qemuVirtBootedWithoutEfiIsAGicV3WithAnItsAndTwoCpus() throws Exception {
        BoardFacts f = BoardFacts.read(Files.readAllBytes(CAPTURES.resolve("active-dt-6.1-kdump-6.1/stage1/sys/firmware/fdt")));
        assertEquals(BoardFacts.GicKind.V3, f.gic().kind());
        assertEquals("/intc@8000000", f.gic().node());
        assertEquals("arm,gic-v3", f.gic().compatible());
        assertEquals(Optional.of("/intc@8000000/its@8080000"), f.gic().its());
        assertEquals(2, f.cpus());
        assertEquals("linux,dummy-virt", f.compatible());
        assertEquals(Optional.of("/chosen/linux,initrd-start"), f.bootedBy(), "QEMU put its initrd in /chosen");
        assertEquals(Optional.empty(), f.efi());
        assertEquals(Optional.empty(), f.kdump());
        assertEquals(Optional.empty(), f.lpiRegion());
    }

    @Test
    void theKdumpKernelsTreeNamesItsElfCoreHeader() throws Exception {
        BoardFacts f = BoardFacts.read(Files.readAllBytes(CAPTURES.resolve("active-dt-6.1-kdump-6.1/stage2/sys/firmware/fdt")));
        assertEquals(Optional.of("/chosen/linux,elfcorehdr"), f.kdump());
    }

    @Test
    void theEfiStubLeavesItsSystemTableInChosen() throws Exception {
        BoardFacts f = BoardFacts.read(Files.readAllBytes(CAPTURES.resolve("active-efi-6.1-6.1/stage1/sys/firmware/fdt")));
        assertEquals(Optional.of("/chosen/linux,uefi-system-table"), f.efi());
        assertTrue(f.booted());
    }

    @Test
    void aGic400IsAGicV2() {
        DtNode root = board();
        root.child(new DtNode("interrupt-controller@2c001000")).string("compatible", "arm,gic-400")
                .flag("interrupt-controller");
        BoardFacts f = BoardFacts.read(Fdt.write(root));
        assertEquals(BoardFacts.GicKind.V2, f.gic().kind());
        assertEquals("/interrupt-controller@2c001000", f.gic().node());
        assertFalse(f.booted(), "a package tree has no /chosen");
    }

    @Test
    void aGicV3WithoutAnItsHasNone() {
        DtNode root = board();
        root.child(new DtNode("soc")).child(new DtNode("interrupt-controller@38800000"))
                .property("compatible", "qcom,msm8996-gic-v3\0arm,gic-v3\0".getBytes()).flag("interrupt-controller");
        BoardFacts f = BoardFacts.read(Fdt.write(root));
        assertEquals(BoardFacts.GicKind.V3, f.gic().kind());
        assertEquals("/soc/interrupt-controller@38800000", f.gic().node());
        assertEquals(Optional.empty(), f.gic().its());
    }

    @Test
    void aBootloadersLpiRegionIsReadWithItsParentsCellSizes() {
        DtNode root = board();
        DtNode rm = root.child(new DtNode("reserved-memory")).cells("#address-cells", 1).cells("#size-cells", 1)
                .flag("ranges");
        rm.child(new DtNode("gic-lpi@90000000")).cells("reg", 0x90000000L, 0x100000L).flag("no-map").cells("phandle", 7);
        rm.child(new DtNode("linux,cma")).string("compatible", "shared-dma-pool").flag("reusable")
                .cells("size", 0x2000000L);
        DtNode gic = root.child(new DtNode("interrupt-controller@6000000")).string("compatible", "arm,gic-v3")
                .flag("interrupt-controller").cells("memory-region", 7);
        gic.child(new DtNode("its@6020000")).string("compatible", "arm,gic-v3-its");
        BoardFacts f = BoardFacts.read(Fdt.write(root));
        BoardFacts.ReservedRegion lpi = f.lpiRegion().orElseThrow();
        assertEquals("/reserved-memory/gic-lpi@90000000", lpi.node());
        assertEquals(List.of(new AddressRange(0x90000000L, 0x100000L)), lpi.ranges());
        assertTrue(lpi.noMap());
        assertEquals(Optional.of("/reserved-memory/gic-lpi@90000000"), f.gic().memoryRegion());
        BoardFacts.ReservedRegion cma = f.reserved().get(1);
        assertTrue(cma.reusable());
        assertEquals(List.of(), cma.ranges(), "a region placed at boot has a size, no reg");
        assertEquals("shared-dma-pool", cma.compatible());
    }

    @Test
    void debianBoardsAreReadAsTheirDriversWouldSeeThem() throws Exception {
        BoardFacts thunder = debian("cavium/thunder2-99xx.dtb");
        assertEquals(BoardFacts.GicKind.V3, thunder.gic().kind());
        assertEquals(Optional.of("/interrupt-controller@400080000/gic-its@40010000"), thunder.gic().its());
        assertEquals(4, thunder.cpus());
        assertFalse(thunder.booted());

        BoardFacts ac5 = debian("marvell/ac5-98dx35xx-rd.dtb");
        assertEquals(BoardFacts.GicKind.V3, ac5.gic().kind());
        assertEquals("/soc/interrupt-controller@80600000", ac5.gic().node());
        assertEquals(Optional.empty(), ac5.gic().its(), "no ITS: Linux enables no LPIs");

        assertEquals(BoardFacts.GicKind.V2, debian("amlogic/meson-s4-s805x2-aq222.dtb").gic().kind());
        BoardFacts foundation = debian("arm/foundation-v8.dtb");
        assertEquals("arm,gic-400", foundation.gic().compatible());
        assertEquals(List.of(new AddressRange(0x80000000L, 0x10000L)), foundation.memreserve());

        BoardFacts pi = debian("broadcom/bcm2837-rpi-zero-2-w.dtb");
        assertEquals(BoardFacts.GicKind.NONE, pi.gic().kind(), "the BCM2837 has its own interrupt controller");
        assertEquals("/reserved-memory/linux,cma", pi.reserved().get(0).node());
        assertTrue(pi.reserved().get(0).reusable());
    }

    private static BoardFacts debian(String dtb) throws Exception {
        return BoardFacts.read(Files.readAllBytes(DTBS.resolve(dtb)));
    }

    private static DtNode board() {
        DtNode root = new DtNode("");
        root.cells("#address-cells", 2).cells("#size-cells", 2).string("compatible", "vendor,board")
                .string("model", "A board");
        DtNode cpus = root.child(new DtNode("cpus")).cells("#address-cells", 1).cells("#size-cells", 0);
        for (int i = 0; i < 4; i++) {
            cpus.child(new DtNode("cpu@" + i)).string("device_type", "cpu").cells("reg", i);
        }
        cpus.child(new DtNode("cpu-map"));
        return root;
    }
}

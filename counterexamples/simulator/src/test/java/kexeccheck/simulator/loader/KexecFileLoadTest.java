package kexeccheck.simulator.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import kexeccheck.simulator.KernelSpec;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.MachineConfig;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.firmware.BoardDeviceTree;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import org.junit.jupiter.api.Test;

/**
 * {@code syscall=kexec-file-load}: kexec-tools 2.0.27+ tries kexec_file_load first (29fe5067ed07), and a
 * running kernel that has it (arm64 v5.0+) places the segments in its memblock free ranges
 * (kexec_locate_mem_hole() → kexec_walk_memblock(), kernel/kexec_file.c), image bottom-up 2 MiB aligned,
 * initrd bottom-up above it, DTB top-down 2 MiB aligned (arch/arm64/kernel/kexec_image.c,
 * machine_kexec_file.c), and passes its own boot DT (of_kexec_alloc_and_setup_fdt()); one without it falls
 * back to kexec_load, where kexec-tools' rules and the loader and dtb options apply.
 */
class KexecFileLoadTest {

    private static final AddressRange RAM = new AddressRange(0x4000_0000L, 0x4000_0000L);
    private static final AddressRange LPI = new AddressRange(0x4a00_0000L, 0x3_0000L);
    private static final AddressRange CRASH = new AddressRange(0x4c00_0000L, 32L << 20);
    private static final Set<String> V419 = Set.of("enables-lpis", "disable-with-check", "efi-stub",
            "iomem-lists-memblock");
    private static final Set<String> V53 = Set.of("enables-lpis", "disable-with-check", "adopts-preallocated",
            "kdump-bypass", "reads-memreserve", "writes-memreserve", "efi-stub", "installs-memreserve-root",
            "iomem-lists-memblock", "kexec-file-syscall");
    private static final Set<String> V61 = Set.of("enables-lpis", "disable-with-check", "adopts-preallocated",
            "kdump-bypass", "reads-memreserve", "writes-memreserve", "memreserve-in-iomem", "efi-stub",
            "installs-memreserve-root", "iomem-lists-memblock", "memreserve-on-cpu-online", "kexec-file-syscall",
            "memreserve-in-memblock");

    /** A world; {@code loader} and {@code userDtb} are the kexec_load options the tests show not to apply. */
    private record Setup(boolean efi, AddressRange lpi, boolean noMap, boolean honoursReserved, boolean userDtb,
                         boolean crash, boolean fileLoad) {
        static Setup kexecFileLoad(boolean efi) {
            return new Setup(efi, null, false, false, false, false, true);
        }

        Setup withLpi(boolean noMapChild) {
            return new Setup(efi, LPI, noMapChild, honoursReserved, userDtb, crash, fileLoad);
        }

        Setup honouring() {
            return new Setup(efi, lpi, noMap, true, userDtb, crash, fileLoad);
        }

        Setup withUserDtb() {
            return new Setup(efi, lpi, noMap, honoursReserved, true, crash, fileLoad);
        }

        Setup crashing() {
            return new Setup(efi, lpi, noMap, honoursReserved, userDtb, true, fileLoad);
        }

        Setup kexecLoad() {
            return new Setup(efi, lpi, noMap, honoursReserved, userDtb, crash, false);
        }

        Machine boot(Set<String> k1, Predicate<AddressRange> avoid) {
            Board board = Board.qemuVirt(RAM, 2, lpi, crash ? CRASH : null);
            Machine m = new Machine(new MachineConfig(board, false, efi, false, noMap, honoursReserved, userDtb, true,
                    false, false, fileLoad), k -> Placement.LOWEST, avoid);
            m.powerOn(spec("K1", k1, crash), Segments.ANYWHERE);
            m.bootGic();
            return m;
        }

        Machine boot(Set<String> k1) {
            return boot(k1, r -> false);
        }
    }

    private static KernelSpec spec(String name, Set<String> capabilities, boolean crashNext) {
        return new KernelSpec(name, new Capabilities(capabilities), 0xa2, crashNext);
    }

    private static StepRecord kexec(Machine m, Set<String> k2, Segments where) {
        return m.kexec(spec("K2", k2, false), where, m.config().board().crashKernel() != null);
    }

    /** Image, initrd and DTB addresses, in the order the loader writes them. */
    private static List<Long> placed(StepRecord kexec) {
        return kexec.memoryWrites.stream().filter(w -> w.writer().startsWith("kexec")).map(w -> w.pa()).toList();
    }

    private static List<String> refusals(StepRecord kexec) {
        return kexec.notes.stream().filter(KexecLoader::refuses).toList();
    }

    private static Set<String> minus(Set<String> s, String x) {
        Set<String> out = new HashSet<>(s);
        out.remove(x);
        return Set.copyOf(out);
    }

    @Test
    void theImageAndInitrdGoBottomUpAndTheDtbTopDownInMemblocksFreeRanges() {
        // K1's page allocator handed out the bottom of RAM after boot (its ITS and LPI tables): memblock-free still
        Machine m = Setup.kexecFileLoad(false).boot(V61);
        StepRecord k = kexec(m, V61, Segments.ANYWHERE);
        assertEquals(List.of(0x4000_0000L, 0x4001_0000L, 0x7fe0_0000L), placed(k));
        assertTrue(k.notes.contains("kexec_file_load: K1 places the segments and passes its own boot DT"), k.notes.toString());
        assertEquals(0x7fe0_0000L, m.running().params().dtb());
    }

    @Test
    void neverOnTheRunningKernelsImageOrAReservedMemoryChildWithoutNoMap() {
        // K1's image is at 0x40200000 (the firmware's choice), memblock-reserved at K1's boot: with the first
        // 2 MiB out of reach, kexec_file_load goes on to 0x40400000 where kexec-tools takes K1's image
        // ("Kernel code" is no "reserved" entry, even to a kexec-tools that honours them)
        Predicate<AddressRange> notTheFirst2MiB = r -> r.base() < 0x4020_0000L;
        Machine file = Setup.kexecFileLoad(false).withLpi(false).boot(V61, notTheFirst2MiB);
        assertEquals(0x4040_0000L, placed(kexec(file, V61, Segments.ANYWHERE)).get(0));
        Machine tools = Setup.kexecFileLoad(false).withLpi(false).honouring().kexecLoad().boot(V61, notTheFirst2MiB);
        assertEquals(0x4020_0000L, placed(kexec(tools, V61, Segments.ANYWHERE)).get(0));

        // wanted there anyway (a replayed trace's frames): used, but noted against kexec_file_load's rule
        Machine m = Setup.kexecFileLoad(false).withLpi(false).boot(V61);
        StepRecord k = kexec(m, V61, new Segments(Machine.FW_IMAGE, LPI.base(), Machine.FW_DTB));
        assertEquals(List.of(
                "kexec_file_load would not place the image at [0x40200000-0x4020ffff]: memblock-reserved"
                        + " [0x40200000-0x4020ffff] (image)",
                "kexec_file_load would not place the initrd at [0x4a000000-0x4a00ffff]: memblock-reserved"
                        + " [0x4a000000-0x4a02ffff] (fw-reserved)"), refusals(k).subList(0, 2));
        assertTrue(refusals(k).get(2).startsWith("kexec_file_load would not place the dtb at [0x46000000-0x4600ffff]:"
                + " memblock-reserved [0x46000000-"), refusals(k).toString());
        assertTrue(refusals(k).get(2).endsWith("(dtb)"), refusals(k).toString());
    }

    @Test
    void aNoMapChildIsNoMemblockMemoryAtAll() {
        Machine m = Setup.kexecFileLoad(false).withLpi(true).boot(V61);
        StepRecord k = kexec(m, V61, new Segments(null, LPI.base() + 0x1_0000L, null));
        assertEquals(List.of("kexec_file_load would not place the initrd at [0x4a010000-0x4a01ffff]: not in"
                + " memblock.memory (no-map, or no RAM)"), refusals(k));
    }

    @Test
    void aKernelWithoutMemreserveInMemblockLeavesItsFreshTablesToTheLoader() {
        // 5.3 with EFI records its tables with efi_mem_reserve_persistent() but memblock does not hear of it
        Machine v53 = Setup.kexecFileLoad(true).boot(V53);
        long prop53 = v53.running().its().propertyTable();
        StepRecord k53 = kexec(v53, V53, new Segments(prop53, null, null));
        assertEquals(List.of(), refusals(k53));
        // 6.1 has 2bab693a608b: the same placement is memblock-reserved since init_IRQ, whatever the loader option
        Machine v61 = Setup.kexecFileLoad(true).boot(V61);
        long prop61 = v61.running().its().propertyTable();
        assertTrue(v61.running().memblock().reservedAfterBoot().stream()
                .anyMatch(r -> r.range().equals(new AddressRange(prop61, 0x1_0000L))));
        StepRecord k61 = kexec(v61, V61, new Segments(prop61, null, null));
        assertEquals(List.of(String.format("kexec_file_load would not place the image at [0x%x-0x%x]: memblock-reserved"
                + " [0x%x-0x%x] (memreserve)", prop61, prop61 + 0xffff, prop61, prop61 + 0xffff)), refusals(k61));
        // and its own choices keep off every table and list node it recorded
        Machine own = Setup.kexecFileLoad(true).boot(V61);
        List<Long> at = placed(kexec(own, V61, Segments.ANYWHERE));
        own.memreserveList().orElseThrow().reservations().forEach(r -> at.forEach(s ->
                assertFalse(r.overlaps(new AddressRange(s, Segments.SIZE)), r + " under a segment at " + s)));
    }

    @Test
    void memreserveInMemblockReservesWhatTheRecordReservesOnlyWhereItSucceeds() {
        // EFI with a root: every table and the list node efi_mem_reserve_persistent() took are memblock-reserved
        Machine efi = Setup.kexecFileLoad(true).boot(V61);
        List<AddressRange> late = efi.running().memblock().reservedAfterBoot().stream()
                .map(kexeccheck.simulator.kernel.Memblock.Reservation::range).toList();
        List<AddressRange> recorded = new java.util.ArrayList<>(efi.memreserveList().orElseThrow().reservations());
        efi.memreserveList().orElseThrow().walk().stream().skip(1)
                .forEach(n -> recorded.add(new AddressRange(n.pa(), 4096)));
        assertEquals(Set.copyOf(recorded), Set.copyOf(late));
        assertEquals(4, late.size(), late.toString()); // the property table, two pending tables, one node
        // without EFI efi_mem_reserve_persistent() is never called
        Machine dt = Setup.kexecFileLoad(false).boot(V61);
        assertEquals(List.of(), dt.running().memblock().reservedAfterBoot());
        long prop = dt.running().its().propertyTable();
        assertEquals(List.of(), refusals(kexec(dt, V61, new Segments(prop, null, null))));
        // without a root (a 4.19 first kernel's stub installs none) it returns -ENODEV: nothing to tell memblock
        Machine noRoot = Setup.kexecFileLoad(true).boot(minus(V419, "enables-lpis"));
        kexec(noRoot, V61, Segments.ANYWHERE);
        noRoot.bootGic();
        assertTrue(noRoot.memreserveList().isEmpty());
        assertEquals(List.of(), noRoot.running().memblock().reservedAfterBoot());
        // nor without the capability
        Machine without = Setup.kexecFileLoad(true).boot(minus(V61, Capabilities.MEMRESERVE_IN_MEMBLOCK));
        assertEquals(List.of(), without.running().memblock().reservedAfterBoot());
    }

    @Test
    void aKernelWithoutKexecFileLoadFallsBackToKexecLoadWhereTheLoaderOptionApplies() {
        // 4.19 (arm64 before v5.0): ENOSYS, so kexec-tools' rules over /proc/iomem, honouring reserved entries
        Machine v419 = Setup.kexecFileLoad(false).withLpi(false).honouring().boot(V419);
        StepRecord k419 = kexec(v419, V61, new Segments(null, LPI.base(), null));
        assertTrue(k419.notes.contains("kexec_file_load: ENOSYS from K1, kexec-tools falls back to kexec_load"),
                k419.notes.toString());
        assertEquals(List.of("kexec-tools would not place the initrd at [0x4a000000-0x4a00ffff]: nested \"reserved\""
                + " entry [0x4a000000-0x4a02ffff]"), refusals(k419));
        assertEquals(0x4001_0000L, placed(k419).get(2)); // kexec-tools' DTB: the lowest hole above the image
        Machine ignoring = Setup.kexecFileLoad(false).withLpi(false).boot(V419);
        assertEquals(List.of(), refusals(kexec(ignoring, V61, new Segments(null, LPI.base(), null))));
        // a 5.3 K1 in the same world loads with kexec_file_load: its rule, its DTB top-down
        Machine v53 = Setup.kexecFileLoad(false).withLpi(false).boot(V53);
        StepRecord k53 = kexec(v53, V61, new Segments(null, LPI.base(), null));
        assertEquals(List.of("kexec_file_load would not place the initrd at [0x4a000000-0x4a00ffff]:"
                + " memblock-reserved [0x4a000000-0x4a02ffff] (fw-reserved)"), refusals(k53));
        assertEquals(0x7fe0_0000L, placed(k53).get(2));
    }

    @Test
    void theNextKernelGetsTheRunningKernelsBootDtWhateverTheDtbOption() {
        Machine m = Setup.kexecFileLoad(false).withLpi(false).withUserDtb().boot(V61);
        kexec(m, V61, Segments.ANYWHERE);
        assertTrue(m.running().deviceTree().find("reserved-memory").orElseThrow().children().stream()
                .anyMatch(n -> n.name().startsWith(BoardDeviceTree.LPI_NODE)), "K2 sees the LPI region node");
        // kexec_load with the user's DTB (a 4.19 K1 falls back to it): the node is gone
        Machine fallback = Setup.kexecFileLoad(false).withLpi(false).withUserDtb().boot(V419);
        kexec(fallback, V61, Segments.ANYWHERE);
        assertTrue(fallback.running().deviceTree().find("reserved-memory").orElseThrow().children().isEmpty());
    }

    @Test
    void aKernelBootedWithoutTheLpiNodePassesItsOwnDtOnWithoutIt() {
        // K1 (4.19) falls back to kexec_load and passes the user DTB; K2 (6.1) then loads K3 with
        // kexec_file_load, from the DT K2 booted with
        Machine m = Setup.kexecFileLoad(false).withLpi(false).withUserDtb().boot(V419);
        kexec(m, V61, Segments.ANYWHERE);
        m.bootGic();
        StepRecord k3 = m.kexec(spec("K3", V61, false), Segments.ANYWHERE, false);
        assertTrue(k3.notes.contains("kexec_file_load: K2 places the segments and passes its own boot DT"),
                k3.notes.toString());
        assertTrue(m.running().deviceTree().find("reserved-memory").orElseThrow().children().isEmpty());
        assertTrue(m.running().deviceTree().children().stream()
                .noneMatch(n -> n.get("memory-region").isPresent()), "no memory-region on the GIC node");
    }

    @Test
    void aCrashKexecLoadedWithKexecFileLoadStaysInTheCrashRegion() {
        Machine m = Setup.kexecFileLoad(true).crashing().boot(V61);
        StepRecord k = kexec(m, V61, Segments.ANYWHERE);
        // image and initrd bottom-up from the region's start, the DTB top-down from its end, 2 MiB aligned
        assertEquals(List.of(0x4c00_0000L, 0x4c01_0000L, 0x4de0_0000L), placed(k));
        assertTrue(m.running().params().kdump());
        assertEquals(List.of(CRASH), m.running().deviceTree().find("chosen").orElseThrow()
                .rangesOf("linux,usable-memory-range"));
        // the capture kernel too gets the running kernel's boot DT, the LPI region node with it
        Machine user = Setup.kexecFileLoad(true).withLpi(false).withUserDtb().crashing().boot(V61);
        kexec(user, V61, Segments.ANYWHERE);
        assertTrue(user.running().deviceTree().find("reserved-memory").orElseThrow().children().stream()
                .anyMatch(n -> n.name().startsWith(BoardDeviceTree.LPI_NODE)), "the capture kernel sees the node");
        Machine outside = Setup.kexecFileLoad(true).crashing().boot(V61);
        assertEquals(List.of("kexec_file_load would not place the image at [0x48000000-0x4800ffff]: outside the"
                + " crashkernel= region"), refusals(kexec(outside, V61, new Segments(0x4800_0000L, null, null))));
    }
}

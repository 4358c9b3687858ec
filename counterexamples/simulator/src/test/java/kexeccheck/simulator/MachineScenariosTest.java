package kexeccheck.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.gic.GicrPropbaser;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.LogLine;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import kexeccheck.simulator.replay.SimProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator alone on the public scenarios' worlds: given a configuration, when run, then what Linux does. */
class MachineScenariosTest {

    private static final AddressRange RAM = new AddressRange(0x4000_0000L, 0x4000_0000L);
    private static final AddressRange LPI = new AddressRange(0x4a00_0000L, 0x3_0000L);

    private static Machine machine(boolean efi, boolean preprogrammed, boolean honours) {
        Board board = Board.qemuVirt(RAM, 2, preprogrammed ? LPI : null, null);
        return new Machine(new MachineConfig(board, false, efi, preprogrammed, false, honours, false),
                k -> Placement.LOWEST, r -> false);
    }

    private static List<String> texts(StepRecord r) {
        return r.log.stream().map(LogLine::text).toList();
    }

    @Test
    void efiMemreserveHandsTheTablesOver() {
        Machine m = machine(true, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        StepRecord k1 = m.bootGic();
        assertEquals("{0=programmed, 1=programmed}", k1.cpuModes.toString());
        assertEquals(3, m.memreserveList().orElseThrow().reservations().size());
        m.kexec(Profiles.kernel("K2", "linux-6.1", false), Segments.ANYWHERE, false);
        StepRecord k2 = m.bootGic();
        assertTrue(texts(k2).contains("GICv3: Using preallocated redistributor tables"), texts(k2).toString());
        assertEquals("{0=adopted, 1=adopted}", k2.cpuModes.toString());
        assertEquals(List.of(), k2.incidents);
        StepRecord msi = m.msi(1);
        assertEquals(List.of(), msi.incidents);
        Redistributor rd = m.gic().redistributor(1);
        assertEquals(0x01, m.memory().readByte(rd.pendingTable() + Machine.MSI_INTID / 8));
        assertEquals(0xa2, m.memory().readByte(rd.propertyTable()));
        assertEquals(3, m.memreserveList().orElseThrow().reservations().size()); // adoption reserves nothing new
    }

    @Test
    void pre420KernelsCorruptMemoryOnStickyHardware() {
        Machine m = machine(true, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-4.19", false), Segments.ANYWHERE);
        m.bootGic();
        m.kexec(Profiles.kernel("K2", "linux-4.19", false), Segments.ANYWHERE, false);
        StepRecord msi = m.msi(0);
        assertEquals("stray-gic-write", msi.incidents.get(0).kind());
        assertEquals("free", msi.incidents.get(0).owner());
        StepRecord boot = m.bootGic();
        assertEquals(List.of("GICv3: CPU0: Booted with LPIs enabled, memory probably corrupted",
                "CPU0: Failed to disable LPIs"), texts(boot).subList(2, 4));
        assertEquals("{0=disable-failed, 1=disable-failed}", boot.cpuModes.toString());
    }

    @Test
    void ubootPreprogrammedTablesAreAdoptedByTheFirstKernel() {
        Machine m = machine(false, true, true);
        StepRecord power = m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        assertTrue(power.registerWrites.contains("GICR_PENDBASER(CPU1) <- 0x400000004a020780 (reads back 0x000000004a020780)"),
                power.registerWrites.toString());
        StepRecord boot = m.bootGic();
        assertEquals("{0=adopted, 1=adopted}", boot.cpuModes.toString());
        assertEquals(0x4a00_0000L, boot.propertyTable);
        assertEquals(List.of(), boot.incidents);
        assertTrue(texts(boot).contains("GICv3: CPU1: using reserved LPI pending table @0x000000004a020000"), texts(boot).toString());
    }

    @Test
    void nolpiFirstKernelLeavesTheGicAlone() {
        Machine m = machine(false, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1+nolpi", false), Segments.ANYWHERE);
        assertEquals("{0=untouched, 1=untouched}", m.bootGic().cpuModes.toString());
        m.kexec(Profiles.kernel("K2", "linux-6.1", false), Segments.ANYWHERE, false);
        assertEquals(List.of(), m.msi(0).incidents);
        StepRecord boot = m.bootGic();
        assertEquals("{0=programmed, 1=programmed}", boot.cpuModes.toString());
        assertEquals(List.of(), boot.incidents);
    }

    // ---- the kernel facts of domain.md §3.7 (issue 11), in the simulator's account ----

    private static Machine machine(MachineConfig config) {
        return new Machine(config, k -> Placement.LOWEST, r -> false);
    }

    @Test
    void aPre420FirstKernelLeavesNoMemreserveRootSoA61KernelWarnsAndRecordsNothing() {
        // b844470f2206 (v4.20): only the first kernel's stub could install the root, and 4.19's does not
        Machine m = machine(true, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-4.19+nolpi", false), Segments.ANYWHERE);
        m.bootGic();
        m.kexec(Profiles.kernel("K2", "linux-6.1", false), Segments.ANYWHERE, false);
        StepRecord boot = m.bootGic();
        assertTrue(m.memreserveList().isEmpty());
        assertEquals(3, boot.log.stream().filter(l -> l.text().contains("efi_mem_reserve_persistent() = -ENODEV")
                && l.warning()).count(), texts(boot).toString());
    }

    @Test
    void aCpuWhoseDisableFailedGetsNoMsi() {
        // its_cpu_init() returns before its_cpu_init_collections(): no MAPC for it
        Machine m = machine(false, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        m.bootGic();
        m.kexec(Profiles.kernel("K2", "linux-4.19", false), Segments.ANYWHERE, false);
        assertEquals("{0=disable-failed, 1=disable-failed}", m.bootGic().cpuModes.toString());
        StepRecord msi = m.msi(0);
        assertEquals(List.of(), msi.pendingWrites);
        assertTrue(msi.notes.get(0).contains("collection is not mapped"), msi.notes.toString());
    }

    @Test
    void quiescentDevicesSendNothingBetweenTheKexecAndTheNextGicBoot() {
        Board board = Board.qemuVirt(RAM, 2, null, null);
        Machine m = machine(new MachineConfig(board, false, false, false, false, true, false, false, false));
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        m.bootGic();
        assertEquals(1, m.msi(0).pendingWrites.size());
        m.kexec(Profiles.kernel("K2", "linux-6.1", false), Segments.ANYWHERE, false);
        StepRecord window = m.msi(0);
        assertEquals(List.of(), window.pendingWrites);
        assertTrue(window.notes.get(0).contains("pci_device_shutdown()"), window.notes.toString());
    }

    @Test
    void walkingAnOverwrittenMemreserveNodeKillsTheKernel() {
        // efi_config_parse_tables() trusts size, count and next: an initrd's bytes there read off the page
        Machine m = machine(true, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        m.bootGic();
        long node = m.memreserveList().orElseThrow().walk().get(1).pa();
        m.memory().fill(node, 4096, (byte) 0x5a, new kexeccheck.simulator.memory.Writer.Other("test: an initrd"));
        StepRecord kexec = m.kexec(Profiles.kernel("K2", "linux-6.1", false), Segments.ANYWHERE, false);
        assertTrue(m.running().isPanicked());
        assertTrue(texts(kexec).stream().anyMatch(t -> t.contains("efi_config_parse_tables")), texts(kexec).toString());
    }

    @Test
    void withoutEfiA517KernelKeepsTheSpareTableOfAnAdoptedCpu() {
        // d23bc2bc1d63 (v5.17): the freeing callback is registered only with EFI
        Machine m = machine(false, true, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        StepRecord boot = m.bootGic();
        assertEquals("{0=adopted, 1=adopted}", boot.cpuModes.toString());
        boot.allocatedPending.forEach((cpu, pa) ->
                assertEquals("pending-table:CPU" + cpu, m.running().view().at(pa).label()));
    }

    @Test
    void proc_iomemShowsTheMemreserveEntriesAKernelInherited() {
        // 50d7ba36b916 (v4.19) exports memblock-reserved ranges; a 5.3 kernel has no ab0eb16205b4
        Machine m = machine(true, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        m.bootGic();
        long prop = m.running().its().propertyTable();
        m.kexec(Profiles.kernel("K2", "linux-5.3", false), Segments.ANYWHERE, false);
        kexeccheck.simulator.loader.Iomem iomem = kexeccheck.simulator.loader.Iomem.of(m.running());
        assertTrue(iomem.nestedReserved().stream().anyMatch(e -> e.name().equals("reserved")
                && e.range().contains(prop)), iomem.toString());
    }

    @Test
    void aKernelThatIgnoresTheMemreserveListOverwritesItsNode() {
        // K1 (6.1) records its tables in a node it got from its page allocator; K2 (4.19) does not read the
        // list, so the page is free to it and one of its zeroed ITS allocations lands on the node. K2's
        // segments take the three lowest frames (kexec-tools' lowest holes), then its_probe_one() takes the
        // command queue and its_alloc_tables() the device table, which is the allocation on the node.
        Machine m = machine(true, false, false);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        m.bootGic();
        long node = m.memreserveList().orElseThrow().walk().get(1).pa();
        m.kexec(Profiles.kernel("K2", "linux-4.19", false), Segments.ANYWHERE, false);
        StepRecord boot = m.bootGic();
        assertTrue(boot.incidents.stream().anyMatch(i -> i.kind().equals("memreserve-node-overwritten")
                && i.pa() == node && i.writer().equals("K2 its_alloc_tables")), boot.incidents.toString());
    }

    @Test
    void aKernelBootedWithNrCpus1LeavesTheOtherRedistributorsAsTheyWere() {
        Machine m = machine(false, false, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        m.bootGic();
        long k1Prop = m.gic().redistributor(1).propertyTable();
        m.kexec(Profiles.kernel("K2", "linux-6.1+nr-cpus-1", false), Segments.ANYWHERE, false);
        StepRecord boot = m.bootGic();
        assertEquals("offline", boot.cpuModes.get(1));
        assertEquals(k1Prop, m.gic().redistributor(1).propertyTable());
        assertTrue(m.gic().redistributor(1).enableLpis());
        assertEquals(List.of(), m.msi(1).pendingWrites); // no collection for it
        // lpis-delivered asks nothing of a CPU the kernel never brought up (CPU0's disable failed: sticky)
        assertTrue(kexeccheck.simulator.replay.SimProperties.violations("lpis-delivered", m, boot).stream()
                .noneMatch(v -> v.contains("CPU1")), boot.cpuModes.toString());
    }

    // ---- GICR_PROPBASER shared or per redistributor, under U-Boot's gic_lpi_tables_init() ----

    private static Machine uboot(boolean clearable, boolean propbaserShared) {
        Board board = Board.qemuVirt(RAM, 2, LPI, null);
        return machine(new MachineConfig(board, clearable, false, true, false, true, false, true, false,
                propbaserShared));
    }

    @ParameterizedTest(name = "clearable={0}")
    @ValueSource(booleans = {false, true})
    void ubootOnAPerRedistributorPropbaserLeavesCpu1WithNoPropertyTableAndA61KernelWarnsAndLosesItsLpis(
            boolean clearable) {
        // U-Boot writes PROPBASER through redistributor 0's frame only; CPU1's keeps its reset value 0.
        // Linux 6.1 adopts on the boot CPU's PROPBASER, then its_cpu_init_lpis() finds CPU1's differs:
        // WARN_ON(gic_rdists->prop_table_pa != paddr), taint, and on with it (no disable, even if clearable).
        Machine m = uboot(clearable, false);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        assertEquals(0L, m.gic().redistributor(1).read(GicrPropbaser.OFFSET));
        assertTrue(m.gic().redistributor(1).enableLpis());
        StepRecord boot = m.bootGic();
        assertEquals("{0=adopted, 1=adopted}", boot.cpuModes.toString());
        assertEquals(LPI.base(), boot.propertyTable);
        List<LogLine> mismatch = boot.log.stream().filter(l -> "PropbaserMismatch".equals(l.message())).toList();
        assertEquals(1, mismatch.size(), texts(boot).toString());
        assertEquals(1, mismatch.get(0).cpu());
        assertTrue(mismatch.get(0).warning());
        assertEquals(0L, m.gic().redistributor(1).propertyTable());
        assertEquals(List.of(), boot.incidents); // physical address 0 is no RAM of the kernel's: nothing corrupted
        List<String> lost = SimProperties.violations("lpis-delivered", m, boot);
        assertEquals(1, lost.size(), lost.toString());
        assertTrue(lost.get(0).startsWith("CPU1 uses PROPBASER 0x0,"), lost.toString());
        assertEquals(List.of(), m.msi(1).incidents); // the pending bit lands in U-Boot's slot, reserved
    }

    @ParameterizedTest(name = "clearable={0}")
    @ValueSource(booleans = {false, true})
    void ubootOnASharedPropbaserHandsEveryCpuTheOneTable(boolean clearable) {
        Machine m = uboot(clearable, true);
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        assertEquals(LPI.base(), m.gic().redistributor(1).propertyTable());
        StepRecord boot = m.bootGic();
        assertEquals("{0=adopted, 1=adopted}", boot.cpuModes.toString());
        assertEquals(List.of(), boot.log.stream().filter(LogLine::warning).toList());
        assertEquals(List.of(), SimProperties.violations("lpis-delivered", m, boot));
        assertEquals(List.of(), SimProperties.violations("one-property-table", m, boot));
    }

    @Test
    void onASharedPropbaserAKernelsWriteReachesTheCpuItNeverBringsUp() {
        // its_cpu_init_lpis() writes PROPBASER through its own CPU's frame; a shared register carries it to CPU1
        Board board = Board.qemuVirt(RAM, 2, null, null);
        Machine m = machine(new MachineConfig(board, true, false, false, false, true, false, true, false, true));
        m.powerOn(Profiles.kernel("K1", "linux-6.1", false), Segments.ANYWHERE);
        m.bootGic();
        long k1Prop = m.gic().redistributor(1).propertyTable();
        m.kexec(Profiles.kernel("K2", "linux-6.1+nr-cpus-1", false), Segments.ANYWHERE, false);
        StepRecord boot = m.bootGic();
        assertEquals("offline", boot.cpuModes.get(1));
        assertTrue(boot.propertyTable != k1Prop, "K2 took a table of its own");
        assertEquals(boot.propertyTable, m.gic().redistributor(1).propertyTable());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linux-6.1", "linux-4.16"})
    void aCpuWhoseOwnRegistersTookTheWritesIsProgrammedThoughItsSharedPropbaserIgnoredThem(String next) {
        // sticky, shared: K1 (nr_cpus=1) leaves CPU0 live and CPU1 off; K2's PROPBASER write through CPU1 is
        // ignored for CPU0's sake, its PENDBASER and EnableLPIs take: CPU1 is programmed, on K1's property table
        Board board = Board.qemuVirt(RAM, 2, null, null);
        Machine m = machine(new MachineConfig(board, false, false, false, false, true, false, true, false, true));
        m.powerOn(Profiles.kernel("K1", "linux-6.1+nr-cpus-1", false), Segments.ANYWHERE);
        m.bootGic();
        long k1Prop = m.gic().redistributor(0).propertyTable();
        m.kexec(Profiles.kernel("K2", next, false), Segments.ANYWHERE, false);
        StepRecord boot = m.bootGic();
        assertEquals("programmed", boot.cpuModes.get(1));
        assertEquals(k1Prop, m.gic().redistributor(1).propertyTable());
        assertTrue(m.gic().redistributor(1).enableLpis());
    }

    // ---- syscall=kexec-file-load: the running kernel places the next one's segments over its memblock ----

    /** kexec-tools 2.0.27+ (kexec_file_load first), a kexec-tools that honours reserved entries, sticky, no region. */
    private static Machine fileLoad(boolean efi) {
        Board board = Board.qemuVirt(RAM, 2, null, null);
        return machine(new MachineConfig(board, false, efi, false, false, true, false, true, false, false, true));
    }

    /** {@link #fileLoad} with K1 ({@code profile}) powered on and its GIC driver booted. */
    private static Machine fileLoadBooted(boolean efi, String profile) {
        Machine m = fileLoad(efi);
        m.powerOn(Profiles.kernel("K1", profile, false), Segments.ANYWHERE);
        m.bootGic();
        return m;
    }

    private static List<String> refusals(StepRecord kexec) {
        return kexec.notes.stream().filter(kexeccheck.simulator.loader.KexecLoader::refuses).toList();
    }

    @Test
    void onDtFirmwareKexecFileLoadMayPutTheImageOverA61KernelsLiveTables() {
        // without EFI nothing records the tables: memblock-free for kexec_file_load (as kexec-tools finds them
        // plain System RAM), so the image goes over the live property table and K2 adopts it from its own image
        Machine m = fileLoadBooted(false, "linux-6.1");
        long prop = m.running().its().propertyTable();
        StepRecord kexec = m.kexec(Profiles.kernel("K2", "linux-6.1", false), new Segments(prop, null, null), false);
        assertTrue(kexec.notes.contains("kexec_file_load: K1 places the segments and passes its own boot DT"),
                kexec.notes.toString());
        assertEquals(List.of(), refusals(kexec));
        StepRecord boot = m.bootGic();
        assertTrue(boot.incidents.stream().anyMatch(i -> i.pa() == prop && i.owner().equals("image")),
                boot.incidents.toString());
        assertTrue(!SimProperties.violations("no-stray-write", m, boot).isEmpty());
    }

    @Test
    void withEfiAndMemreserveInMemblockKexecFileLoadCannotPutTheImageOverThem() {
        // 2bab693a608b: efi_mem_reserve_persistent() → efi_mem_reserve_iomem() → memblock_reserve()
        Machine m = fileLoadBooted(true, "linux-6.1");
        long prop = m.running().its().propertyTable();
        Machine tried = fileLoadBooted(true, "linux-6.1");
        List<String> refused = refusals(tried.kexec(Profiles.kernel("K2", "linux-6.1", false),
                new Segments(prop, null, null), false));
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("kexec_file_load would not place the image"), refused.toString());
        assertTrue(refused.get(0).endsWith("(memreserve)"), refused.toString());
        // the loader's own choice: K2 adopts the tables and nothing is written where it should not be
        StepRecord kexec = m.kexec(Profiles.kernel("K2", "linux-6.1", false), Segments.ANYWHERE, false);
        assertEquals(List.of(), refusals(kexec));
        assertEquals(List.of(), m.msi(0).incidents);
        StepRecord boot = m.bootGic();
        assertEquals("{0=adopted, 1=adopted}", boot.cpuModes.toString());
        assertEquals(List.of(), boot.incidents);
        assertEquals(List.of(), m.msi(1).incidents);
    }

    @Test
    void a53KernelWithEfiLeavesItsFreshTablesToKexecFileLoad() {
        // 5.3 records its tables in the EFI list, but has no 2bab693a608b: memblock never hears of them
        Machine m = fileLoadBooted(true, "linux-5.3");
        long prop = m.running().its().propertyTable();
        assertEquals(List.of(), m.running().memblock().reservedAfterBoot());
        // (the initrd and DTB out of the way: right above the image is K1's list node, as memblock-free as the table)
        StepRecord kexec = m.kexec(Profiles.kernel("K2", "linux-5.3", false),
                new Segments(prop, 0x5000_0000L, 0x5020_0000L), false);
        assertTrue(kexec.notes.contains("kexec_file_load: K1 places the segments and passes its own boot DT"),
                kexec.notes.toString());
        assertEquals(List.of(), refusals(kexec));
        StepRecord boot = m.bootGic();
        assertTrue(boot.incidents.stream().anyMatch(i -> i.pa() == prop && i.owner().equals("image")),
                boot.incidents.toString());
    }
}

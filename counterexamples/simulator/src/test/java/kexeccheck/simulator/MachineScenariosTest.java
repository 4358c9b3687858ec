package kexeccheck.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.LogLine;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import org.junit.jupiter.api.Test;

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
}

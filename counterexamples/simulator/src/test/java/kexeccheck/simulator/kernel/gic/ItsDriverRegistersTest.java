package kexeccheck.simulator.kernel.gic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import kexeccheck.simulator.KernelSpec;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.MachineConfig;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.gic.BaserAttributes;
import kexeccheck.simulator.gic.GicrPendbaser;
import kexeccheck.simulator.gic.GicrPropbaser;
import kexeccheck.simulator.gic.GitsBaser;
import kexeccheck.simulator.gic.GitsCbaser;
import kexeccheck.simulator.gic.Its;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import org.junit.jupiter.api.Test;

/** The register values a 6.1 kernel's ITS driver writes at init_IRQ, field by field. */
class ItsDriverRegistersTest {

    private static final Set<String> V61 = Set.of("enables-lpis", "disable-with-check", "adopts-preallocated",
            "kdump-bypass", "reads-memreserve", "writes-memreserve", "memreserve-in-iomem", "efi-stub");
    private static final Set<String> V416 = Set.of("enables-lpis", "blind-reprogram", "efi-stub");

    private static Machine bootedOnce(Set<String> caps, StepRecord[] boot) {
        Board board = Board.qemuVirt(new AddressRange(0x4000_0000L, 0x4000_0000L), 2, null, null);
        Machine m = new Machine(new MachineConfig(board, false, false, false, false, false, false),
                k -> Placement.LOWEST, r -> false);
        m.powerOn(new KernelSpec("K1", new Capabilities(caps), 0xa2, false), Segments.ANYWHERE);
        boot[0] = m.bootGic();
        return m;
    }

    /** The values written to {@code register}, in order, parsed from the step's register log. */
    private static List<Long> written(StepRecord r, String register) {
        return r.registerWrites.stream().filter(l -> l.startsWith(register + " <- 0x"))
                .map(l -> Long.parseUnsignedLong(l.substring(register.length() + 6, register.length() + 22), 16))
                .toList();
    }

    @Test
    void linuxWritesPendbaserWithoutPtzAndPropbaserWithIdBits() {
        StepRecord[] boot = new StepRecord[1];
        Machine m = bootedOnce(V61, boot);
        for (Redistributor rd : m.gic().redistributors()) {
            List<Long> pend = written(boot[0], "GICR_PENDBASER(CPU" + rd.cpu() + ")");
            assertEquals(1, pend.size(), boot[0].registerWrites.toString());
            long v = pend.get(0);
            assertFalse(GicrPendbaser.ptz(v), String.format("PTZ set in 0x%016x", v));
            assertEquals(GicrPendbaser.asLinuxWrites(rd.pendingTable()), v);
            assertEquals(rd.pendingTable() | 0x780L, v);
            long prop = written(boot[0], "GICR_PROPBASER(CPU" + rd.cpu() + ")").get(0);
            assertEquals(rd.propertyTable() | 0x780L | 15, prop); // IDbits = LPI_NRBITS - 1
            assertEquals(16, GicrPropbaser.idBits(prop));
        }
    }

    @Test
    void aBlindReprogrammingKernelWritesTheSameValueWithoutPtz() {
        StepRecord[] boot = new StepRecord[1];
        Machine m = bootedOnce(V416, boot);
        long v = written(boot[0], "GICR_PENDBASER(CPU0)").get(0);
        assertFalse(GicrPendbaser.ptz(v));
        assertEquals(m.gic().redistributor(0).pendingTable() | 0x780L, v);
    }

    @Test
    void linuxGivesTheCommandQueueItsSizeAndAttributes() {
        StepRecord[] boot = new StepRecord[1];
        Machine m = bootedOnce(V61, boot);
        long cbaser = m.gic().its().read(Its.GITS_CBASER);
        long cmdq = GitsCbaser.pa(cbaser);
        assertEquals(0xb800_0000_0000_040fL | cmdq, cbaser);
        assertEquals(15, cbaser & GitsCbaser.SIZE_MASK); // 64 KiB in 4 KiB pages, minus one
        assertEquals(BaserAttributes.CACHE_RAWAWB, GitsCbaser.innerCache(cbaser));
        assertEquals(BaserAttributes.INNER_SHAREABLE, GitsCbaser.shareability(cbaser));
        assertTrue(GitsCbaser.valid(cbaser));
        // its_probe_one() takes the command queue before its_alloc_tables() takes the tables
        assertTrue(cmdq < GitsBaser.pa(m.gic().its().read(Its.GITS_BASER0)));
    }

    @Test
    void linuxGivesEachItsTableTypeEntrySizePageSizeAndAttributes() {
        StepRecord[] boot = new StepRecord[1];
        Machine m = bootedOnce(V61, boot);
        long device = m.gic().its().read(Its.GITS_BASER0);
        assertEquals(0xf907_0000_0000_0600L | GitsBaser.pa(device), device);
        assertEquals(GitsBaser.TYPE_DEVICE, GitsBaser.type(device));
        assertEquals(8, GitsBaser.entrySize(device));
        assertEquals(64 * 1024, GitsBaser.pageSize(device));
        assertEquals(1, GitsBaser.pages(device));
        assertTrue(GitsBaser.indirect(device)); // 8-byte entries << 16 device ID bits is over two pages
        long collection = m.gic().its().read(Its.GITS_BASER0 + 8);
        assertEquals(0xbc07_0000_0000_0600L | GitsBaser.pa(collection), collection);
        assertFalse(GitsBaser.indirect(collection));
        assertEquals(0L, m.gic().its().read(Its.GITS_BASER0 + 16)); // unimplemented: never written
        // the written values are the ones read back: nothing in them is read-only but Type and Entry_Size
        assertEquals(List.of(device), written(boot[0], "GITS_BASER0").subList(2, 3));
    }
}

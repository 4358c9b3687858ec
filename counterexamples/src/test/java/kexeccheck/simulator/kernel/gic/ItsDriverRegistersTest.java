package kexeccheck.simulator.kernel.gic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import kexeccheck.simulator.KernelSpec;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.MachineConfig;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.gic.GicrPendbaser;
import kexeccheck.simulator.gic.GicrPropbaser;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import org.junit.jupiter.api.Test;

/** The register values a kernel's ITS driver writes at init_IRQ, field by field. */
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
}

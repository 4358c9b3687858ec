package kexeccheck.simulator.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.simulator.gic.Gic;
import kexeccheck.simulator.gic.GicrCtlr;
import kexeccheck.simulator.gic.GicrPendbaser;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;
import org.junit.jupiter.api.Test;

/** U-Boot's gic_lpi_tables_init() as arch/arm/lib/gic-v3-its.c has it. */
class BootloaderTest {

    private static final long BASE = 0x4a00_0000L;
    private final List<String> writes = new ArrayList<>();
    private final PhysicalMemory memory = new PhysicalMemory();
    private final Gic gic = gic(false);

    private Gic gic(boolean propbaserShared) {
        return new Gic(Board.qemuVirt(new AddressRange(0x4000_0000L, 0x4000_0000L), 2, null, null), false,
                propbaserShared, memory, (r, w, v) -> writes.add(String.format("%s <- 0x%016x", r, w)));
    }

    @Test
    void programsPropbaserThenZeroedPendingTablesWithPtz() {
        memory.fill(BASE, 3 * 64 * 1024, (byte) 0x5a, new Writer.Other("earlier"));
        assertEquals(0, Bootloader.gicLpiTablesInit(gic, memory, BASE, 16));
        assertEquals(List.of(
                "GICR_PROPBASER(CPU0) <- 0x000000004a00078f", // through redistributor 0's frame only
                "GICR_PENDBASER(CPU0) <- 0x400000004a010780",
                "GICR_CTLR(CPU0) <- 0x0000000000000001",
                "GICR_PENDBASER(CPU1) <- 0x400000004a020780",
                "GICR_CTLR(CPU1) <- 0x0000000000000001"), writes);
        assertEquals(BASE + 0x1_0000L, gic.redistributor(0).pendingTable());
        assertTrue(gic.redistributor(1).enableLpis());
        assertEquals(0x5a, memory.readByte(BASE)); // the property table is not written
        assertEquals(0x5a, memory.readByte(BASE + 0xffff));
        assertEquals(0, memory.readByte(BASE + 0x1_0000L)); // the pending tables are zeroed
        assertEquals(0, memory.readByte(BASE + 0x2_ffffL));
    }

    @Test
    void onlyASharedPropbaserGivesRedistributor1TheTable() {
        assertEquals(0, Bootloader.gicLpiTablesInit(gic, memory, BASE, 16));
        assertEquals(0, gic.redistributor(1).propertyTable()); // its reset value: no table at all
        assertTrue(gic.redistributor(1).enableLpis());
        Gic shared = gic(true);
        assertEquals(0, Bootloader.gicLpiTablesInit(shared, memory, BASE, 16));
        assertEquals(BASE, shared.redistributor(1).propertyTable());
    }

    @Test
    void refusesWithEinvalWhenARedistributorAlreadyHasLpisEnabled() {
        gic.redistributor(1).write(GicrCtlr.OFFSET, GicrCtlr.ENABLE_LPIS);
        writes.clear();
        assertEquals(-22, Bootloader.gicLpiTablesInit(gic, memory, BASE, 16));
        assertEquals(List.of(), writes);
        assertEquals(0, GicrPendbaser.pa(gic.redistributor(0).read(GicrPendbaser.OFFSET)));
    }
}

package kexeccheck.simulator.gic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import kexeccheck.simulator.memory.PhysicalMemory;
import org.junit.jupiter.api.Test;

/** GICR_PROPBASER one per redistributor, or one shared by all (GICR_TYPER.CommonLPIAff), at the register level. */
class PropbaserSharingTest {

    private static final long TABLE_A = GicrPropbaser.encode(0x4a00_0000L, 16);
    private static final long TABLE_B = GicrPropbaser.encode(0x4b00_0000L, 16);
    private final List<String> writes = new ArrayList<>();

    private Gic gic(boolean clearable, boolean shared) {
        return new Gic(Board.qemuVirt(new AddressRange(0x4000_0000L, 0x4000_0000L), 3, null, null), clearable, shared,
                new PhysicalMemory(), (r, w, v) -> writes.add(String.format("%s <- 0x%x = 0x%x", r, w, v)));
    }

    @Test
    void aWriteThroughRedistributor0IsReadBackThroughTheOthersWhenShared() {
        Gic gic = gic(false, true);
        gic.redistributor(0).write(GicrPropbaser.OFFSET, TABLE_A);
        assertEquals(TABLE_A, gic.redistributor(1).read(GicrPropbaser.OFFSET));
        assertEquals(0x4a00_0000L, gic.redistributor(2).propertyTable());
        gic.redistributor(2).write(GicrPropbaser.OFFSET, TABLE_B); // the last write wins, whichever frame
        assertEquals(TABLE_B, gic.redistributor(0).read(GicrPropbaser.OFFSET));
        assertEquals(List.of("GICR_PROPBASER(CPU0) <- 0x4a00078f = 0x4a00078f",
                "GICR_PROPBASER(CPU2) <- 0x4b00078f = 0x4b00078f"), writes);
    }

    @Test
    void perRedistributorRegistersKeepTheirResetValueOfZero() {
        Gic gic = gic(false, false);
        gic.redistributor(0).write(GicrPropbaser.OFFSET, TABLE_A);
        assertEquals(0L, gic.redistributor(1).read(GicrPropbaser.OFFSET));
        assertEquals(0L, gic.redistributor(1).propertyTable());
        assertEquals(TABLE_A, gic.redistributor(0).read(GicrPropbaser.OFFSET));
    }

    @Test
    void stickyHardwareIgnoresAWriteToASharedRegisterWhileAnySharerHasLpisOn() {
        Gic gic = gic(false, true);
        gic.redistributor(0).write(GicrPropbaser.OFFSET, TABLE_A);
        gic.redistributor(1).write(GicrCtlr.OFFSET, GicrCtlr.ENABLE_LPIS);
        gic.redistributor(0).write(GicrPropbaser.OFFSET, TABLE_B); // CPU0's LPIs are off, CPU1's table is live
        assertEquals(TABLE_A, gic.redistributor(0).read(GicrPropbaser.OFFSET));
        Gic own = gic(false, false);
        own.redistributor(1).write(GicrCtlr.OFFSET, GicrCtlr.ENABLE_LPIS);
        own.redistributor(0).write(GicrPropbaser.OFFSET, TABLE_B); // nobody else reads CPU0's register
        assertEquals(TABLE_B, own.redistributor(0).read(GicrPropbaser.OFFSET));
    }

    @Test
    void clearableHardwareTakesTheWriteWhoeverHasLpisOn() {
        Gic gic = gic(true, true);
        gic.redistributor(1).write(GicrCtlr.OFFSET, GicrCtlr.ENABLE_LPIS);
        gic.redistributor(0).write(GicrPropbaser.OFFSET, TABLE_B);
        assertEquals(TABLE_B, gic.redistributor(1).read(GicrPropbaser.OFFSET));
    }

    @Test
    void theFourArgumentGicKeepsOneRegisterPerRedistributor() {
        Gic gic = new Gic(Board.qemuVirt(new AddressRange(0x4000_0000L, 0x4000_0000L), 2, null, null), false,
                new PhysicalMemory(), (r, w, v) -> { });
        gic.redistributor(0).write(GicrPropbaser.OFFSET, TABLE_A);
        assertEquals(0L, gic.redistributor(1).read(GicrPropbaser.OFFSET));
        assertEquals(false, gic.propbaserShared());
    }
}

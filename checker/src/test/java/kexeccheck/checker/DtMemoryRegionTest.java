package kexeccheck.checker;

import org.junit.jupiter.api.Test;

/** The seed's bump allocator (domain.md §3.3), as the dt-memory-region-v1 proposal models it. */
class DtMemoryRegionTest {

    private final ModelQueries dtV1 = new ModelQueries("dt-memory-region-v1", 2);

    @Test
    void aFreshBootCarvesThePropertyTableThenOnePendingTablePerCpu() {
        dtV1.assertAlways("Config.firmware = dt and Config.hardware != gicv2 and firstKernel.profile = linux_5_3__dt_v1"
                        + " and after Step.event = BootGic",
                "after (Step.prop_table = Board.region_prop and Step.allocated_pend = Board.region_pend"
                        + " and Gic.pendbaser = Board.region_pend)");
    }

    @Test
    void afterAdoptionTheCursorStartsAtTheRegionAgainSoPendingTablesShiftBySlot() {
        dtV1.assertAlways("Config.firmware = dt and Config.dtb = passthrough and Config.hardware = sticky"
                        + " and Config.reserved_memory = map and Kernel.profile = linux_5_3__dt_v1"
                        + " and after Step.event = BootGic and after after Step.event = Kexec"
                        + " and after after after Step.event = BootGic",
                "after after after (UsingPreallocated in Step.printed"
                        + " and bootCpu.(Step.allocated_pend) = Board.region_prop"
                        + " and Memory.use[Board.region_prop] = Free)");
    }

    @Test
    void aPatchedKernelThatUsesNoLpisBootsWithoutCarving() {
        // found by the matrix: on a GICv2, or with gicv3_nolpi, the bump allocator must not run
        dtV1.assertPossible("Config.firmware = dt and Config.hardware = gicv2 and firstKernel.profile = linux_5_3__dt_v1"
                + " and after (Step.event = BootGic and Machine.phase = Up)");
        dtV1.assertPossible("Config.firmware = dt and firstKernel.profile = linux_5_3__dt_v1__nolpi"
                + " and after (Step.event = BootGic and Machine.phase = Up)");
    }

    @Test
    void aKernelWithoutThePatchUsesThePageAllocator() {
        dtV1.assertPossible("Config.firmware = dt and firstKernel.profile = linux_5_3 and after Step.event = BootGic"
                + " and after (no Step.prop_table & region)");
    }
}

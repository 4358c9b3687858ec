package kexeccheck.checker;

import org.junit.jupiter.api.Test;

/** The seed's bump allocator (domain.md §3.3), as the dt-memory-region-v1 proposal models it. */
class DtMemoryRegionTest {

    private final ModelQueries dtV1 = new ModelQueries("dt-memory-region-v1", 2);

    @Test
    void aFreshBootCarvesThePropertyTableThenOnePendingTablePerCpu() {
        dtV1.assertAlways("Config.firmware = dt and Config.hardware != gicv2 and firstKernel.profile = linux_5_3__dt_v1"
                        + " and Config.reserved_memory = map and after Step.event = BootGic",
                "after (Step.prop_table = Board.region_prop and Step.allocated_pend = Board.region_pend"
                        + " and Gic.pendbaser = Board.region_pend)");
    }

    @Test
    void afterAdoptionTheCursorStartsAtTheRegionAgainSoPendingTablesShiftBySlot() {
        dtV1.assertAlways("Config.firmware = dt and Config.dtb = passthrough and Config.hardware = sticky"
                        + " and Config.reserved_memory = map and Kernel.profile = linux_5_3__dt_v1"
                        + " and Config.page_size = v_64k"
                        + " and after Step.event = BootGic and after after Step.event = Kexec"
                        + " and after after after Step.event = BootGic",
                "after after after (UsingPreallocated in Step.printed"
                        + " and bootCpu.(Step.allocated_pend) = Board.region_prop"
                        + " and Memory.use[Board.region_prop] = Free)");
    }

    @Test
    void withFourKibPagesFreeingARegionCarvedSpareTableIsABadPageAndLeaksIt() {
        // domain.md §3.7: the spare is PG_reserved; an order-4 free trips bad_page() and the pages stay out
        dtV1.assertAlways("Config.firmware = dt and Config.dtb = passthrough and Config.hardware = sticky"
                        + " and Config.reserved_memory = map and Kernel.profile = linux_5_3__dt_v1"
                        + " and Config.page_size = v_4k and Config.loader = honours_reserved"
                        + " and after Step.event = BootGic and after after Step.event = Kexec"
                        + " and after after after Step.event = BootGic",
                "after after after (BadPageState in bootCpu.(Step.cpu_printed)"
                        + " and Memory.use[Board.region_prop] = PropTable)");
    }

    @Test
    void carvingFromANoMapRegionFaultsAndTheKernelDies() {
        // domain.md §3.7: get_of_page() memsets phys_to_virt(pa), and no-map memory is not in the linear map
        dtV1.assertAlways("Config.firmware = dt and Config.hardware != gicv2 and firstKernel.profile = linux_5_3__dt_v1"
                        + " and Config.reserved_memory = nomap and after Step.event = BootGic",
                "after (Machine.phase = Panicked and KernelPanic in Step.printed and no Gic.lpis_on)");
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

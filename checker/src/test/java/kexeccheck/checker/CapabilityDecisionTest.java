package kexeccheck.checker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boot decision logic of domain.md §3.2, one capability at a time, on small states: a
 * firmware that leaves LPIs enabled (dt-preprogrammed) or a first kernel that does, and the
 * second kernel's GIC boot event right after.
 */
class CapabilityDecisionTest {

    private static ModelQueries upstream;

    /** The first kernel's GIC boot is the first step. */
    private static final String FIRST_BOOT = "after Step.event = BootGic";
    /** The second kernel's GIC boot follows its kexec directly. */
    private static final String SECOND_BOOT = "after Step.event = BootGic and after after Step.event = Kexec"
            + " and after after after Step.event = BootGic";
    private static final String PREPROGRAMMED = "Config.firmware = dt_preprogrammed and Config.hardware = sticky";

    @BeforeAll
    static void load() {
        upstream = new ModelQueries("upstream", 2);
    }

    @Test
    void adoptsPreallocatedTablesInAReservedRegion() {
        upstream.assertAlways(PREPROGRAMMED + " and Config.reserved_memory = map and firstKernel.profile = linux_6_1 and "
                        + FIRST_BOOT,
                "after (UsingPreallocated in Step.printed and Step.cpu_mode = Cpu -> Adopted"
                        + " and Gic.propbaser = firmwarePropbaser and Memory.use[Board.region_prop] = PropTable)");
    }

    @Test
    void warnsAndFailsToDisableWhenTheRegionIsNoMap() {
        upstream.assertAlways(PREPROGRAMMED + " and Config.reserved_memory = nomap and firstKernel.profile = linux_6_1 and "
                        + FIRST_BOOT,
                "after (ExpectedReservedNotFound in Step.printed and Step.cpu_mode = Cpu -> DisableFailed"
                        + " and all c: Cpu | Step.cpu_printed[c] = BootedWithLpisEnabled + FailedToDisable)");
    }

    @Test
    void clearableHardwareLetsAKernelDisableAndReprogram() {
        upstream.assertAlways("Config.firmware = dt_preprogrammed and Config.hardware = clearable"
                        + " and Config.reserved_memory = nomap and firstKernel.profile = linux_4_19 and " + FIRST_BOOT,
                "after (Step.cpu_mode = Cpu -> Programmed and Gic.propbaser = Cpu -> Step.prop_table"
                        + " and Gic.pendbaser = Step.allocated_pend and Gic.lpis_on = Cpu"
                        + " and all c: Cpu | Step.cpu_printed[c] = BootedWithLpisEnabled + UsingAllocatedPending)");
    }

    @Test
    void blindReprogrammingOfALiveRedistributorHasNoEffectOnStickyHardware() {
        upstream.assertAlways(PREPROGRAMMED + " and firstKernel.profile = linux_4_16 and " + FIRST_BOOT,
                "after (Step.cpu_mode = Cpu -> WritesIgnored and Step.cpu_printed = Cpu -> UsingPending"
                        + " and Gic.propbaser = firmwarePropbaser)");
    }

    @Test
    void aKernelWithoutLpisLeavesTheGicAlone() {
        upstream.assertAlways(PREPROGRAMMED + " and firstKernel.profile = linux_6_1__nolpi and " + FIRST_BOOT,
                "after (Step.cpu_mode = Cpu -> Untouched and Gic.lpis_on = Cpu and Gic.its = ItsDisabled"
                        + " and Gic.pendbaser = Board.region_pend)");
    }

    @Test
    void efiKernelsRecordTheirTablesAndTheNextOneAdoptsThem() {
        upstream.assertAlways("Config.firmware = efi and Config.hardware = sticky and firstKernel.profile = linux_6_1"
                        + " and lastKernel.profile = linux_6_1 and " + SECOND_BOOT,
                "after (Memory.memreserve = Step.prop_table + Cpu.(Step.allocated_pend))"
                        + " and after after after (UsingPreallocated in Step.printed and Step.cpu_mode = Cpu -> Adopted)");
    }

    @Test
    void withoutEfiNothingIsRecorded() {
        upstream.assertAlways("Config.firmware = dt and firstKernel.profile = linux_6_1 and " + FIRST_BOOT,
                "always no Memory.memreserve");
    }

    @Test
    void aKernelThatIgnoresMemreserveSeesItsPredecessorsTablesAsFree() {
        upstream.assertAlways("Config.firmware = efi and Config.kexec = normal and Config.hardware = sticky and firstKernel.profile = linux_6_1"
                        + " and lastKernel.profile = linux_4_19 and no segments[lastKernel] and " + SECOND_BOOT,
                "after after (Memory.use[Memory.memreserve] = Free)");
    }

    @Test
    void theMemreserveListIsInIomemOnlyWithAb0eb16205b4() {
        String oldFirst = "Config.firmware = efi and Config.loader = honours_reserved and firstKernel.profile = linux_5_3"
                + " and after Step.event = BootGic and after after Step.event = Kexec";
        String segmentOverTables = " and after after some segments[lastKernel] & Memory.memreserve";
        upstream.assertPossible(oldFirst + segmentOverTables);
        upstream.assertImpossible(oldFirst.replace("linux_5_3", "linux_6_1") + segmentOverTables);
    }

    @Test
    void aKdumpKernelAdoptsTablesOutsideItsMemoryWithoutLookingForAReservation() {
        upstream.assertAlways("Config.firmware = dt and Config.hardware = sticky and firstKernel.profile = linux_6_1"
                        + " and lastKernel.profile = kdump_6_1 and after Step.event = BootGic"
                        + " and after after Step.event = CrashKexec and after after after Step.event = BootGic",
                "after after after (UsingPreallocated in Step.printed and Step.cpu_mode = Cpu -> Adopted"
                        + " and no (Step.printed & ExpectedReservedNotFound))");
    }

    @Test
    void aCaptureKernelIsOnlyEnteredByACrashKexec() {
        upstream.assertImpossible("lastKernel.profile = kdump_6_1 and eventually Step.event = Kexec");
    }
}

package kexeccheck.checker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * core's hand-over channels (the extension point a proposal fills with a {@code Channel}), asked of
 * the tutorial's proposal (docs/tutorial/chosen-lpi-tables.als): writers record their live tables,
 * kexecs of the right kind carry the record, readers reserve it, relays pass it on, and the
 * outgoing kernel shows it to the loader.
 */
class HandoverChannelTest {

    private static final String TUTORIAL = "../docs/tutorial/chosen-lpi-tables.als";
    private static final String CHOSEN = "linux_6_1__chosen";

    /** LPIs, and no tables a bootloader programmed: the first kernel programs every CPU itself. */
    private static final String RAM_ONLY = "Config.hardware != gicv2 and Config.firmware in efi + dt";

    private static ModelQueries twoKernels;
    private static ModelQueries threeKernels;

    @BeforeAll
    static void load() {
        twoKernels = new ModelQueries(TUTORIAL, 2);
        threeKernels = new ModelQueries(TUTORIAL, 3);
    }

    @Test
    void aWriterRecordsTheTablesItsRedistributorsUse() {
        twoKernels.assertAlways(RAM_ONLY + " and firstKernel.profile = " + CHOSEN + " and after Step.event = BootGic",
                "after (some chosen_property.(Memory.records)"
                        + " and chosen_property.(Memory.records) = Gic.lpis_on.(Gic.propbaser + Gic.pendbaser))");
    }

    @Test
    void aReaderReservesWhatTheKexecCarried() {
        twoKernels.assertAlways(RAM_ONLY + " and Config.dtb = passthrough and Kernel.profile = " + CHOSEN
                        + " and after Step.event = BootGic and after after Step.event = Kexec",
                "after after (some Memory.handed and Memory.handed = chosen_property.(Memory.records)"
                        + " and Memory.handed - segments[lastKernel] in Memory.use.HandedOver)");
    }

    @Test
    void aWriterWhoseEveryCpuFailedToDisableRecordsNothing() {
        // preprogrammed tables outside the kernel's RAM (no-map) are not adopted on sticky hardware
        twoKernels.assertAlways("Config.firmware = dt_preprogrammed and Config.reserved_memory = nomap"
                        + " and Config.hardware = sticky and firstKernel.profile = " + CHOSEN
                        + " and after Step.event = BootGic",
                "after (Step.cpu_mode = Cpu -> DisableFailed and no Memory.records)");
    }

    @Test
    void aKexecOutsideTheChannelsKindsCarriesNothing() {
        twoKernels.assertAlways("Config.dtb = user_without_reserved", "always no Memory.handed");
    }

    @Test
    void aKernelWithoutTheCapabilityRelaysTheRecordItReceived() {
        threeKernels.assertAlways(RAM_ONLY + " and Config.hardware = sticky and Config.dtb = passthrough and Config.kexec = normal"
                        + " and firstKernel.profile = " + CHOSEN + " and firstKernel.nextKernel.profile = linux_6_1__nolpi"
                        + " and lastKernel.profile = " + CHOSEN + " and eventually Machine.running = lastKernel",
                "always ((Machine.running = lastKernel and Machine.phase = Booting) implies"
                        + " (some Memory.handed and Memory.handed = chosen_property.(Memory.records)))");
    }

    @Test
    void aWriterShowsItsRecordToTheLoader() {
        twoKernels.assertAlways("Config.hardware != gicv2 and firstKernel.profile = " + CHOSEN,
                "always ((Machine.running = firstKernel and Machine.phase = Up) implies"
                        + " chosen_property.(Memory.records) in iomemReserved)");
    }

    @Test
    void aModelWithoutChannelsHandsNothingOver() {
        new ModelQueries("upstream", 2).assertAlways("some Config", "always (no Memory.records and no Memory.handed)");
    }
}

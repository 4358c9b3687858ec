package kexeccheck.checker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel facts of domain.md §3.7 that an audit found the model getting wrong (issue 11), each
 * as a question to the upstream model that today's model answers as the kernel does. Each test
 * names the commit or function it stands for.
 */
class KernelFactsTest {

    private static ModelQueries upstream;

    /** K1's GIC boot, then the kexec, then K2's GIC boot. */
    private static final String SECOND_BOOT = "after Step.event = BootGic and after after Step.event = Kexec"
            + " and after after after Step.event = BootGic";

    @BeforeAll
    static void load() {
        upstream = new ModelQueries("upstream", 2);
    }

    @Test
    void aPre420StubInstallsNoMemreserveRootSoALaterKernelRecordsNothingAndWarns() {
        // b844470f2206 (v4.20): install_memreserve_table() runs only in the first kernel's stub
        upstream.assertAlways("Config.firmware = efi and Config.hardware != gicv2 and firstKernel.profile = linux_4_19__nolpi"
                        + " and lastKernel.profile = linux_6_1 and " + SECOND_BOOT,
                "after after after (no Memory.memreserve and no Step.recorded and PropReserveFailed in Step.printed"
                        + " and all c: Cpu | PendReserveFailed in c.(Step.cpu_printed))");
    }

    @Test
    void aCpuWhoseDisableFailedGetsNoCollectionAndSoNoLpis() {
        // its_cpu_init() returns before its_cpu_init_lpis() and its_cpu_init_collections(): no MAPC
        upstream.assertAlways("Config.hardware = sticky and firstKernel.profile = linux_6_1"
                        + " and lastKernel.profile = linux_4_19 and " + SECOND_BOOT,
                "after after after (Step.cpu_mode = Cpu -> DisableFailed and no Gic.collections and not LpisDelivered)");
    }

    @Test
    void noMsiReachesACpuWhoseCollectionIsNotMapped() {
        upstream.assertAlways("some Config",
                "always (Step.event = MsiArrives implies Step.pending_write.Frame in Gic.collections)");
    }

    @Test
    void before420APendingTableIsAllocatedOnlyForACpuTheKernelPrograms() {
        // v4.17-v4.19: its_cpu_init_lpis() allocates it after redist_disable_lpis() succeeded
        upstream.assertAlways("Config.hardware = sticky and firstKernel.profile = linux_6_1"
                        + " and lastKernel.profile = linux_4_19 and " + SECOND_BOOT,
                "after after after no Step.allocated_pend");
    }

    @Test
    void aKernelShowsTheMemreserveEntriesItInheritedInProcIomem() {
        // 50d7ba36b916 (v4.19): /proc/iomem exports every memblock-reserved range, so a 5.3 kernel
        // (no ab0eb16205b4) shows the tables it adopted through the memreserve list
        upstream.assertAlways("Config.firmware = efi and Config.hardware != gicv2 and Kernel.profile = linux_5_3 and "
                        + SECOND_BOOT,
                "after after after (Memory.inherited = Memory.memreserve and some Memory.memreserve"
                        + " and Memory.memreserve in iomemReserved)");
    }

    @Test
    void withoutEfiA517KernelKeepsTheSpareTableOfAnAdoptedCpu() {
        // d23bc2bc1d63 (v5.17): its_lpi_memreserve_init() registers the freeing callback only with EFI
        upstream.assertAlways("Config.firmware = dt_preprogrammed and Config.hardware = sticky"
                        + " and Config.reserved_memory = map and firstKernel.profile = linux_6_1"
                        + " and after Step.event = BootGic",
                "after (Step.cpu_mode = Cpu -> Adopted and all c: Cpu | c.(Step.allocated_pend).(Memory.use) = c.pendRole)");
    }

    @Test
    void withEfiTheSpareTableOfAnAdoptedCpuIsFreed() {
        upstream.assertAlways("Config.firmware = efi_preprogrammed and Config.hardware = sticky"
                        + " and Config.reserved_memory = map and firstKernel.profile = linux_6_1"
                        + " and after Step.event = BootGic",
                "after (Step.cpu_mode = Cpu -> Adopted and Cpu.(Step.allocated_pend) in Memory.use.Free)");
    }

    @Test
    void efiFirmwareCanProgramTheTablesToo() {
        // EDK II on some servers; U-Boot bootefi on NXP Layerscape (gic-lpi reserved-memory node)
        upstream.assertAlways("Config.firmware = efi_preprogrammed and Config.hardware = sticky"
                        + " and Config.reserved_memory = map and firstKernel.profile = linux_6_1"
                        + " and after Step.event = BootGic",
                "after (UsingPreallocated in Step.printed and no Memory.memreserve)");
    }

    @Test
    void aKernelThatRecordsNewTablesBesideDeadEntriesBreaksReservationsBounded() {
        // domain.md §5: K1 records the table it allocated when the region is no-map; K2 does it again
        upstream.assertPossible("Config.firmware = efi_preprogrammed and Config.reserved_memory = nomap"
                + " and Kernel.profile = linux_6_1 and eventually not ReservationsBounded");
    }

    @Test
    void a517KernelRecordsThePendingTableOfACpuWhoseDisableFailed() {
        // its_cpu_memreserve_lpi() runs as each CPU comes online; only an adopted table counts as preallocated
        upstream.assertAlways("Config.firmware = efi and Config.hardware = sticky and firstKernel.profile = linux_4_19"
                        + " and lastKernel.profile = linux_6_1 and " + SECOND_BOOT,
                "after after after (Step.cpu_mode = Cpu -> DisableFailed implies (no Memory.memreserve"
                        + " and all c: Cpu | PendReserveFailed in c.(Step.cpu_printed)))");
        upstream.assertAlways("Config.firmware = efi_preprogrammed and Config.reserved_memory = nomap"
                        + " and Config.hardware = sticky and firstKernel.profile = linux_6_1 and after Step.event = BootGic",
                "after (Step.cpu_mode = Cpu -> DisableFailed and Cpu.(Step.allocated_pend) in Step.recorded)");
        upstream.assertAlways("Config.firmware = efi_preprogrammed and Config.reserved_memory = nomap"
                        + " and Config.hardware = sticky and firstKernel.profile = linux_5_3 and after Step.event = BootGic",
                "after (Step.cpu_mode = Cpu -> DisableFailed and no Cpu.(Step.allocated_pend) & Step.recorded)");
    }

    @Test
    void aCpuTheNextKernelNeverBringsUpKeepsTheOldTableSoOnePropertyTableCanFail() {
        // domain.md §3.8: with nr_cpus=1 its_cpu_init() never runs for CPU1, which keeps K1's PROPBASER
        upstream.assertAlways("Config.hardware = clearable and firstKernel.profile = linux_6_1"
                        + " and lastKernel.profile = linux_6_1__nr_cpus_1 and " + SECOND_BOOT,
                "after after after (all c: Cpu - bootCpu | c.(Step.cpu_mode) = Offline and no c.(Step.allocated_pend)"
                        + " and c not in Gic.collections)");
        upstream.assertPossible("firstKernel.profile = linux_6_1 and lastKernel.profile = linux_6_1__nr_cpus_1"
                + " and eventually not OnePropertyTable");
    }
}

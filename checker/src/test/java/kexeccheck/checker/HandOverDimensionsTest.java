package kexeccheck.checker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dimensions an audit found the model fixing silently (issue 23), each asked of the model as a
 * question the kernel, U-Boot or kexec-tools source answers. Each test names the code it stands for.
 */
class HandOverDimensionsTest {

    private static ModelQueries upstream;
    private static ModelQueries kho;

    /** K1's GIC boot. */
    private static final String FIRST_BOOT = "after Step.event = BootGic";

    @BeforeAll
    static void load() {
        upstream = new ModelQueries("upstream", 2);
        kho = new ModelQueries("kho-lpi-tables", 2);
    }

    @Test
    void ubootOnAGicThatDoesNotSharePropbaserLeavesCpu1WithoutAPropertyTableAndLinuxLosesItsLpis() {
        // U-Boot gic_lpi_tables_init(): PROPBASER through redistributor 0 only; 6.1 its_cpu_init_lpis()
        // adopts CPU1 with WARN_ON(prop_table_pa != paddr) -- on clearable hardware too
        upstream.assertAlways("Config.firmware = dt_preprogrammed and Config.reserved_memory = map"
                        + " and Config.propbaser_sharing = per_redistributor and Config.hardware != gicv2"
                        + " and firstKernel.profile = linux_6_1 and " + FIRST_BOOT,
                "no (Cpu - bootCpu).(Gic.propbaser) and not OnePropertyTable and after (Step.cpu_mode = Cpu -> Adopted"
                        + " and PropbaserMismatch in (Cpu - bootCpu).(Step.cpu_printed) and not LpisDelivered)");
    }

    @Test
    void ubootOnAGicThatSharesPropbaserHandsEveryRedistributorTheTable() {
        upstream.assertAlways("Config.firmware = dt_preprogrammed and Config.reserved_memory = map"
                        + " and Config.propbaser_sharing = shared and Config.hardware != gicv2"
                        + " and firstKernel.profile = linux_6_1 and " + FIRST_BOOT,
                "Gic.propbaser = Cpu -> Board.region_prop and after (LpisDelivered and no Cpu.(Step.cpu_printed) & Warnings)");
    }

    @Test
    void aSharedPropbaserWriteReachesACpuTheKernelNeverBringsUp() {
        // its_cpu_init_lpis() writes GICR_PROPBASER through CPU0's frame; on a shared register CPU1 reads it
        upstream.assertAlways("Config.hardware = clearable and Config.propbaser_sharing = shared"
                        + " and firstKernel.profile = linux_6_1 and lastKernel.profile = linux_6_1__nr_cpus_1"
                        + " and after after after Step.event = BootGic and after Step.event = BootGic",
                "after after after OnePropertyTable");
    }

    @Test
    void kexecFileLoadPassesTheOutgoingKernelsBootDtNotAUserDtb() {
        // of_kexec_alloc_and_setup_fdt(initial_boot_params): --dtb applies to kexec_load only
        upstream.assertAlways("Config.dtb = user_without_reserved and Config.syscall = kexec_file_load and some region"
                        + " and firstKernel.profile = linux_6_1",
                "regionVisible[lastKernel]");
        upstream.assertAlways("Config.dtb = user_without_reserved and Config.syscall = kexec_file_load and some region"
                        + " and firstKernel.profile = linux_4_19",
                "not regionVisible[lastKernel]");
    }

    @Test
    void kexecFileLoadKeepsOffWhatMemblockReservedButNotOffThePageAllocatorsTables() {
        // kexec_walk_memblock(): for_each_free_mem_range; 2bab693a608b memblock-reserves the tables a
        // v5.14+ kernel records in the EFI memreserve list, 5.3 and DT-only kernels leave them free
        upstream.assertPossible("Config.firmware = dt and Config.syscall = kexec_file_load and Config.hardware = sticky"
                + " and firstKernel.profile = linux_6_1 and eventually (Step.event = Kexec"
                + " and some segments[lastKernel] & Gic.lpis_on.(Gic.pendbaser))");
        upstream.assertImpossible("Config.firmware = efi and Config.syscall = kexec_file_load"
                + " and firstKernel.profile = linux_6_1 and eventually (Step.event = Kexec"
                + " and some segments[lastKernel] & Gic.lpis_on.(Gic.pendbaser))");
        upstream.assertPossible("Config.firmware = efi and Config.syscall = kexec_file_load and Config.hardware = sticky"
                + " and firstKernel.profile = linux_5_3 and eventually (Step.event = Kexec"
                + " and some segments[lastKernel] & Gic.lpis_on.(Gic.pendbaser))");
    }

    @Test
    void aKernelWithoutKexecFileLoadFallsBackToKexecLoad() {
        // kexec-tools 2.0.27+ (29fe5067ed07) falls back on ENOSYS; arm64 kexec_file_load is v5.0+
        upstream.assertPossible("Config.syscall = kexec_file_load and Config.loader = ignores_reserved"
                + " and firstKernel.profile = linux_4_19 and Config.firmware = efi and eventually (Step.event = Kexec"
                + " and some segments[lastKernel] & firstKernel.image_at)");
    }

    @Test
    void khoHandsTheTablesOverOnlyThroughAFinalisedKexecFileLoad() {
        // 6.16 kho_fill_kimage() runs from kimage_file_prepare_segments() only; unfinalised, the FDT is not valid
        for (String syscall : new String[] {"kexec_load", "kexec_file_load_unfinalised"}) {
            kho.assertAlways("Config.syscall = " + syscall + " and Kernel.profile = linux_6_16__kho_gic"
                    + " and lastKernel.entry = kexec_entry", "always no Memory.handed");
        }
        kho.assertPossible("Config.syscall = kexec_file_load and Kernel.profile = linux_6_16__kho_gic"
                + " and Config.hardware = sticky and eventually some Memory.handed");
    }

    @Test
    void everyKhoKernelReservesEveryPreservedPageWhateverSubtreePreservedIt() {
        // 6.16 kho_memory_init() -> kho_mem_deserialize(): memblock_reserve() of every preserved page
        kho.assertPossible("Config.syscall = kexec_file_load and firstKernel.profile = linux_6_16__kho_gic"
                + " and lastKernel.profile = linux_6_16 and Config.hardware = sticky and eventually some Memory.handed");
    }
}

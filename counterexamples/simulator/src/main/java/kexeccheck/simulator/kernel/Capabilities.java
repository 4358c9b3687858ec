package kexeccheck.simulator.kernel;

import java.util.Set;

/**
 * A kernel's capabilities (domain.md §4), the only thing the simulator knows
 * about a kernel: never its version.
 *
 * @param names the capability names as the profiles spell them
 */
public record Capabilities(Set<String> names) {

    /** enables-lpis: the ITS driver runs and LPIs get enabled (absent with gicv3_nolpi=1). */
    public static final String ENABLES_LPIS = "enables-lpis";
    /** disable-with-check: redist_disable_lpis() (v4.17+). */
    public static final String DISABLE_WITH_CHECK = "disable-with-check";
    /** blind-reprogram: clear EnableLPIs without checking and reprogram (v4.16 and older). */
    public static final String BLIND_REPROGRAM = "blind-reprogram";
    /** adopts-preallocated: the RDIST_FLAGS_RD_TABLES_PREALLOCATED logic (v4.20+). */
    public static final String ADOPTS_PREALLOCATED = "adopts-preallocated";
    /** kdump-bypass: is_kdump_kernel() in gic_check_reserved_range(). */
    public static final String KDUMP_BYPASS = "kdump-bypass";
    /** reads-memreserve: honours the EFI memreserve table at boot. */
    public static final String READS_MEMRESERVE = "reads-memreserve";
    /** writes-memreserve: efi_mem_reserve_persistent() for its tables. */
    public static final String WRITES_MEMRESERVE = "writes-memreserve";
    /** iomem-lists-memblock: 50d7ba36b916 (v4.19), every memblock-reserved range shown "reserved" in /proc/iomem. */
    public static final String IOMEM_LISTS_MEMBLOCK = "iomem-lists-memblock";
    /** memreserve-in-iomem: ab0eb16205b4, reservations shown in /proc/iomem. */
    public static final String MEMRESERVE_IN_IOMEM = "memreserve-in-iomem";
    /** dt-memory-region-v1: the 2019 seed's patch 5. */
    public static final String DT_MEMORY_REGION_V1 = "dt-memory-region-v1";
    /** installs-memreserve-root: the EFI stub's install_memreserve_table() (v4.20, b844470f2206). */
    public static final String INSTALLS_MEMRESERVE_ROOT = "installs-memreserve-root";
    /** memreserve-on-cpu-online: d23bc2bc1d63 (v5.17), the spare pending table freed in a CPU-online callback registered only with EFI. */
    public static final String MEMRESERVE_ON_CPU_ONLINE = "memreserve-on-cpu-online";
    /** nr-cpus-1: booted with nr_cpus=1, only the boot CPU is ever brought up. */
    public static final String NR_CPUS_1 = "nr-cpus-1";
    /** kdump-capture: a capture kernel, only ever entered by a crash kexec (is_kdump_kernel()). */
    public static final String KDUMP_CAPTURE = "kdump-capture";
    /** efi-stub: booted through the EFI stub. */
    public static final String EFI_STUB = "efi-stub";
    /**
     * kexec-file-syscall: the kernel implements kexec_file_load on arm64 (v5.0+, arch/arm64/kernel/kexec_image.c
     * and machine_kexec_file.c); without it kexec-tools 2.0.27+ falls back to kexec_load
     * ({@link kexeccheck.simulator.loader.LoadSyscall}).
     */
    public static final String KEXEC_FILE_SYSCALL = "kexec-file-syscall";
    /**
     * memreserve-in-memblock: 2bab693a608b (v5.14, backported to 5.10.y), "firmware/efi: Tell memblock about EFI
     * iomem reservations": efi_mem_reserve_iomem() (drivers/firmware/efi/efi.c) also does {@code if
     * (IS_ENABLED(CONFIG_ARCH_KEEP_MEMBLOCK) && !ret) memblock_reserve(addr, size);}, so what the kernel records
     * with efi_mem_reserve_persistent() after boot (its LPI tables and the list nodes) is memblock-reserved, which
     * kexec_file_load's placement honours ({@link Memblock#freeRanges()}).
     */
    public static final String MEMRESERVE_IN_MEMBLOCK = "memreserve-in-memblock";

    public Capabilities {
        names = Set.copyOf(names);
    }

    /** Whether the kernel has the capability. */
    public boolean has(String capability) {
        return names.contains(capability);
    }
}

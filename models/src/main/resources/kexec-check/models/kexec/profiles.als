module kexec/profiles

/*
 * Named kernel profiles (domain.md §4).  A profile is a set of
 * capabilities, never a version number: vendor kernels backport, so a
 * user's kernel is described by what its code does.  Each comment cites
 * the code the profile stands for.  CLI names: '_' between digits is '.',
 * '__' is '+', any other '_' is '-' (linux_5_3__dt_v1 = linux-5.3+dt-v1).
 */

open kexec/core

/* v4.16 and older: its_cpu_init_lpis() writes GICR_CTLR, PROPBASER and
 * PENDBASER unconditionally (irq-gic-v3-its.c before f736d65df0ac) and
 * prints "CPU%d: using LPI pending table @%pa".  No memreserve root. */
one sig linux_4_16 extends Profile {} { caps = enables_lpis + blind_reprogram + efi_stub }
one sig linux_4_16__nolpi extends Profile {} { caps = linux_4_16.@caps - enables_lpis }

/* v4.17–v4.19: redist_disable_lpis() (6eb486b66a30); no reuse of tables; a
 * CPU's pending table is allocated in its_cpu_init_lpis() after the disable.
 * Its EFI stub installs no memreserve root (that is v4.20, b844470f2206).
 * /proc/iomem shows memblock-reserved ranges (50d7ba36b916, v4.19-rc1). */
one sig linux_4_19 extends Profile {} { caps = enables_lpis + disable_with_check + efi_stub + iomem_lists_memblock }
one sig linux_4_19__nolpi extends Profile {} { caps = linux_4_19.@caps - enables_lpis }

/* v5.3, the seed's era: Marc Zyngier's v4.20 series (allocate_lpi_tables()
 * PREALLOCATED path, gic_check_reserved_range() with is_kdump_kernel(),
 * gic_reserve_range() -> efi_mem_reserve_persistent()) and Ard Biesheuvel's
 * 71e0940d52e1 (memreserve entries memblock-reserved at boot, so /proc/iomem
 * shows the ones it inherited); its stub installs the memreserve root
 * (b844470f2206).  Before ab0eb16205b4 (v5.5, 5.4.7): /proc/iomem does not
 * show the entries it registers itself.  arm64 kexec_file_load (v5.0), whose
 * memblock walk does not see them either (before 2bab693a608b, v5.14). */
one sig linux_5_3 extends Profile {} {
  caps = enables_lpis + disable_with_check + adopts_preallocated + kdump_bypass
       + reads_memreserve + writes_memreserve + efi_stub + installs_memreserve_root + iomem_lists_memblock
       + kexec_file_syscall
}
one sig linux_5_3__nolpi extends Profile {} { caps = linux_5_3.@caps - enables_lpis }

/* v6.1: as 5.3 plus ab0eb16205b4 (memreserve shown in /proc/iomem),
 * 2bab693a608b (v5.14: and memblock-reserved, which kexec_file_load sees) and
 * d23bc2bc1d63 (v5.17: the spare pending table freed, and a programmed one
 * reserved, in a CPU-online callback registered with EFI only: without EFI
 * an adopted CPU's spare table is never freed).  Resets property bytes to 0xa2. */
one sig linux_6_1 extends Profile {} {
  caps = linux_5_3.@caps + memreserve_in_iomem + memreserve_on_cpu_online + memreserve_in_memblock
}
one sig linux_6_1__nolpi extends Profile {} { caps = linux_6_1.@caps - enables_lpis }

/* v6.12: the same decisions as 6.1; only the reset property byte differs (0xc2). */
one sig linux_6_12 extends Profile {} { caps = linux_6_1.@caps }
one sig linux_6_12__nolpi extends Profile {} { caps = linux_6_12.@caps - enables_lpis }

/* v6.1 booted with nr_cpus=1 (or maxcpus=1 and no CPU ever onlined): only the boot CPU runs
 * its_cpu_init(); the others keep what the previous kernel left in their redistributors (§3.8). */
one sig linux_6_1__nr_cpus_1 extends Profile {} { caps = linux_6_1.@caps + nr_cpus_1 }

/* A 6.1 capture kernel (kdump), entered only by a crash kexec: is_kdump_kernel() is true. */
one sig kdump_6_1 extends Profile {} { caps = linux_6_1.@caps + kdump_capture }
one sig kdump_6_1__nolpi extends Profile {} { caps = kdump_6_1.@caps - enables_lpis }
/* kdump's usual command line adds nr_cpus=1 (Debian's kdump-tools, Fedora's kexec-tools). */
one sig kdump_6_1__nr_cpus_1 extends Profile {} { caps = kdump_6_1.@caps + nr_cpus_1 }

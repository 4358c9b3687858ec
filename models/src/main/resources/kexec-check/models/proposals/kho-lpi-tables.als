module proposals/kho_lpi_tables

/*
 * A GIC hand-over through Kexec HandOver (KHO, Linux 6.16; domain.md §3.6), as nobody has posted it
 * yet: a KHO kernel preserves its LPI tables in an `arm,gic-v3-lpi-tables` subtree of the KHO FDT it
 * passes on (kho_preserve_folio()), and the next KHO kernel memblock-reserves every preserved page at
 * boot (kho_memory_init() -> kho_mem_deserialize(), before memblock_free_all(), whoever preserved
 * it), so that gic_check_reserved_range() accepts them and it adopts them.  Around it, KHO as merged
 * in 6.16 (kernel/kexec_handover.c):
 *   - a KHO FDT is passed only by kexec_file_load (kho_fill_kimage(), called from
 *     kimage_file_prepare_segments()), never by kexec_load and never to a capture kernel; one passed
 *     before KHO was finalised is not a valid FDT (6.16; 6.17 passes none, f322a97aeb2a), and the
 *     next kernel's kho_populate() disables KHO revival;
 *   - it is read only by a kernel of the same ABI version (root compatible "kho-v1" or "kho-v2": no
 *     negotiation); a kernel of another version or without KHO ignores it whole;
 *   - a KHO kernel that was handed no FDT of its version allocates scratch regions at boot from memory
 *     memblock left free (kho_reserve_scratch); one that was handed one keeps the same regions;
 *   - scratch is CMA to the running kernel: no unmovable allocation, so no LPI table, comes from it;
 *   - kexec_file_load places the next kernel's segments only in the scratch regions
 *     (kho_locate_mem_hole), whatever /proc/iomem says.
 * The EFI memreserve list works beside it as upstream's does.
 */

open kexec/core
open kexec/profiles
open kexec/properties

/* KHO of one ABI version: passes a KHO FDT on a normal kexec, reads one of its own version. */
one sig kho_v1, kho_v2 extends Capability {}
/* The proposal: the LPI tables the kernel took, preserved in the KHO FDT's GIC subtree, and the
 * subtree's tables memblock-reserved at boot. */
one sig kho_gic extends Capability {}

fun KhoVersions: set Capability { kho_v1 + kho_v2 }

/* 6.16 (kho-v1), without the proposal: its KHO FDT has no GIC subtree. */
one sig linux_6_16 extends Profile {} { caps = linux_6_12.@caps + kho_v1 }
/* 6.16 with the proposal. */
one sig linux_6_16__kho_gic extends Profile {} { caps = linux_6_16.@caps + kho_gic }
/* A kernel of the kho-v2 ABI (2026), with the proposal. */
one sig linux_kho_v2__kho_gic extends Profile {} { caps = linux_6_12.@caps + kho_v2 + kho_gic }

/* A KHO FDT reaches the next kernel: a normal kexec through kexec_file_load with KHO finalised. */
fun khoEntries: set Entry { Config.syscall = kexec_file_load => kexec_entry else none }

/* The GIC subtree of each KHO ABI version: written by kernels of that version with the proposal; its
 * pages reserved by every kernel of that version, which reserves every preserved page whether or not
 * it knows the subtree; carried only where a KHO FDT is; a kernel without the proposal builds its KHO
 * FDT without the subtree, so nobody relays it. */
one sig kho_v1_gic extends Channel {} {
  writers = having[kho_v1] & having[kho_gic]
  readers = having[kho_v1]
  no relays
  across = khoEntries
  no shown
}
one sig kho_v2_gic extends Channel {} {
  writers = having[kho_v2] & having[kho_gic]
  readers = having[kho_v2]
  no relays
  across = khoEntries
  no shown
}

pred khoKernel[k: Kernel] { some k.profile.caps & KhoVersions }

/* k was handed a KHO FDT it reads: a normal kexec through kexec_file_load, KHO finalised, from a KHO
 * kernel of its own version. */
pred receivesKho[k: Kernel] {
  k.entry in khoEntries
  some k.profile.caps & KhoVersions & (k.~nextKernel).profile.caps
}

/* Each KHO kernel's scratch regions (/chosen linux,kho-scratch). */
one sig Scratch { of: Kernel -> Frame }

fact scratchRegions {
  all k: Kernel | not khoKernel[k] implies no Scratch.of[k]
  all k: Kernel | receivesKho[k] implies Scratch.of[k] = Scratch.of[k.~nextKernel]
  -- kho_reserve_scratch(): memblock_phys_alloc() at boot, from memory nothing reserved
  always ((Machine.phase = Booting and khoKernel[Machine.running] and not receivesKho[Machine.running])
          implies Scratch.of[Machine.running] in Memory.use.Free)
}

/* kexec_file_load with KHO, finalised or not: the next kernel's segments go into the outgoing kernel's
 * scratch (kho_locate_mem_hole() fails rather than fall back); kexec_load places them as kexec-tools does. */
one sig kho_locate_mem_hole extends Placement {} {
  by = { p: Profile | some p.caps & KhoVersions }
  into = Scratch.of
}

/* The page allocator, which gives a KHO kernel no unmovable pages from its scratch (CMA). */
pred khoTables {
  pageAllocator
  let scratch = Scratch.of[Machine.running] {
    -- (`no x & scratch`, not `x not in scratch`: a kernel without LPIs takes no table at all)
    UsingPreallocated not in Step.printed' implies no Step.prop_table' & scratch
    no Cpu.(Step.allocated_pend') & scratch
  }
}

pred init { coldBoot }

pred step { kexecEvents[khoTables, neverFaults] }

-- @property corruption
/* no-stray-write for the next kexec: a KHO kernel that is up keeps no live LPI table in its scratch
 * regions, where kexec_file_load will place the next kernel's segments. */
pred ScratchKeepsOffLiveTables {
  (Machine.phase = Up and khoKernel[Machine.running]) implies
    no Scratch.of[Machine.running] & Gic.lpis_on.(Gic.propbaser + Gic.pendbaser)
}

-- @invariant
/* A KHO kernel that was handed its scratch keeps the live tables out of it from its boot on: the
 * kernel that allocated the scratch took it from free memory and its tables from elsewhere, and
 * every later kernel of the same scratch allocates outside it too. */
pred InheritedScratchKeepsOffLiveTables {
  (khoKernel[Machine.running] and (Machine.phase = Up or receivesKho[Machine.running])) implies
    no Scratch.of[Machine.running] & Gic.lpis_on.(Gic.propbaser + Gic.pendbaser)
}

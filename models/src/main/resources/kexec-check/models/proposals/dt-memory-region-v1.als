module proposals/dt_memory_region_v1

/*
 * The seed's proposal (Pavel Tatashin, "[v1,0/6] Allow kexec reboot for
 * GICv3 and device tree", Aug 2019; domain.md §3.3), patches 5 and 6:
 * an optional `memory-region` in the arm,gic-v3 node names a
 * /reserved-memory child, and a kernel that knows the property carves its
 * LPI tables from it with a bump allocator (get_of_page) that starts at
 * the region's start at every boot:
 *   - the property table is carved only when it is not adopted;
 *   - then one pending table for every possible CPU, in CPU order;
 *   - the PREALLOCATED decision, the per-CPU adoption and the freeing of
 *     an adopted CPU's unused pending table are upstream's (§3.2);
 *   - the carve memsets the table through the linear map, so a region
 *     marked no-map faults (the kernel dies in init_IRQ, §3.7).
 * The board's DT carries the region; whether a kernel sees it depends on
 * the DTB it is given.
 */

open kexec/core
open kexec/profiles
open kexec/properties

/* Patch 5: allocate the LPI tables from the GIC node's memory-region. */
one sig dt_memory_region_v1 extends Capability {}

/* v5.3 with the seed's patches applied. */
one sig linux_5_3__dt_v1 extends Profile {} { caps = linux_5_3.@caps + dt_memory_region_v1 }
one sig linux_5_3__dt_v1__nolpi extends Profile {} { caps = linux_5_3__dt_v1.@caps - enables_lpis }

fact boardDescribesGicMemoryRegion { some region }

/* get_of_page(): ALIGN(cursor, 64 KiB) from the region's start; every table is one frame. */
pred carvesFromRegion[k: Kernel] {
  dt_memory_region_v1 in k.profile.caps and regionVisible[k]
  lpiKernel[k]   -- a kernel that does not use LPIs (nolpi, GICv2) carves nothing
}

pred getOfPage {
  UsingPreallocated not in Step.printed' implies {
    Step.prop_table' = Board.region_prop
    Step.allocated_pend' = Board.region_pend
  } else {
    -- the cursor was not advanced past a property table: pending table i lands in slot i
    Step.allocated_pend' = (bootCpu -> Board.region_prop) + prevCpu.(Board.region_pend)
  }
}

pred init { coldBoot }

/* get_of_page() memsets phys_to_virt(pa): a no-map region (or, for a capture kernel, one outside its
 * memory) is not in the linear map, so the first carve faults in init_IRQ (domain.md §3.7). */
pred regionUnmapped { some region & Memory.use.Outside }

/* The hooks: a kernel that knows the property carves from the region, the others use the page allocator. */
pred regionTables { carvesFromRegion[Machine.running] => getOfPage else pageAllocator }
pred regionFaults { carvesFromRegion[Machine.running] and regionUnmapped }

pred step { kexecEvents[regionTables, regionFaults] }

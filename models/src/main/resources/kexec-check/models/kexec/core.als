module kexec/core

/*
 * The world of kexec-check (shared/docs/domain.md §1–§4): one GICv3 with an
 * ITS, its redistributors' LPI registers, physical memory as 64 KiB frames
 * with the use the running kernel believes each has, the firmware and
 * loader choices, and a chain of kernels entered by firmware boot, kexec or
 * crash kexec.
 *
 * Conventions (docs/model-reference.md): state is `var` fields; every event
 * is a pred that names what it changes and, with `unchanged`, what it
 * leaves alone; configuration is atoms the solver chooses.  A proposal file
 * opens this module, composes `init` and `step` from the events below, and
 * adds its own capabilities and allocation rules.
 *
 * One frame is 64 KiB: the size and alignment of a Linux property table and
 * of a pending table.  Frames not named here ("elsewhere") hold nothing a
 * GIC table ever meets, so leaving them out loses no behaviour.
 */

open util/ordering[Kernel] as chain
open util/ordering[Cpu] as cpus

let unchanged[x] { (x)' = (x) }

-- ===================================================================
-- Configuration: chosen by the solver, narrowed by the CLI's options.
-- Each field of Config is a CLI option of the same name ('_' -> '-').
-- ===================================================================

/* Kernel capabilities, domain.md §4.  A profile is a set of these. */
abstract sig Capability {}
one sig
  enables_lpis,          -- the ITS driver enables LPIs (absent with irqchip.gicv3_nolpi=1)
  disable_with_check,    -- v4.17+: redist_disable_lpis() clears EnableLPIs and checks it
  blind_reprogram,       -- v4.16 and older: clears EnableLPIs unchecked and reprograms the bases
  adopts_preallocated,   -- v4.20+: the RDIST_FLAGS_RD_TABLES_PREALLOCATED path of allocate_lpi_tables()
  kdump_bypass,          -- v4.20+: gic_check_reserved_range() passes when is_kdump_kernel()
  reads_memreserve,      -- v4.20+ (71e0940d52e1): memblock_reserve()s every EFI memreserve entry at boot
  writes_memreserve,     -- v4.20+: gic_reserve_range() -> efi_mem_reserve_persistent()
  memreserve_in_iomem,   -- ab0eb16205b4 (v5.4 stable): memreserve'd ranges shown "reserved" in /proc/iomem
  efi_stub,              -- CONFIG_EFI: can use EFI config tables (the memreserve root)
  kdump_capture          -- a capture kernel: only ever entered by a crash kexec
  extends Capability {}

abstract sig Profile { caps: set Capability }

abstract sig Firmware {}
one sig efi, dt, dt_preprogrammed extends Firmware {}

/* How the /reserved-memory child describing the LPI region is marked. */
abstract sig ReservedMemory {}
one sig map, nomap extends ReservedMemory {}

/* The DTB the kexec loader hands to the next kernel. */
abstract sig DtbSource {}
one sig passthrough, user_without_reserved extends DtbSource {}

/* Whether kexec-tools skips "reserved" entries nested in "System RAM". */
abstract sig Loader {}
one sig honours_reserved, ignores_reserved extends Loader {}

abstract sig Hardware {}
one sig sticky, clearable, gicv2 extends Hardware {}

abstract sig Devices {}
one sig quiescent, active extends Devices {}

abstract sig KexecKind {}
one sig normal, crash extends KexecKind {}

one sig Config {
  firmware: one Firmware,
  reserved_memory: one ReservedMemory,
  dtb: one DtbSource,
  loader: one Loader,
  hardware: one Hardware,
  devices: one Devices,
  kexec: one KexecKind
}

sig Cpu {}
sig Frame {}

abstract sig Entry {}
one sig firmware_boot, kexec_entry, crash_entry extends Entry {}

/* A kernel of the chain, in boot order (util/ordering). */
sig Kernel {
  profile: one Profile,
  entry: one Entry,
  image_at: lone Frame,    -- where its image, initrd and DTB segments were
  initrd_at: lone Frame,   -- placed, if in a named frame at all
  dtb_at: lone Frame
}

/* The board: the LPI region a /reserved-memory child describes (U-Boot's
 * gic_lpi_tables_init layout and the seed's bump allocator agree on it:
 * property table first, then pending table i at slot i+1), and the
 * crashkernel= region. */
one sig Board {
  region_prop: lone Frame,
  region_pend: Cpu -> lone Frame,
  crash_region: set Frame
}

fun region: set Frame { Board.region_prop + Cpu.(Board.region_pend) }
fun firstKernel: Kernel { chain/first }
fun lastKernel: Kernel { chain/last }
fun nextKernel: Kernel -> Kernel { chain/next }
fun bootCpu: Cpu { cpus/first }
fun prevCpu: Cpu -> Cpu { cpus/prev }
fun segments[k: Kernel]: set Frame { k.image_at + k.initrd_at + k.dtb_at }

fact wellFormedConfiguration {
  -- the region is whole (a slot per CPU) or absent
  some Board.region_prop iff some Board.region_pend
  some Board.region_prop implies Cpu in Board.region_pend.Frame
  all disj c, d: Cpu | no c.(Board.region_pend) & d.(Board.region_pend)
  no Board.region_prop & Cpu.(Board.region_pend)
  no region & Board.crash_region
  Config.firmware = dt_preprogrammed implies some region
  -- a chain starts at a firmware boot; a crash kexec appears iff --kexec crash
  firstKernel.entry = firmware_boot
  all k: Kernel - firstKernel | k.entry in kexec_entry + crash_entry
  Config.kexec = crash iff some entry.crash_entry
  some Board.crash_region iff Config.kexec = crash
  all k: Kernel | kdump_capture in k.profile.caps implies k.entry = crash_entry
  all k: Kernel | lone k.image_at & k.initrd_at & k.dtb_at and
    no (k.image_at & k.initrd_at) + (k.image_at & k.dtb_at) + (k.initrd_at & k.dtb_at)
  -- each profile picks one way of taking LPIs over from its predecessor
  all p: Profile | one p.caps & (disable_with_check + blind_reprogram)
}

-- ===================================================================
-- State
-- ===================================================================

/* What a frame is to the running kernel (its memblock and allocator). */
abstract sig Use {}
one sig
  Free,          -- free RAM: the page allocator may hand it out for anything
  Image, Initrd, Dtb,   -- the kernel's own loaded segments (memblock-reserved)
  FwReserved,    -- a /reserved-memory child without no-map (memblock-reserved)
  MemReserved,   -- an EFI memreserve entry (memblock-reserved)
  CrashKernel,   -- the crashkernel= region this kernel reserved for its capture kernel
  Outside,       -- not this kernel's RAM: a no-map region, or beyond a capture kernel's region
  PropTable      -- the LPI property table this kernel uses
  extends Use {}
sig PendTable extends Use { pend_cpu: one Cpu }   -- the pending table of one CPU

fact onePendingTableUsePerCpu { pend_cpu in PendTable one -> one Cpu }
fun pendRole: Cpu -> PendTable { ~pend_cpu }

/* memblock.reserved: what gic_check_reserved_range() accepts, "reserved for ANY reason". */
fun MemblockReserved: set Use { Image + Initrd + Dtb + FwReserved + MemReserved + CrashKernel }
/* Memory set aside for GIC tables, or not this kernel's: a GIC table there hurts no-one. */
fun Harmless: set Use { FwReserved + MemReserved + Outside }

abstract sig Phase {}
one sig Booting, Up extends Phase {}

abstract sig ItsState {}
one sig ItsDisabled, ItsEnabled extends ItsState {}

one sig Machine {
  var running: one Kernel,
  var phase: one Phase           -- Booting until the kernel's GIC driver has initialised
}

/* The GICv3 as the hardware holds it (GICR_CTLR, GICR_PROPBASER, GICR_PENDBASER, GITS_CTLR). */
one sig Gic {
  var lpis_on: set Cpu,              -- GICR_CTLR.EnableLPIs per redistributor
  var propbaser: Cpu -> lone Frame,  -- GICR_PROPBASER.PA
  var pendbaser: Cpu -> lone Frame,  -- GICR_PENDBASER.PA
  var its: one ItsState              -- GITS_CTLR.Enabled (Quiescent once disabled)
}

/* The running kernel's view of memory, and the EFI memreserve list (which survives kexec). */
one sig Memory {
  var use: Frame -> one Use,
  var memreserve: set Frame
}

/* Kernel log lines (domain.md §3.2). */
abstract sig Message {}
one sig
  UsingPreallocated,         -- "GICv3: Using preallocated redistributor tables"
  ExpectedReservedNotFound   -- "GICv3: Expected reserved range [..], not found" (+ taint)
  extends Message {}
abstract sig CpuMessage {}
one sig
  UsingReservedPending,      -- "GICv3: CPUn: using reserved LPI pending table @.."
  UsingAllocatedPending,     -- "GICv3: CPUn: using allocated LPI pending table @.."
  PendingNotReserved,        -- WARN: this CPU's pending table is not in a reserved range
  PropbaserMismatch,         -- WARN + taint: this CPU names another property table
  BootedWithLpisEnabled,     -- "GICv3: CPUn: Booted with LPIs enabled, memory probably corrupted" (+ taint)
  FailedToDisable            -- "CPUn: Failed to disable LPIs"
  extends CpuMessage {}
fun Warnings: set univ {
  ExpectedReservedNotFound + PendingNotReserved + PropbaserMismatch + BootedWithLpisEnabled + FailedToDisable
}

/* What its_cpu_init_lpis() did to one CPU. */
abstract sig Mode {}
one sig
  Adopted,        -- kept the tables the redistributor already names
  Programmed,     -- pointed the redistributor at this kernel's tables and enabled LPIs
  DisableFailed,  -- EnableLPIs stuck at 1: this CPU has no LPIs, the GIC keeps the old tables
  WritesIgnored,  -- v4.16 reprogrammed a live redistributor: the writes have no effect (sticky)
  Untouched       -- this kernel does not use LPIs
  extends Mode {}

enum Event { Stutter, BootGic, Kexec, CrashKexec, MsiArrives }

/* What the step into this state did: for properties and for the trace. */
one sig Step {
  var event: lone Event,
  var pending_write: Cpu -> lone Frame,   -- a pending bit the GIC set (MsiArrives)
  var table_write: Frame -> lone Use,     -- frames a kernel reset or zeroed as a table, with their use before
  var its_programmed: lone ItsState,      -- state of the ITS when its bases were programmed
  var printed: set Message,
  var cpu_printed: Cpu -> set CpuMessage,
  var cpu_mode: Cpu -> lone Mode,
  var prop_table: lone Frame,             -- the property table the booting kernel took (adopted or allocated)
  var allocated_pend: Cpu -> lone Frame   -- the pending tables allocate_lpi_tables() set aside
}

pred quietStep {
  no Step.pending_write' and no Step.table_write' and no Step.its_programmed'
  no Step.printed' and no Step.cpu_printed' and no Step.cpu_mode'
  no Step.prop_table' and no Step.allocated_pend'
}

-- ===================================================================
-- What a kernel sees at boot (memblock), domain.md §2
-- ===================================================================

/* The DT a kernel boots with carries the LPI region's /reserved-memory child. */
pred regionVisible[k: Kernel] {
  some region
  k = firstKernel or Config.dtb = passthrough
}

/* EFI config tables are usable: EFI firmware, a Linux EFI stub ran first (installing the memreserve root), and this kernel has CONFIG_EFI. */
pred efiTables[k: Kernel] {
  Config.firmware = efi
  efi_stub in k.profile.caps & firstKernel.profile.caps
}

/* memblock at boot: later layers override earlier ones. */
fun bootView[k: Kernel, reserved: set Frame]: Frame -> Use {
  (Frame -> Free)
  ++ (k.(chain/next).entry = crash_entry => Board.crash_region -> CrashKernel else none -> none)
  ++ (regionVisible[k] => region -> (Config.reserved_memory = map => FwReserved else Outside) else none -> none)
  ++ ((efiTables[k] and reads_memreserve in k.profile.caps) => reserved -> MemReserved else none -> none)
  ++ (k.entry = crash_entry => (Frame - Board.crash_region) -> Outside else none -> none)
  ++ (k.image_at -> Image) ++ (k.initrd_at -> Initrd) ++ (k.dtb_at -> Dtb)
}

/* The kernel now starting reserves the crashkernel= region only where nothing else is. */
pred crashRegionReservable[k: Kernel] {
  k.(chain/next).entry = crash_entry implies Board.crash_region in (Memory.use').CrashKernel
}

-- ===================================================================
-- Events
-- ===================================================================

/* Power-on: firmware (and, with dt_preprogrammed, U-Boot's gic_lpi_tables_init) has run and starts the first kernel. */
pred coldBoot {
  Machine.running = firstKernel
  Machine.phase = Booting
  no segments[firstKernel] & (region + Board.crash_region)
  Memory.use = bootView[firstKernel, none]
  firstKernel.(chain/next).entry = crash_entry implies Board.crash_region in Memory.use.CrashKernel
  no Memory.memreserve
  (Config.firmware = dt_preprogrammed and Config.hardware != gicv2) implies {
    Gic.lpis_on = Cpu
    Gic.propbaser = Cpu -> Board.region_prop
    Gic.pendbaser = Board.region_pend
  } else {
    no Gic.lpis_on and no Gic.propbaser and no Gic.pendbaser
  }
  Gic.its = ItsDisabled
  no Step.event
  no Step.pending_write and no Step.table_write and no Step.its_programmed
  no Step.printed and no Step.cpu_printed and no Step.cpu_mode
  no Step.prop_table and no Step.allocated_pend
}

pred stutter {
  unchanged[Machine.running] and unchanged[Machine.phase]
  unchanged[Gic.lpis_on] and unchanged[Gic.propbaser] and unchanged[Gic.pendbaser] and unchanged[Gic.its]
  unchanged[Memory.use] and unchanged[Memory.memreserve]
  Step.event' = Stutter
  quietStep
}

/* The running kernel uses LPIs on this machine. */
pred lpiKernel[k: Kernel] { enables_lpis in k.profile.caps and Config.hardware != gicv2 }

/* is_kdump_kernel() short-cuts gic_check_reserved_range() (v4.20+). */
pred kdumpBypasses[k: Kernel] { kdump_bypass in k.profile.caps and k.entry = crash_entry }

/* gic_check_reserved_range(): inside one memblock.reserved range, or a kdump kernel. */
pred reservedRange[k: Kernel, f: Frame] {
  kdumpBypasses[k] or f.(Memory.use) in MemblockReserved
}

/* gic_reserve_range() records in the EFI memreserve list (efi_mem_reserve_persistent); without EFI it does nothing. */
pred recordsReservations[k: Kernel] { efiTables[k] and writes_memreserve in k.profile.caps }

/*
 * The kernel's GIC driver starts: allocate_lpi_tables() on the boot CPU,
 * then its_cpu_init_lpis() (with redist_disable_lpis()) on every CPU,
 * and the ITS is quiesced and reprogrammed (its_force_quiescent).  One
 * event, since nothing but an MSI can interleave with it and an MSI
 * just before or after it sees the same tables.  Where the new tables
 * come from is the allocation policy's business (pageAllocator below, or
 * a proposal's own), constraining Step.prop_table' and Step.allocated_pend'.
 */
pred bootGic {
  Machine.phase = Booting
  Machine.phase' = Up
  unchanged[Machine.running]
  Step.event' = BootGic
  no Step.pending_write'
  lpiKernel[Machine.running] implies lpiBoot[Machine.running] else {
    unchanged[Gic.lpis_on] and unchanged[Gic.propbaser] and unchanged[Gic.pendbaser] and unchanged[Gic.its]
    unchanged[Memory.use] and unchanged[Memory.memreserve]
    no Step.table_write' and no Step.its_programmed' and no Step.printed' and no Step.cpu_printed'
    Step.cpu_mode' = Cpu -> Untouched
    no Step.prop_table' and no Step.allocated_pend'
  }
}

pred lpiBoot[k: Kernel] {
  let caps = k.profile.caps, boot = bootCpu, prealloc = UsingPreallocated in Step.printed' {
    -- allocate_lpi_tables(): PREALLOCATED is decided on the boot CPU's redistributor only
    prealloc iff (adopts_preallocated in caps and boot in Gic.lpis_on and reservedRange[k, boot.(Gic.propbaser)])
    ExpectedReservedNotFound in Step.printed' iff
      (adopts_preallocated in caps and boot in Gic.lpis_on and not reservedRange[k, boot.(Gic.propbaser)])
    Step.printed' in UsingPreallocated + ExpectedReservedNotFound
    prealloc implies Step.prop_table' = boot.(Gic.propbaser) else one Step.prop_table'
    -- a zeroed pending table is allocated for every possible CPU
    Step.allocated_pend' in Cpu -> one Frame

    -- its_cpu_init_lpis() / redist_disable_lpis() on each CPU
    all c: Cpu | c.(Step.cpu_mode') =
      ((prealloc and c in Gic.lpis_on) => Adopted
       else c not in Gic.lpis_on => Programmed
       else Config.hardware = clearable => Programmed
       else blind_reprogram in caps => WritesIgnored
       else DisableFailed)

    all c: Cpu | let m = c.(Step.cpu_mode') | c.(Step.cpu_printed') =
        (m = Adopted => UsingReservedPending else none)
      + ((m = Adopted and not reservedRange[k, c.(Gic.pendbaser)]) => PendingNotReserved else none)
      + ((m = Adopted and c.(Gic.propbaser) != Step.prop_table') => PropbaserMismatch else none)
      + ((m != Adopted and c in Gic.lpis_on and disable_with_check in caps) => BootedWithLpisEnabled else none)
      + (m = DisableFailed => FailedToDisable else none)
      + (m = Programmed => UsingAllocatedPending else none)

    all c: Cpu | c.(Step.cpu_mode') = Programmed implies {
      c.(Gic.propbaser') = Step.prop_table'
      c.(Gic.pendbaser') = c.(Step.allocated_pend')
      c in Gic.lpis_on'
    } else {
      c.(Gic.propbaser') = c.(Gic.propbaser)
      c.(Gic.pendbaser') = c.(Gic.pendbaser)
      c in Gic.lpis_on' iff c in Gic.lpis_on
    }

    -- its_force_quiescent(): disable, wait for Quiescent, then program GITS_BASERn/CBASER and enable
    Step.its_programmed' = ItsDisabled
    Gic.its' = ItsEnabled

    -- what the kernel writes: the property table reset (in place when adopted), the pending tables zeroed
    Step.table_write' = (Step.prop_table' + Cpu.(Step.allocated_pend')) <: Memory.use

    -- the kernel's view afterwards; an adopted table is taken over only from memory set aside
    -- for it, and its_free_pending_table() hands an adopted CPU's spare table back to the allocator
    let adopted = (Step.cpu_mode').Adopted,
        propTaken = (prealloc => Step.prop_table' & Memory.use.Harmless else Step.prop_table'),
        keptPend = (Memory.use.Harmless) <: ~(adopted <: Gic.pendbaser),
        freed = adopted.(Step.allocated_pend') |
      Memory.use' = Memory.use ++ (propTaken -> PropTable) ++ (~(Step.allocated_pend')).pendRole
                    ++ keptPend.pendRole ++ (freed -> Free)

    -- gic_reserve_range() for a newly allocated property table and each programmed pending table
    Memory.memreserve' = Memory.memreserve
      + (recordsReservations[k] => ((prealloc => none else Step.prop_table')
                                    + (Step.cpu_mode').Programmed.(Step.allocated_pend')) else none)
  }
}

/* The page allocator hands out any frames the kernel considers free (alloc_pages). */
pred pageAllocator {
  UsingPreallocated not in Step.printed' implies Step.prop_table' in Memory.use.Free
  Cpu.(Step.allocated_pend') in Memory.use.Free
  all disj c, d: Cpu | no c.(Step.allocated_pend') & d.(Step.allocated_pend')
  UsingPreallocated not in Step.printed' implies no Cpu.(Step.allocated_pend') & Step.prop_table'
}

/* What the outgoing kernel's /proc/iomem does not list as "System RAM": a no-map region.
 * (Computed from the DT it booted with, not from Memory.use: adopting a table does not
 * change what memblock and /proc/iomem say about its frames.) */
fun notSystemRam: set Frame {
  (regionVisible[Machine.running] and Config.reserved_memory = nomap) => region else none
}

/* What the outgoing kernel's /proc/iomem lists as "reserved" inside "System RAM": the
 * /reserved-memory children without no-map, its own image, and (ab0eb16205b4) the EFI
 * memreserve entries. */
fun iomemReserved: set Frame {
  ((regionVisible[Machine.running] and Config.reserved_memory = map) => region else none)
  + Machine.running.image_at
  + (memreserve_in_iomem in Machine.running.profile.caps => Memory.memreserve else none)
}

/* kexec-tools places a segment in "System RAM", skipping nested "reserved" entries if built to. */
pred loadable[f: Frame] {
  f not in notSystemRam
  Config.loader = honours_reserved implies f not in iomemReserved
}

/* Entering the next kernel: registers and RAM contents survive, and so does the EFI memreserve list. */
pred enter[k: Kernel] {
  Machine.running' = k
  Machine.phase' = Booting
  Memory.use' = bootView[k, Memory.memreserve]
  crashRegionReservable[k]
  unchanged[Memory.memreserve]
  unchanged[Gic.lpis_on] and unchanged[Gic.propbaser] and unchanged[Gic.pendbaser] and unchanged[Gic.its]
  quietStep
}

/* kexec -l: the next kernel's segments fit where the outgoing kernel's iomem allows. */
pred kexecLoads[k: Kernel] {
  k.entry = kexec_entry
  all f: segments[k] | loadable[f]
}

/* kexec -p: the capture kernel's segments fit inside the crashkernel= region. */
pred crashLoads[k: Kernel] {
  k.entry = crash_entry
  segments[k] in Board.crash_region
}

/* kexec -l then kexec -e: the next kernel of the chain. */
pred kexec {
  Machine.phase = Up
  let k = Machine.running.(chain/next) {
    some k
    kexecLoads[k]
    enter[k]
  }
  Step.event' = Kexec
}

/* kexec -p at boot, then a panic: the capture kernel. */
pred crashKexec {
  Machine.phase = Up
  let k = Machine.running.(chain/next) {
    some k
    crashLoads[k]
    enter[k]
  }
  Step.event' = CrashKexec
}

/* A device's MSI becomes an LPI pending on CPU c: the GIC sets its bit in the table PENDBASER names.
 * Devices are quiet across a kexec only if --devices quiescent; once a kernel is up they fire again. */
pred msiArrives[c: Cpu] {
  c in Gic.lpis_on
  Gic.its = ItsEnabled
  Config.devices = active or Machine.phase = Up
  unchanged[Machine.running] and unchanged[Machine.phase]
  unchanged[Gic.lpis_on] and unchanged[Gic.propbaser] and unchanged[Gic.pendbaser] and unchanged[Gic.its]
  unchanged[Memory.use] and unchanged[Memory.memreserve]
  Step.event' = MsiArrives
  no Step.table_write' and no Step.its_programmed' and no Step.printed' and no Step.cpu_printed'
  no Step.cpu_mode' and no Step.prop_table' and no Step.allocated_pend'
  Step.pending_write' = c -> c.(Gic.pendbaser)
}

/* Every event but the GIC boot, which each model composes with its allocation policy. */
pred otherEvents {
  stutter or kexec or crashKexec or (some c: Cpu | msiArrives[c])
}

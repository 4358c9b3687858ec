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
 * opens this module and says only what is new, through the extension points
 * at the end of this file: where a kernel's fresh tables come from and
 * whether taking them faults (the arguments of `kexecEvents`), and how a
 * kernel hands its tables to its successor (a `Channel`).
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
  iomem_lists_memblock,  -- v4.19+ (50d7ba36b916): /proc/iomem shows every memblock-reserved range as "reserved"
  memreserve_in_iomem,   -- ab0eb16205b4 (v5.5, 5.4.7): the memreserve entries a kernel registers after boot
                         --   shown "reserved" in /proc/iomem (efi_mem_reserve_iomem)
  efi_stub,              -- CONFIG_EFI: can use EFI config tables (efi_enabled(EFI_CONFIG_TABLES) when EFI-booted)
  installs_memreserve_root, -- v4.20+ (b844470f2206): the EFI stub's install_memreserve_table() puts an empty root
                         --   in the config tables; only the first kernel's stub runs (a kexec'd kernel skips it)
  memreserve_on_cpu_online, -- v5.17+ (d23bc2bc1d63): its_cpu_memreserve_lpi(), registered by
                         --   its_lpi_memreserve_init() only with EFI, frees an adopted CPU's spare pending table
  kexec_file_syscall,    -- v5.0+ on arm64: implements kexec_file_load (kexec-tools falls back to kexec_load without it)
  memreserve_in_memblock, -- 2bab693a608b (v5.14, 5.10.y): efi_mem_reserve_iomem() also memblock_reserve()s what a
                         --   kernel registers after boot, so its own kexec_file_load keeps off its recorded tables
  nr_cpus_1,             -- booted with nr_cpus=1 (kdump's usual command line): only the boot CPU is possible,
                         --   so its_cpu_init() never runs for the others and they keep the old kernel's registers
  kdump_capture          -- a capture kernel: only ever entered by a crash kexec
  extends Capability {}

abstract sig Profile { caps: set Capability }

abstract sig Firmware {}
one sig efi, dt, dt_preprogrammed, efi_preprogrammed extends Firmware {}

/* EFI firmware: config tables and the EFI memory map (efi, and EFI firmware that also programs the tables). */
fun EfiFirmware: set Firmware { efi + efi_preprogrammed }
/* Firmware that programs the LPI tables and enables LPIs before the first kernel (U-Boot gic_lpi_tables_init
 * on NXP Layerscape, with or without `bootefi`; EDK II on some servers), describing them in /reserved-memory. */
fun PreprogrammingFirmware: set Firmware { dt_preprogrammed + efi_preprogrammed }

/* The base page size the kernels are built with (CONFIG_ARM64_4K_PAGES / 64K_PAGES): it decides whether
 * freeing a 64 KiB pending table is an order-4 free (checked) or an order-0 one (not without DEBUG_VM). */
abstract sig PageSize {}
one sig v_4k, v_64k extends PageSize {}

/* How the /reserved-memory child describing the LPI region is marked. */
abstract sig ReservedMemory {}
one sig map, nomap extends ReservedMemory {}

/* The DTB the kexec loader hands to the next kernel. */
abstract sig DtbSource {}
one sig passthrough, user_without_reserved extends DtbSource {}

/* Whether kexec-tools skips "reserved" entries nested in "System RAM". */
abstract sig Loader {}
one sig honours_reserved, ignores_reserved extends Loader {}

/* The syscall kexec-tools loads the next kernel with: kexec_load (its default before 2.0.27, or -c), or
 * kexec_file_load (-s; 2.0.27+ tries it first, 29fe5067ed07), where the running kernel places the
 * segments and passes its own boot DT; with a KHO kernel whose KHO was not finalised (debugfs
 * kho/out/finalize), the next kernel gets no valid KHO FDT. */
abstract sig Syscall {}
one sig kexec_load, kexec_file_load, kexec_file_load_unfinalised extends Syscall {}

abstract sig Hardware {}
one sig sticky, clearable, gicv2 extends Hardware {}

/* GICR_PROPBASER: one register per redistributor (the architecture's default; QEMU keeps one per CPU),
 * or one common to all of them (GICR_TYPER.CommonLPIAff and IMPLEMENTATION DEFINED sharing): a write
 * through any redistributor's frame is then what every redistributor reads. */
abstract sig PropbaserSharing {}
one sig per_redistributor, shared extends PropbaserSharing {}

abstract sig Devices {}
one sig quiescent, active extends Devices {}

abstract sig KexecKind {}
one sig normal, crash extends KexecKind {}

one sig Config {
  firmware: one Firmware,
  reserved_memory: one ReservedMemory,
  dtb: one DtbSource,
  loader: one Loader,
  syscall: one Syscall,
  hardware: one Hardware,
  propbaser_sharing: one PropbaserSharing,
  devices: one Devices,
  kexec: one KexecKind,
  page_size: one PageSize
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
  Config.firmware in PreprogrammingFirmware implies some region
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
  HandedOver,    -- named to this kernel by a proposal's hand-over channel, memblock-reserved at boot
  Outside,       -- not this kernel's RAM: a no-map region, or beyond a capture kernel's region
  PropTable      -- the LPI property table this kernel uses
  extends Use {}
sig PendTable extends Use { pend_cpu: one Cpu }   -- the pending table of one CPU

fact onePendingTableUsePerCpu { pend_cpu in PendTable one -> one Cpu }
fun pendRole: Cpu -> PendTable { ~pend_cpu }

/* memblock.reserved: what gic_check_reserved_range() accepts, "reserved for ANY reason". */
fun MemblockReserved: set Use { Image + Initrd + Dtb + FwReserved + MemReserved + HandedOver + CrashKernel }
/* Memory set aside for GIC tables, or not this kernel's: a GIC table there hurts no-one. */
fun Harmless: set Use { FwReserved + MemReserved + HandedOver + Outside }

abstract sig Phase {}
one sig
  Booting,       -- entered, its GIC driver not yet run
  Up,            -- its GIC driver has initialised
  Panicked       -- it died in init_IRQ (a fault): nothing more happens in this boot
  extends Phase {}

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
  var its: one ItsState,             -- GITS_CTLR.Enabled (Quiescent once disabled)
  var collections: set Cpu           -- CPUs whose ITS collection is mapped (MAPC): only they get LPIs
}

/* The running kernel's view of memory, and the EFI memreserve list (which survives kexec). */
one sig Memory {
  var use: Frame -> one Use,
  var memreserve: set Frame,
  var inherited: set Frame,  -- the memreserve entries the running kernel memblock-reserved at its boot
  var records: Channel -> Frame,  -- what each hand-over channel names, to be passed to the next kernel
  var handed: set Frame      -- what the channels named to the running kernel, memblock-reserved at its boot
}

/* Kernel log lines (domain.md §3.2). */
abstract sig Message {}
one sig
  UsingPreallocated,         -- "GICv3: Using preallocated redistributor tables"
  ExpectedReservedNotFound,  -- "GICv3: Expected reserved range [..], not found" (+ taint), naming the boot CPU's PROPBASER
  PropReserveFailed,         -- WARN_ON(gic_reserve_range(prop_table_pa)): efi_mem_reserve_persistent() -ENODEV, no root
  KernelPanic                -- "Unable to handle kernel paging request", then "Kernel panic - not syncing"
  extends Message {}
abstract sig CpuMessage {}
one sig
  UsingReservedPending,      -- "GICv3: CPUn: using reserved LPI pending table @.."
  UsingAllocatedPending,     -- "GICv3: CPUn: using allocated LPI pending table @.."
  UsingPending,              -- v4.16: "CPUn: using LPI pending table @.." (printed whether or not the write took)
  PendReserveFailed,         -- WARN_ON(gic_reserve_range(pending table)): no memreserve root
  BadPageState,              -- "BUG: Bad page state": its_free_pending_table() on PG_reserved pages (order 4); leaked
  PendingNotReserved,        -- WARN: this CPU's pending table is not in a reserved range
  PropbaserMismatch,         -- WARN + taint: this CPU names another property table
  BootedWithLpisEnabled,     -- "GICv3: CPUn: Booted with LPIs enabled, memory probably corrupted" (+ taint)
  FailedToDisable            -- "CPUn: Failed to disable LPIs"
  extends CpuMessage {}
fun Warnings: set univ {
  ExpectedReservedNotFound + PendingNotReserved + PropbaserMismatch + BootedWithLpisEnabled + FailedToDisable
  + PropReserveFailed + PendReserveFailed + BadPageState
}

/* What its_cpu_init_lpis() did to one CPU. */
abstract sig Mode {}
one sig
  Adopted,        -- kept the tables the redistributor already names
  Programmed,     -- pointed the redistributor at this kernel's tables and enabled LPIs
  DisableFailed,  -- EnableLPIs stuck at 1: this CPU has no LPIs, the GIC keeps the old tables
  WritesIgnored,  -- v4.16 reprogrammed a live redistributor: the writes have no effect (sticky)
  Untouched,      -- this kernel does not use LPIs
  Offline         -- a CPU this kernel never brings up (nr_cpus=1): its redistributor keeps what it had
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
  var allocated_pend: Cpu -> lone Frame,  -- the pending tables the kernel allocated
  var recorded: set Frame                 -- entries gic_reserve_range() added to the memreserve list
}

pred quietStep {
  no Step.pending_write' and no Step.table_write' and no Step.its_programmed'
  no Step.printed' and no Step.cpu_printed' and no Step.cpu_mode'
  no Step.prop_table' and no Step.allocated_pend' and no Step.recorded'
}

-- ===================================================================
-- What a kernel sees at boot (memblock), domain.md §2
-- ===================================================================

/* The running kernel k loads the next one with kexec_file_load: asked to, and it has the syscall
 * (kexec-tools falls back to kexec_load on ENOSYS). */
pred fileLoad[k: Kernel] {
  Config.syscall in kexec_file_load + kexec_file_load_unfinalised
  kexec_file_syscall in k.profile.caps
}

/* Kernel k was handed a DT without the LPI region's node: kexec_load given a user DTB.  kexec_file_load
 * passes the outgoing kernel's own boot DT (of_kexec_alloc_and_setup_fdt(initial_boot_params); v5.x
 * create_dtb()), so a node that DT had is passed on, and one it lacked stays lost. */
pred userDtbInto[k: Kernel] {
  k != firstKernel
  Config.dtb = user_without_reserved
  not fileLoad[k.~nextKernel]
}

/* The DT a kernel boots with carries the LPI region's /reserved-memory child. */
pred regionVisible[k: Kernel] {
  some region
  no j: k + k.^(~nextKernel) | userDtbInto[j]
}

/* efi_enabled(EFI_CONFIG_TABLES): EFI firmware started the chain through a Linux EFI stub, and this
 * kernel has CONFIG_EFI (a kexec'd kernel is handed the same system table). */
pred efiBoot[k: Kernel] {
  Config.firmware in EfiFirmware
  efi_stub in k.profile.caps & firstKernel.profile.caps
}

/* The memreserve root exists: the first kernel's stub installed it (b844470f2206, v4.20). A 4.16-4.19
 * stub installs none, and no later kernel of the boot runs its stub, so none of them finds a root. */
pred memreserveRoot { installs_memreserve_root in firstKernel.profile.caps }

/* The EFI memreserve list can be read and written: EFI config tables and a root. */
pred efiTables[k: Kernel] { efiBoot[k] and memreserveRoot }

/* gic_reserve_range() is called, but efi_mem_reserve_persistent() finds no root (-ENODEV): WARN_ON. */
pred reserveFails[k: Kernel] { writes_memreserve in k.profile.caps and efiBoot[k] and not memreserveRoot }

/* efi_config_parse_tables() walks the memreserve list and memblock_reserve()s every entry (71e0940d52e1). */
pred readsMemreserve[k: Kernel] { efiTables[k] and reads_memreserve in k.profile.caps }

/* memblock at boot: later layers override earlier ones.  `reserved` is the memreserve list it reads,
 * `handed` what hand-over channels named to it (both memblock_reserve()d). */
fun bootView[k: Kernel, reserved: set Frame, handed: set Frame]: Frame -> Use {
  (Frame -> Free)
  ++ (k.(chain/next).entry = crash_entry => Board.crash_region -> CrashKernel else none -> none)
  ++ (regionVisible[k] => region -> (Config.reserved_memory = map => FwReserved else Outside) else none -> none)
  ++ (readsMemreserve[k] => reserved -> MemReserved else none -> none)
  ++ (handed -> HandedOver)
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

/* Power-on: firmware (and, with dt_preprogrammed or efi_preprogrammed, the bootloader's table set-up, U-Boot's
 * gic_lpi_tables_init) has run and starts the first kernel. */
pred coldBoot {
  Machine.running = firstKernel
  Machine.phase = Booting
  no segments[firstKernel] & (region + Board.crash_region)
  Memory.use = bootView[firstKernel, none, none]
  firstKernel.(chain/next).entry = crash_entry implies Board.crash_region in Memory.use.CrashKernel
  no Memory.memreserve and no Memory.inherited and no Memory.records and no Memory.handed
  (Config.firmware in PreprogrammingFirmware and Config.hardware != gicv2) implies {
    Gic.lpis_on = Cpu
    Gic.propbaser = firmwarePropbaser
    Gic.pendbaser = Board.region_pend
  } else {
    no Gic.lpis_on and no Gic.propbaser and no Gic.pendbaser
  }
  Gic.its = ItsDisabled
  no Gic.collections
  no Step.event
  no Step.pending_write and no Step.table_write and no Step.its_programmed
  no Step.printed and no Step.cpu_printed and no Step.cpu_mode
  no Step.prop_table and no Step.allocated_pend and no Step.recorded
}

/* What the bootloader's PROPBASER write leaves in the redistributors: U-Boot's gic_lpi_tables_init()
 * (arch/arm/lib/gic-v3-its.c) writes it once, through redistributor 0's frame (gicr_base +
 * GICR_PROPBASER), then PENDBASER and EnableLPIs through every frame.  Unless the GIC shares the
 * register, the other redistributors keep their reset value, which names no table of the board. */
fun firmwarePropbaser: Cpu -> Frame {
  (Config.propbaser_sharing = shared => Cpu else bootCpu) -> Board.region_prop
}

/* The GIC's registers and the ITS's collections stay as they are. */
pred gicUnchanged {
  unchanged[Gic.lpis_on] and unchanged[Gic.propbaser] and unchanged[Gic.pendbaser] and unchanged[Gic.its]
  unchanged[Gic.collections]
}

/* The running kernel's view of memory and the memreserve list stay as they are. */
pred memoryUnchanged {
  unchanged[Memory.use] and unchanged[Memory.memreserve] and unchanged[Memory.inherited]
  unchanged[Memory.records] and unchanged[Memory.handed]
}

pred stutter {
  unchanged[Machine.running] and unchanged[Machine.phase]
  gicUnchanged and memoryUnchanged
  Step.event' = Stutter
  quietStep
}

/* The CPUs a kernel brings up: all, or with nr_cpus=1 the boot CPU alone (domain.md §3.8). */
fun onlineCpus[k: Kernel]: set Cpu { nr_cpus_1 in k.profile.caps => bootCpu else Cpu }

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
    gicUnchanged and memoryUnchanged
    no Step.table_write' and no Step.its_programmed' and no Step.printed' and no Step.cpu_printed'
    Step.cpu_mode' = Cpu -> Untouched
    no Step.prop_table' and no Step.allocated_pend' and no Step.recorded'
  }
}

/* allocate_lpi_tables(): PREALLOCATED is decided on the boot CPU's redistributor only. */
pred preallocates[k: Kernel] {
  adopts_preallocated in k.profile.caps and bootCpu in Gic.lpis_on and reservedRange[k, bootCpu.(Gic.propbaser)]
}

/* ... and when the boot CPU has LPIs on but its PROPBASER is not reserved, it says so (naming that range). */
pred expectsReservedNotFound[k: Kernel] {
  adopts_preallocated in k.profile.caps and bootCpu in Gic.lpis_on and not reservedRange[k, bootCpu.(Gic.propbaser)]
}

/* The ITS is quiesced and reprogrammed (its_probe_one, before allocate_lpi_tables()); its new collection
 * table is empty until CPUs are mapped. */
pred itsReprogrammed {
  Step.its_programmed' = ItsDisabled
  Gic.its' = ItsEnabled
}

/*
 * init_IRQ writes a table through the linear map where there is none (arm64 map_mem() leaves no-map
 * memory out of it, domain.md §3.7): the kernel faults and dies.  What ran before the fault stays done:
 * the ITS was reprogrammed, the PREALLOCATED decision was printed and an adopted property table was
 * reset in place (memremap() maps it wherever it is).  A proposal whose allocator can carve from such
 * memory composes this event instead of bootGic.
 */
pred bootGicFaults {
  let k = Machine.running, prealloc = preallocates[Machine.running] {
    Machine.phase = Booting
    Machine.phase' = Panicked
    unchanged[Machine.running]
    Step.event' = BootGic
    lpiKernel[k]
    no Step.pending_write'
    Step.printed' = (prealloc => UsingPreallocated else none)
      + (expectsReservedNotFound[k] => ExpectedReservedNotFound else none) + KernelPanic
    Step.prop_table' = (prealloc => bootCpu.(Gic.propbaser) else none)
    Step.table_write' = Step.prop_table' <: Memory.use
    itsReprogrammed
    no Gic.collections'
    unchanged[Gic.lpis_on] and unchanged[Gic.propbaser] and unchanged[Gic.pendbaser]
    Memory.use' = Memory.use ++ ((Step.prop_table' & Memory.use.Harmless) -> PropTable)
    unchanged[Memory.memreserve] and unchanged[Memory.inherited]
    unchanged[Memory.records] and unchanged[Memory.handed]
    no Step.cpu_printed' and no Step.cpu_mode' and no Step.allocated_pend' and no Step.recorded'
  }
}

pred lpiBoot[k: Kernel] {
  let caps = k.profile.caps, boot = bootCpu, prealloc = preallocates[k],
      blind = (blind_reprogram in caps) {
    UsingPreallocated in Step.printed' iff prealloc
    ExpectedReservedNotFound in Step.printed' iff expectsReservedNotFound[k]
    PropReserveFailed in Step.printed' iff (reserveFails[k] and not prealloc)
    Step.printed' in UsingPreallocated + ExpectedReservedNotFound + PropReserveFailed
    prealloc implies Step.prop_table' = boot.(Gic.propbaser) else one Step.prop_table'

    -- its_cpu_init(): redist_disable_lpis(), then its_cpu_init_lpis() and its_cpu_init_collections();
    -- a CPU whose disable failed returns before both (no tables, no MAPC)
    all c: Cpu | c.(Step.cpu_mode') =
      (c not in onlineCpus[k] => Offline
       else (prealloc and c in Gic.lpis_on) => Adopted
       else c not in Gic.lpis_on => Programmed
       else Config.hardware = clearable => Programmed
       else blind => WritesIgnored
       else DisableFailed)

    -- v4.20+ allocate_lpi_tables() allocates a zeroed pending table for every possible CPU up front;
    -- before (v4.16-v4.19) its_cpu_init_lpis() allocates one for a CPU it goes on to program
    all c: Cpu | one c.(Step.allocated_pend') iff
      (c in onlineCpus[k] and (adopts_preallocated in caps or c.(Step.cpu_mode') in Programmed + WritesIgnored))
    Step.allocated_pend' in Cpu -> lone Frame

    all c: Cpu | let m = c.(Step.cpu_mode') | c.(Step.cpu_printed') =
        (m = Adopted => UsingReservedPending else none)
      + ((m = Adopted and not reservedRange[k, c.(Gic.pendbaser)]) => PendingNotReserved else none)
      + ((m = Adopted and c.(Gic.propbaser) != Step.prop_table') => PropbaserMismatch else none)
      + ((m not in Adopted + Offline and c in Gic.lpis_on and disable_with_check in caps) => BootedWithLpisEnabled
         else none)
      + (m = DisableFailed => FailedToDisable else none)
      + ((m = Programmed and not blind) => UsingAllocatedPending else none)
      + ((m in Programmed + WritesIgnored and blind) => UsingPending else none)
      + ((c in reservesPending[k] and reserveFails[k]) => PendReserveFailed else none)
      + (some c.(Step.allocated_pend') & leakedSpares[k] => BadPageState else none)

    all c: Cpu | c.(Step.cpu_mode') = Programmed implies {
      c.(Gic.pendbaser') = c.(Step.allocated_pend')
      c in Gic.lpis_on'
    } else {
      c.(Gic.pendbaser') = c.(Gic.pendbaser)
      c in Gic.lpis_on' iff c in Gic.lpis_on
    }
    -- its_cpu_init_lpis() writes PROPBASER through each programmed CPU's own frame; a shared register
    -- then names the new table in every redistributor, a CPU this kernel never reaches included, unless
    -- the hardware is sticky and some redistributor sharing it already has LPIs on: the write to a live
    -- register is then ignored, as WritesIgnored is for one that is not shared
    let written = (Step.cpu_mode').Programmed,
        sharedLive = (Config.propbaser_sharing = shared and Config.hardware = sticky and some Gic.lpis_on) |
      all c: Cpu | c.(Gic.propbaser') =
        ((some written and not sharedLive and (c in written or Config.propbaser_sharing = shared))
         => Step.prop_table' else c.(Gic.propbaser))

    -- its_probe_one(): quiesce, program GITS_BASERn/CBASER, enable; then MAPC for each CPU its_cpu_init() reached
    itsReprogrammed
    Gic.collections' = (Step.cpu_mode').(Adopted + Programmed + WritesIgnored)

    -- what the kernel writes: the property table reset (in place when adopted), then the pending tables
    -- zeroed; a pending table carved over the property table it just took zeroes that table
    let pend = Cpu.(Step.allocated_pend') |
      Step.table_write' = ((Step.prop_table' + pend) <: Memory.use) ++ ((pend & propTaken[k]) -> PropTable)

    -- the kernel's view afterwards; an adopted table is taken over only from memory set aside
    -- for it; a freed spare goes back to the allocator unless the free leaked it (Bad page state),
    -- and then it stays what it was before the spare was carved from it
    let adopted = (Step.cpu_mode').Adopted,
        taken = Memory.use ++ (propTaken[k] -> PropTable),
        keptPend = (Memory.use.Harmless) <: ~(adopted <: Gic.pendbaser) |
      Memory.use' = taken ++ (~(Step.allocated_pend')).pendRole
                    ++ keptPend.pendRole ++ ((spareTables[k] - leakedSpares[k]) -> Free)
                    ++ (leakedSpares[k] <: taken)

    -- gic_reserve_range() for a newly allocated property table and the pending tables of reservesPending
    Step.recorded' = (recordsReservations[k] => ((prealloc => none else Step.prop_table')
                                    + reservesPending[k].(Step.allocated_pend')) else none)
    Memory.memreserve' = Memory.memreserve + Step.recorded'
    unchanged[Memory.inherited]

    -- a proposal's channels: a writer now names the tables it took (none if every CPU failed to
    -- disable); the others keep what they received
    Memory.records' = (Memory.records - (writtenBy[k] -> Frame))
                      + (writtenBy[k] -> (Step.cpu_mode').(Adopted + Programmed).(Gic.propbaser' + Gic.pendbaser'))
    unchanged[Memory.handed]
  }
}

/* The CPUs whose allocated pending table gic_reserve_range() records: each it programmed; from v5.17
 * (its_cpu_memreserve_lpi(), run as each CPU comes online whether or not its_cpu_init() gave up on it)
 * also each whose disable failed, since only an adopted CPU's table counts as preallocated. */
fun reservesPending[k: Kernel]: set Cpu {
  (Step.cpu_mode').Programmed
  + (memreserve_on_cpu_online in k.profile.caps => (Step.cpu_mode').DisableFailed else none)
}

/* its_free_pending_table() on each adopted CPU's spare table (the one allocate_lpi_tables() set aside):
 * from v5.17 it runs in a CPU-online callback that its_lpi_memreserve_init() registers only with EFI,
 * so without EFI a 5.17+ kernel keeps the spare tables. */
fun spareTables[k: Kernel]: set Frame {
  (memreserve_on_cpu_online not in k.profile.caps or efiBoot[k]) => (Step.cpu_mode').Adopted.(Step.allocated_pend')
  else none
}

/* Spare tables carved from memblock-reserved memory (a mapped reserved-memory region, and whatever else
 * memblock reserved there: a segment) are PG_reserved pages: with 4 KiB pages the order-4 free trips
 * "BUG: Bad page state" (free_pages_prepare -> bad_page) and the pages are leaked; with 64 KiB pages it
 * is an order-0 free, unchecked without CONFIG_DEBUG_VM, so they reach the allocator. */
fun leakedSpares[k: Kernel]: set Frame {
  Config.page_size = v_4k => spareTables[k] & Memory.use.MemblockReserved else none
}

/* The property table the booting kernel takes over in its view: an adopted one only from memory set
 * aside for it (Harmless), an allocated one always. */
fun propTaken[k: Kernel]: set Frame {
  preallocates[k] => Step.prop_table' & Memory.use.Harmless else Step.prop_table'
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

/* What the outgoing kernel's /proc/iomem lists as "reserved" nested inside "System RAM": from v4.19
 * (50d7ba36b916) every memblock-reserved range -- the /reserved-memory children without no-map, its
 * initrd and DTB, and the memreserve entries it inherited and reserved at boot -- and, with
 * ab0eb16205b4, the entries it registered itself after boot (tables from its page allocator).  Its
 * image is "Kernel code"/"Kernel data", which kexec-tools loads over (only "reserved" is skipped). */
fun iomemReserved: set Frame {
  let k = Machine.running {
    (iomem_lists_memblock in k.profile.caps =>
      ((regionVisible[k] and Config.reserved_memory = map) => region else none)
      + k.initrd_at + k.dtb_at + Memory.inherited
     else none)
    + (memreserve_in_iomem in k.profile.caps => Memory.memreserve else none)
    + (iomem_lists_memblock in k.profile.caps => Memory.handed else none)
    + shownBy[k].(Memory.records)
  }
}

/* Where a normal kexec may place a segment: kexec-tools in "System RAM", skipping nested "reserved"
 * entries if built to; kexec_file_load where memblock is free. */
fun loadable: set Frame {
  fileLoad[Machine.running] => fileLoadable
  else Frame - notSystemRam - (Config.loader = honours_reserved => iomemReserved else none)
}

/* kexec_file_load places segments where the running kernel's memblock is free (arm64 selects
 * ARCH_KEEP_MEMBLOCK, so kexec_locate_mem_hole() walks for_each_free_mem_range with MEMBLOCK_NONE):
 * not in what it memblock-reserved at boot, nor in no-map memory, nor, with 2bab693a608b, in what it
 * registered with efi_mem_reserve_persistent() since; but over pages its page allocator handed out
 * (memblock does not track them), /proc/iomem unread. */
fun fileLoadable: set Frame {
  let k = Machine.running |
    bootView[k, Memory.inherited, Memory.handed].Free
    - ((memreserve_in_memblock in k.profile.caps and efiTables[k]) => Memory.memreserve else none)
}

/* Entering the next kernel: registers and RAM contents survive, and so does the EFI memreserve list. */
pred enter[k: Kernel] {
  Machine.running' = k
  Machine.phase' = Booting
  Memory.use' = bootView[k, Memory.memreserve, handedTo[k]]
  Memory.inherited' = (readsMemreserve[k] => Memory.memreserve else none)
  Memory.records' = receives[k]
  Memory.handed' = handedTo[k]
  crashRegionReservable[k]
  unchanged[Memory.memreserve]
  gicUnchanged
  quietStep
}

/* kexec -l: the next kernel's segments fit where the loader allows (a proposal's Placement applies to
 * kexec_file_load only: it is the running kernel's own placement). */
pred kexecLoads[k: Kernel] {
  k.entry = kexec_entry
  let placed = by.(Machine.running.profile) |
    (some placed and fileLoad[Machine.running]) => segments[k] in Machine.running.(placed.into)
    else segments[k] in loadable
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

/* A device's MSI becomes an LPI pending on CPU c: the ITS translates it to c's collection (only a
 * mapped one) and the GIC sets its bit in the table PENDBASER names.  Devices are quiet across a kexec
 * only if --devices quiescent; once a kernel is up they fire again; after a panic nothing matters. */
pred msiArrives[c: Cpu] {
  c in Gic.lpis_on
  Gic.its = ItsEnabled
  c in Gic.collections
  Config.devices = active or Machine.phase = Up
  Machine.phase != Panicked
  unchanged[Machine.running] and unchanged[Machine.phase]
  gicUnchanged and memoryUnchanged
  Step.event' = MsiArrives
  no Step.table_write' and no Step.its_programmed' and no Step.printed' and no Step.cpu_printed'
  no Step.cpu_mode' and no Step.prop_table' and no Step.allocated_pend' and no Step.recorded'
  Step.pending_write' = c -> c.(Gic.pendbaser)
}

/* Every event but the GIC boot, which each model composes with its allocation policy. */
pred otherEvents {
  stutter or kexec or crashKexec or (some c: Cpu | msiArrives[c])
}

-- ===================================================================
-- Extension points: what a hand-over proposal changes
-- (docs/writing-a-proposal.md walks through them)
-- ===================================================================

/*
 * A proposal's events: core's, with the GIC boot taking fresh tables as `tables` says and faulting
 * where `faults` holds.
 *   tables -- a formula over the step that constrains Step.prop_table' (when the kernel does not adopt
 *             one: UsingPreallocated not in Step.printed') and Step.allocated_pend': `pageAllocator`,
 *             or the proposal's allocator;
 *   faults -- a formula over the state before the GIC boot: the allocator touches memory outside the
 *             linear map and the kernel dies in init_IRQ (bootGicFaults); `neverFaults` if it cannot.
 * A proposal's step is then `pred step { kexecEvents[pageAllocator, neverFaults] }` or its own hooks.
 */
let kexecEvents[tables, faults] {
  otherEvents
  or (faults and bootGicFaults)
  or (not faults and bootGic and tables)
}

/* The `faults` hook of an allocator that only hands out mapped memory. */
pred neverFaults { some none }

/*
 * A hand-over channel: a way a kernel names its LPI tables to the next kernel besides the EFI memreserve
 * list (which core models as Linux has it).  A proposal declares one `one sig ... extends Channel` and
 * sets its fields in the sig's fact; core's events do the rest:
 *   - a kernel whose profile is in `writers` names, at its GIC boot, the tables it took (those of the
 *     redistributors it adopted or programmed); one that does not use LPIs leaves the record as it was;
 *   - a kexec of kind `across` carries the record to the next kernel if the outgoing kernel wrote it or,
 *     being in `relays`, passes on what it received (a DT property kept by a kernel that ignores it);
 *   - a kernel whose profile is in `readers` memblock-reserves, at boot, every frame it received
 *     (HandedOver), which gic_check_reserved_range() then accepts;
 *   - an outgoing kernel whose profile is in `shown` lists what it recorded as "reserved" in
 *     /proc/iomem, which kexec-tools then avoids (a reader lists what it reserved from v4.19 anyway).
 */
abstract sig Channel {
  writers: set Profile,
  readers: set Profile,
  relays: set Profile,
  across: set Entry,
  shown: set Profile
}

/*
 * A placement a proposal adds to kexec_file_load: when the outgoing kernel's profile is in `by` and it
 * loads the next kernel with kexec_file_load (`fileLoad`), a normal kexec places the next kernel's
 * segments only in the frames `into` gives for the outgoing kernel (KHO: the scratch regions,
 * kho_locate_mem_hole).  Otherwise `loadable` says where: kexec_file_load's memblock walk, or
 * kexec-tools as --loader says.
 */
abstract sig Placement {
  by: set Profile,
  into: Kernel -> Frame
}

/* The profiles with capability c: for a channel's fields (`writers = having[my_capability]`). */
fun having[c: Capability]: set Profile { caps.c }

/* The channels kernel k writes. */
fun writtenBy[k: Kernel]: set Channel { writers.(k.profile) }

/* The channels whose records kernel k lists in /proc/iomem. */
fun shownBy[k: Kernel]: set Channel { shown.(k.profile) }

/* What kernel k, entered next from the running kernel, receives on each channel. */
fun receives[k: Kernel]: Channel -> Frame {
  { ch: Channel, f: Frame | f in ch.(Memory.records) and k.entry in ch.across
                            and Machine.running.profile in ch.writers + ch.relays }
}

/* The frames kernel k memblock-reserves at boot from what the channels name to it. */
fun handedTo[k: Kernel]: set Frame { (readers.(k.profile)).(receives[k]) }

module kexec/lemmas

/*
 * Lemmas: facts about every reachable state that kexec-check proves
 * together with the properties, so that an induction over steps closes
 * (docs/model-reference.md, "Lemmas and the proof for all chain lengths").  Each is
 * proved, never assumed: a lemma some step breaks in a configuration is
 * dropped there and the proof goes on without it; what only it made
 * provable then holds "up to N steps".
 *
 * Plain induction fails on this world because an arbitrary state may put
 * the GIC's live tables where no kernel of a real run ever lets them be;
 * these lemmas say where a real run keeps them.
 */

open kexec/core

-- @invariant
/* Redistributors are switched on together: firmware programs all or
 * none, and a kernel's GIC boot leaves every CPU's LPIs on. */
pred LpisOnAllOrNone {
  no Gic.lpis_on or Gic.lpis_on = Cpu
}

/* The kernels whose GIC driver has started: the ones before the running one, and it once up. */
fun gicBooted: set Kernel {
  Machine.running.^(~nextKernel) + (Machine.phase = Up => Machine.running else none)
}

-- @invariant
/* Live LPI state has a history: LPIs are on exactly when firmware or a
 * kernel that uses them switched them on (nothing switches them off), and
 * the memreserve list holds entries only if a kernel that records its
 * tables there has booted. */
pred StateHasAHistory {
  -- the right side in parentheses: Alloy's `or` binds more loosely than `iff`
  some Gic.lpis_on iff
    ((Config.firmware in PreprogrammingFirmware and Config.hardware != gicv2) or (some k: gicBooted | lpiKernel[k]))
  some Memory.memreserve implies some k: gicBooted | lpiKernel[k] and recordsReservations[k]
}

-- @invariant
/* A booting kernel's view of memory is the one memblock gave it; once it
 * is up, it differs only where the GIC driver took tables, and where it
 * gave back a spare pending table it had taken from free memory. */
pred ViewFromBoot {
  Memory.inherited in Memory.memreserve
  Machine.phase = Booting implies
    Memory.inherited = (readsMemreserve[Machine.running] => Memory.memreserve else none)
  let boot = bootView[Machine.running, Memory.inherited, Memory.handed] {
    Machine.phase = Booting implies Memory.use = boot
    Machine.phase = Up implies all f: Frame |
      f.(Memory.use) = f.boot or f.(Memory.use) in PropTable + PendTable
      or (f.(Memory.use) = Free and f.boot = Free)
  }
}

-- @invariant
/* Only a kernel that reads a hand-over channel has frames handed to it: without a proposal's
 * channel, nothing is ever handed over. */
pred HandedOnlyToReaders {
  some Memory.handed implies some readers.(Machine.running.profile)
}

-- @invariant
/* Every redistributor with LPIs on names a pending table of its own and a
 * property table, none of them a pending table: firmware lays the region out
 * so, and every allocator hands out distinct frames.  The one exception is
 * U-Boot's: it writes PROPBASER through redistributor 0 only, so on a GIC that
 * does not share the register the others name no table of the board until a
 * kernel programs them. */
pred LiveTablesWellFormed {
  all c: Gic.lpis_on | one c.(Gic.pendbaser) and (one c.(Gic.propbaser)
    or (c != bootCpu and Config.firmware in PreprogrammingFirmware and Config.propbaser_sharing = per_redistributor))
  all disj c, d: Gic.lpis_on | c.(Gic.pendbaser) != d.(Gic.pendbaser)
  no Gic.lpis_on.(Gic.propbaser) & Gic.lpis_on.(Gic.pendbaser)
}

/* What kernel k needs of the live tables it boots with, in its view of memory:
 * memory it keeps its hands off (MSIs land there, and it is the GIC's), unless
 * it reprograms every redistributor before any MSI can come (clearable
 * hardware, and quiet devices or no ITS collection mapped yet, so that no MSI
 * becomes an LPI before its GIC driver runs); and, if it takes the tables
 * over, memory that gic_check_reserved_range() accepts. */
pred tablesSafeFor[k: Kernel, view: Frame -> Use] {
  let takesOver = (lpiKernel[k] and adopts_preallocated in k.profile.caps),
      reprograms = (lpiKernel[k] and Config.hardware = clearable
                    and (Config.devices = quiescent or no Gic.collections)) |
  all c: Gic.lpis_on, f: c.(Gic.propbaser) + c.(Gic.pendbaser) {
    (takesOver or not reprograms) implies f.view in Harmless
    takesOver implies (kdumpBypasses[k] or f.view in MemblockReserved)
  }
}

-- @invariant
/* While a kernel boots, the live tables are where it needs them. */
pred LiveTablesSafeAtBoot {
  Machine.phase = Booting implies tablesSafeFor[Machine.running, Memory.use]
}

-- @invariant
/* Once a kernel is up, the next kernel of the chain, if it can be loaded,
 * will boot with the live tables where it needs them: the hand-over works. */
pred LiveTablesHandedOver {
  let k = Machine.running.nextKernel |
    (Machine.phase = Up and some k and (kexecLoads[k] or crashLoads[k])) implies
      tablesSafeFor[k, bootView[k, Memory.memreserve, handedTo[k]]]
}

-- @invariant
/* The EFI memreserve list names only live tables: a kernel records the tables it programs as it
 * programs them, a later kernel adopts them, and on sticky hardware nothing frees a live table.
 * Where a kernel reprograms the redistributors (clearable hardware) or records a table it could
 * not program (a CPU whose disable failed, v5.17+), the old entries outlive their tables: an
 * induction step breaks this there, and reservations-bounded is then violated anyway. */
pred MemreserveIsLive {
  Memory.memreserve in Gic.lpis_on.(Gic.propbaser + Gic.pendbaser)
}

-- @invariant
/* Until a kernel that uses LPIs has booted its GIC driver, tables firmware programmed are the ones
 * the board's LPI region describes: U-Boot's gic_lpi_tables_init() points the redistributors at
 * them (PROPBASER through redistributor 0 only), and a kernel without LPIs (irqchip.gicv3_nolpi)
 * leaves the registers alone. */
pred FirmwareTablesUntilAnLpiKernel {
  (Config.firmware in PreprogrammingFirmware and Config.hardware != gicv2 and no k: gicBooted | lpiKernel[k])
    implies (Gic.propbaser = firmwarePropbaser and Gic.pendbaser = Board.region_pend)
}

-- @invariant
/* The ITS is enabled and collections mapped only by the GIC driver of a kernel that uses LPIs
 * (its_probe_one(), its_cpu_init_collections()): firmware leaves the ITS off, and a kernel without
 * LPIs does not touch it. Until then no MSI becomes an LPI. */
pred ItsHasAHistory {
  (Gic.its = ItsEnabled or some Gic.collections) implies some k: gicBooted | lpiKernel[k]
}

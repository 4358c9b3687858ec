module kexec/properties

/*
 * The properties of domain.md §5, each a named predicate over one state,
 * checked by kexec-check as `always P` over every trace from `init`.
 * The annotation before each says which outcome class its violation
 * means; `@outcome` marks the weaker classes, `@applicable` when the
 * question applies at all.
 */

open kexec/core
open kexec/lemmas

-- @property corruption
/* no-stray-write: no pending bit set by the GIC and no table reset by a
 * kernel lands in memory the running kernel uses for something else, and
 * once a kernel is up no live GIC table is in its page allocator. */
pred NoStrayWrite {
  all c: Cpu | c.(Step.pending_write) in Memory.use.(c.pendRole + Harmless)
  all f: Step.table_write.Use | f.(Step.table_write) in Free + Harmless
  Machine.phase = Up implies all c: Gic.lpis_on {
    c.(Gic.propbaser) in Memory.use.(PropTable + Harmless)
    c.(Gic.pendbaser) in Memory.use.(c.pendRole + Harmless)
  }
}

-- @property lost-lpis
/* lpis-delivered: a kernel that enables LPIs ends its boot with LPIs on
 * every CPU it brings up, each redistributor naming tables this kernel uses as such,
 * and each CPU's ITS collection mapped (a CPU whose redist_disable_lpis()
 * failed gets no MAPC, so no LPIs, whatever its registers name). */
pred LpisDelivered {
  (Machine.phase = Up and lpiKernel[Machine.running]) implies all c: onlineCpus[Machine.running] {
    c in Gic.lpis_on
    c in Gic.collections
    c.(Gic.propbaser).(Memory.use) = PropTable
    c.(Gic.pendbaser).(Memory.use) = c.pendRole
  }
}

-- @property lost-lpis
/* one-property-table: all redistributors with LPIs enabled name the same property table (one whose
 * PROPBASER names no table of the board, as U-Boot leaves a GIC that does not share it, names another). */
pred OnePropertyTable {
  lone Gic.lpis_on.(Gic.propbaser)
  some Gic.lpis_on.(Gic.propbaser) implies all c: Gic.lpis_on | some c.(Gic.propbaser)
}

-- @property corruption
/* its-quiescent: no kernel programs the ITS bases while the ITS is enabled. */
pred ItsQuiescent {
  Step.its_programmed in ItsDisabled
}

-- @property recoverable
/* reservations-bounded: a kernel adds entries to the EFI memreserve list
 * only while every entry already there is a table the GIC or this kernel
 * still uses; otherwise every repetition of the same kexec leaves one
 * more dead entry behind (the list only grows, domain.md §3.1). */
pred ReservationsBounded {
  some Step.recorded implies
    Memory.memreserve - Step.recorded
      in Gic.lpis_on.(Gic.propbaser + Gic.pendbaser) + Memory.use.(PropTable + PendTable)
}

-- @outcome fail-stop
/* A kernel died: init_IRQ faulted (domain.md §3.7, no-map memory outside the linear map). */
pred KernelPanics {
  Machine.phase = Panicked
}

-- @outcome recoverable
/* A kernel printed one of the warnings of domain.md §3.2 (and tainted itself). */
pred KernelWarns {
  some (Step.printed + Cpu.(Step.cpu_printed)) & Warnings
}

-- @applicable
/* The hand-over question exists only where there are LPIs. */
pred LpisExist {
  Config.hardware != gicv2
}

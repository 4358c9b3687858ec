module chosen_lpi_tables

/*
 * A small hand-over proposal, the worked example of docs/writing-a-proposal.md:
 * a kernel records the addresses of its LPI tables in a /chosen property of the
 * DT it passes to the next kernel ("linux,lpi-tables"), and a kernel that knows
 * the property memblock-reserves what it names at boot, so that
 * gic_check_reserved_range() accepts the tables without EFI.  The kernel also
 * lists the tables as "reserved" in /proc/iomem, so that kexec-tools keeps the
 * next kernel's segments off them.
 */

open kexec/core
open kexec/profiles
open kexec/properties

/* The kernel writes /chosen/linux,lpi-tables and reserves what it names at boot. */
one sig chosen_lpi_tables extends Capability {}

/* v6.1 with the proposal applied. */
one sig linux_6_1__chosen extends Profile {} { caps = linux_6_1.@caps + chosen_lpi_tables }

/* The property travels in the DTB the loader passes on: a kexec-tools that passes the running DT
 * (--dtb passthrough) carries it, through kexec -l and kexec -p alike; a kernel without the
 * capability passes on the DT it booted with, property included. */
one sig chosen_property extends Channel {} {
  writers = having[chosen_lpi_tables]
  readers = having[chosen_lpi_tables]
  relays = Profile - writers
  across = (Config.dtb = passthrough => kexec_entry + crash_entry else none)
  shown = writers
}

pred init { coldBoot }

pred step { kexecEvents[pageAllocator, neverFaults] }

-- @property recoverable
/* What a booting kernel reserved because /chosen named it is a live GIC table: otherwise the
 * reservation only leaks memory. */
pred HandedIsLive {
  Machine.phase = Booting implies Memory.handed in Gic.lpis_on.(Gic.propbaser + Gic.pendbaser)
}

-- @invariant
/* What /chosen names is what the GIC uses: a writer names its live tables, and a kexec carries them
 * unchanged to a kernel that finds them still live. */
pred RecordIsLive {
  chosen_property.(Memory.records) in Gic.lpis_on.(Gic.propbaser + Gic.pendbaser)
}

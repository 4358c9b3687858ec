module chosen_lpi_tables

/*
 * A small hand-over proposal, the worked example of docs/writing-a-proposal.md:
 * a kernel records the addresses of its LPI tables in a /chosen property of the
 * DT it passes to the next kernel ("linux,lpi-tables"), and a kernel that knows
 * the property memblock-reserves what it names at boot, so that
 * gic_check_reserved_range() accepts the tables without EFI.  First version.
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
  no shown
}

pred init { coldBoot }

pred step { kexecEvents[pageAllocator, neverFaults] }

module proposals/bootloader_preprogrammed

/*
 * Marc Zyngier's alternative in the seed (domain.md §3.4): the bootloader
 * allocates the LPI tables once, programs every redistributor, enables
 * LPIs and describes the tables in /reserved-memory (U-Boot
 * gic_lpi_tables_init on NXP Layerscape).  The kernels are upstream's; the
 * proposal only fixes the firmware, so the checker shows what the rest of
 * the chain (reserved-memory marking, DTB, loader) must provide.
 */

open kexec/core
open kexec/profiles
open kexec/properties

fact bootloaderProgramsTables { Config.firmware in PreprogrammingFirmware }

pred init { coldBoot }

pred step { kexecEvents[pageAllocator, neverFaults] }

package kexeccheck.simulator;

import kexeccheck.simulator.memory.Board;

/**
 * The world outside the kernels: board, hardware, firmware and loader.
 *
 * @param board RAM, redistributors, ITS, LPI region, crashkernel region
 * @param clearable whether GICR_CTLR.EnableLPIs can be cleared (CES), else sticky
 * @param efi whether the firmware is UEFI (config tables, a stub-booted first kernel)
 * @param preprogrammed whether the bootloader runs gic_lpi_tables_init() on the LPI region
 * @param lpiNoMap whether the LPI region's /reserved-memory child has no-map
 * @param honoursReserved whether kexec-tools skips nested reserved entries
 * @param userDtb whether kexec passes a user DTB without the LPI node instead of the running one
 */
public record MachineConfig(Board board, boolean clearable, boolean efi, boolean preprogrammed,
                            boolean lpiNoMap, boolean honoursReserved, boolean userDtb) {}

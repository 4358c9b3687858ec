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
 * @param devicesActive whether devices keep sending MSIs across a kexec (else quiet from the kexec until
 *     the next kernel's GIC is up: a normal kexec's pci_device_shutdown() cleared bus mastering)
 * @param pages64k whether the kernels use 64 KiB pages (a 64 KiB table is then an order-0 allocation)
 */
public record MachineConfig(Board board, boolean clearable, boolean efi, boolean preprogrammed,
                            boolean lpiNoMap, boolean honoursReserved, boolean userDtb,
                            boolean devicesActive, boolean pages64k) {

    /** A world with active devices and 4 KiB pages. */
    public MachineConfig(Board board, boolean clearable, boolean efi, boolean preprogrammed,
                         boolean lpiNoMap, boolean honoursReserved, boolean userDtb) {
        this(board, clearable, efi, preprogrammed, lpiNoMap, honoursReserved, userDtb, true, false);
    }
}

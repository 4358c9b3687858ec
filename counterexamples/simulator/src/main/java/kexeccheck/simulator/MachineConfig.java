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
 * @param propbaserShared whether all redistributors share one GICR_PROPBASER ({@code propbaser-sharing=shared}:
 *     GICR_TYPER.CommonLPIAff, IMPLEMENTATION DEFINED), else each has its own ({@code per-redistributor}, the
 *     architecture's default and QEMU's model); it decides what U-Boot's write through redistributor 0 reaches
 * @param fileLoad whether kexec-tools tries kexec_file_load first ({@code syscall=kexec-file-load} or
 *     {@code kexec-file-load-unfinalised}, kexec-tools 2.0.27+), else it uses kexec_load ({@code kexec-load});
 *     an outgoing kernel without kexec_file_load still gets kexec_load ({@link kexeccheck.simulator.loader.LoadSyscall})
 */
public record MachineConfig(Board board, boolean clearable, boolean efi, boolean preprogrammed,
                            boolean lpiNoMap, boolean honoursReserved, boolean userDtb,
                            boolean devicesActive, boolean pages64k, boolean propbaserShared, boolean fileLoad) {

    /**
     * A world loading with kexec_load: the only syscall the simulator knew before the option
     * existed, so that callers written then keep meaning what they meant.
     */
    public MachineConfig(Board board, boolean clearable, boolean efi, boolean preprogrammed,
                         boolean lpiNoMap, boolean honoursReserved, boolean userDtb,
                         boolean devicesActive, boolean pages64k, boolean propbaserShared) {
        this(board, clearable, efi, preprogrammed, lpiNoMap, honoursReserved, userDtb, devicesActive, pages64k,
                propbaserShared, false);
    }

    /**
     * A world with a shared GICR_PROPBASER and kexec_load: the sharing and the syscall the simulator
     * assumed before the options existed, so that callers written then keep meaning what they meant.
     */
    public MachineConfig(Board board, boolean clearable, boolean efi, boolean preprogrammed,
                         boolean lpiNoMap, boolean honoursReserved, boolean userDtb,
                         boolean devicesActive, boolean pages64k) {
        this(board, clearable, efi, preprogrammed, lpiNoMap, honoursReserved, userDtb, devicesActive, pages64k, true);
    }

    /** A world with active devices, 4 KiB pages, a shared GICR_PROPBASER and kexec_load. */
    public MachineConfig(Board board, boolean clearable, boolean efi, boolean preprogrammed,
                         boolean lpiNoMap, boolean honoursReserved, boolean userDtb) {
        this(board, clearable, efi, preprogrammed, lpiNoMap, honoursReserved, userDtb, true, false);
    }
}

package kexeccheck.simulator.kernel;

import java.util.Set;
import kexeccheck.simulator.firmware.DtNode;

/**
 * The simulator's account of what a proposal adds: a capability, or a hand-over channel of the
 * model ({@code Channel}), at the points where a hand-over proposal changes what a kernel does.
 * Implementations are found by {@link java.util.ServiceLoader} on the class path
 * ({@code META-INF/services/kexeccheck.simulator.kernel.KernelExtension}); {@code replay} and
 * {@code crosscheck} refuse a model whose capabilities or channels no account covers, rather than
 * disagree with it falsely. docs/writing-a-proposal.md builds one.
 */
public interface KernelExtension {

    /** The capabilities it accounts for, spelled as profiles list them ({@code chosen-lpi-tables}). */
    Set<String> capabilities();

    /** The model's hand-over channels it accounts for, spelled as {@code list} shows them. */
    default Set<String> channels() {
        return Set.of();
    }

    /**
     * setup_arch() of a kernel with one of the capabilities, after the firmware's and the EFI
     * memreserve list's reservations and before its own segments': it may memblock-reserve what the
     * previous kernel handed it ({@link Kernel#memblock()}, {@link Kernel#deviceTree()}).
     */
    default void reserveAtBoot(Kernel kernel) {}

    /** After init_IRQ of a kernel with one of the capabilities: its GIC driver has taken its tables. */
    default void gicInitialised(Kernel kernel) {}

    /**
     * The next kernel's DTB is built from the outgoing kernel's: by kexec-tools (kexec_load), or by the
     * outgoing kernel itself from its boot DT (kexec_file_load, of_kexec_alloc_and_setup_fdt()). Called
     * whatever the outgoing kernel's capabilities, so that an account can also say what a kernel without
     * them passes on.
     *
     * @param running the outgoing kernel
     * @param next the DTB being built, to change in place
     * @param passthrough whether it is the running kernel's own DT (always with kexec_file_load; false: a
     *     user's DTB, --dtb, with kexec_load)
     */
    default void nextDeviceTree(Kernel running, DtNode next, boolean passthrough) {}
}

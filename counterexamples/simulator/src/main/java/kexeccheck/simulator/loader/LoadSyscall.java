package kexeccheck.simulator.loader;

import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;

/**
 * The syscall that loads the next kernel, which decides who places its segments and which DT it gets.
 *
 * <p>kexec-tools 2.0.27+ (29fe5067ed07, "kexec: make -a the default") tries kexec_file_load first and
 * falls back to kexec_load when it fails with ENOSYS, EINVAL, ENOEXEC or ENOTSUP; arm64 has
 * kexec_file_load from v5.0 (capability {@code kexec-file-syscall}), so an older outgoing kernel is
 * loaded through kexec_load exactly as with an older kexec-tools. The option value
 * {@code kexec-file-load-unfinalised} differs from {@code kexec-file-load} only for a kernel with KHO,
 * of which the simulator has no account, so both mean "try kexec_file_load" here.
 */
public enum LoadSyscall {
    /** kexec_load: kexec-tools places the segments ({@code KexecToolsPlacement}) and chooses the DTB. */
    KEXEC_LOAD,
    /** kexec_file_load: the running kernel places them ({@code FileLoadPlacement}) and passes its boot DT. */
    KEXEC_FILE_LOAD;

    /**
     * The syscall that loads the next kernel.
     *
     * @param fileLoadFirst whether kexec-tools tries kexec_file_load first ({@code syscall=kexec-file-load*})
     * @param outgoing the running kernel, which implements the syscall or not
     */
    public static LoadSyscall used(boolean fileLoadFirst, Kernel outgoing) {
        return fileLoadFirst && outgoing.has(Capabilities.KEXEC_FILE_SYSCALL) ? KEXEC_FILE_LOAD : KEXEC_LOAD;
    }
}

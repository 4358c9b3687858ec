package kexeccheck.simulator;

import java.util.Map;
import java.util.Set;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import kexeccheck.trace.ConfigurationOption;

/**
 * How a configuration in the trace format's vocabulary (options such as
 * {@code firmware=dt-preprogrammed}, profiles with capability names) becomes
 * a simulated world: the board's layout, the {@link MachineConfig} and each
 * kernel's {@link KernelSpec}. Shared by the trace replayer and the explorer,
 * so both build exactly the same machine for the same configuration.
 */
public final class World {

    /** A frame's size: 64 KiB, the size of a Linux LPI table. */
    public static final long FRAME = 64 * 1024;
    /** RAM: [0x40000000, 0x80000000), as on QEMU's virt board. */
    public static final AddressRange RAM = new AddressRange(0x4000_0000L, 0x4000_0000L);
    /** The LPI region's base: property slot, then one pending slot per CPU (U-Boot's and get_of_page()'s layout). */
    public static final long LPI_BASE = 0x4a00_0000L;
    /** The crashkernel region's base. */
    public static final long CRASH_BASE = 0x4c00_0000L;
    /** The crashkernel region's size. */
    public static final long CRASH_SIZE = 32L << 20;

    /** The option names of the trace format's configuration (and of the CLI). */
    public static final Set<String> OPTIONS = Set.copyOf(ConfigurationOption.names());

    private World() {}

    /** The LPI region of a board with {@code cpus} CPUs: a property slot and a pending slot per CPU. */
    public static AddressRange lpiRegion(int cpus) {
        return new AddressRange(LPI_BASE, (cpus + 1) * FRAME);
    }

    /** The crashkernel= region. */
    public static AddressRange crashRegion() {
        return new AddressRange(CRASH_BASE, CRASH_SIZE);
    }

    /**
     * The machine for a configuration's options. A missing option is no error here (none
     * is): a missing {@code propbaser-sharing} means {@code per-redistributor}, the architecture's default,
     * and a missing {@code syscall} {@code kexec-load}, what the simulator did before the option existed.
     * {@code syscall=kexec-file-load-unfinalised} is {@code kexec-file-load}: it differs only for a kernel
     * with KHO, of which the simulator has no account.
     *
     * @param options option name to value, as in a trace's configuration
     * @param cpus the number of CPUs
     * @param lpiRegion the LPI region, or null
     * @param crashRegion the crashkernel= region, or null
     */
    public static MachineConfig machineConfig(Map<String, String> options, int cpus, AddressRange lpiRegion,
                                              AddressRange crashRegion) {
        Board board = Board.qemuVirt(RAM, cpus, lpiRegion, crashRegion);
        String firmware = options.get("firmware");
        return new MachineConfig(board, "clearable".equals(options.get("hardware")),
                "efi".equals(firmware) || "efi-preprogrammed".equals(firmware),
                "dt-preprogrammed".equals(firmware) || "efi-preprogrammed".equals(firmware),
                "nomap".equals(options.get("reserved-memory")), "honours-reserved".equals(options.get("loader")),
                "user-without-reserved".equals(options.get("dtb")), !"quiescent".equals(options.get("devices")),
                "64k".equals(options.get("page-size")),
                "shared".equals(options.get("propbaser-sharing")),
                "kexec-file-load".equals(options.get("syscall"))
                        || "kexec-file-load-unfinalised".equals(options.get("syscall")));
    }

    /**
     * A kernel of the chain.
     *
     * @param name {@code K1}, {@code K2}, …
     * @param profile its profile's name (the property byte is 0xc2 for a 6.12 profile, else 0xa2)
     * @param capabilities its capability names
     * @param crashNext whether the next kernel is entered by a crash kexec (crashkernel= on its command line)
     */
    public static KernelSpec kernelSpec(String name, String profile, Set<String> capabilities, boolean crashNext) {
        return new KernelSpec(name, new Capabilities(Set.copyOf(capabilities)), profile.contains("6.12") ? 0xc2 : 0xa2,
                crashNext);
    }
}

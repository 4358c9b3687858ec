package kexeccheck.trace;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration options every command explores, with their values: declared here once, for the
 * CLI, the gate's configuration, the board reader, the trace format and the simulator's explorer. The
 * checker's account takes the same names and values from the model and refuses any the model lacks.
 */
public enum ConfigurationOption {
    /** Firmware: EFI, a device tree only, or a bootloader that programs the LPI tables (without EFI, or with it). */
    FIRMWARE("firmware", "efi", "dt", "dt-preprogrammed", "efi-preprogrammed"),
    /** The LPI region's /reserved-memory child: without or with no-map. */
    RESERVED_MEMORY("reserved-memory", "map", "nomap"),
    /** The DTB kexec passes on: the running one, or a user DTB without the LPI node. */
    DTB("dtb", "passthrough", "user-without-reserved"),
    /** Whether kexec-tools skips reserved entries nested in System RAM. */
    LOADER("loader", "honours-reserved", "ignores-reserved"),
    /**
     * The syscall kexec-tools loads the next kernel with: kexec_load (before 2.0.27 unless {@code -s}), or
     * kexec_file_load (2.0.27+ tries it first), where the running kernel places the segments itself and
     * passes its own boot DT; a kernel without kexec_file_load (arm64 before v5.0) falls back to
     * kexec_load. {@code kexec-file-load-unfinalised}: the same, with a KHO kernel's KHO not finalised, so
     * the next kernel gets no valid KHO FDT (any other kernel: the same as {@code kexec-file-load}).
     */
    SYSCALL("syscall", "kexec-load", "kexec-file-load", "kexec-file-load-unfinalised"),
    /** EnableLPIs sticky once set, clearable (GICR_CTLR.CES), or a GICv2 (no LPIs). */
    HARDWARE("hardware", "sticky", "clearable", "gicv2"),
    /**
     * GICR_PROPBASER: one register per redistributor (the architecture's default, QEMU's model), or
     * one shared by all of them (GICR_TYPER.CommonLPIAff and IMPLEMENTATION DEFINED sharing), which
     * U-Boot's gic_lpi_tables_init() assumes when it writes it through redistributor 0 only.
     */
    PROPBASER_SHARING("propbaser-sharing", "per-redistributor", "shared"),
    /** Devices quiet until the next kernel is up, or sending MSIs at any moment. */
    DEVICES("devices", "quiescent", "active"),
    /** Normal kexec, or a crash kexec into a kdump kernel as the last transition. */
    KEXEC("kexec", "normal", "crash"),
    /** The kernels' base page size. */
    PAGE_SIZE("page-size", "4k", "64k");

    private final String cliName;
    private final List<String> values;

    ConfigurationOption(String cliName, String... values) {
        this.cliName = cliName;
        this.values = List.of(values);
    }

    /** The option's name on the command line (without {@code --}), in gate files and in traces. */
    public String cliName() {
        return cliName;
    }

    /** Every value the option can take, in the CLI's order. */
    public List<String> choices() {
        return values;
    }

    /** Every option's name, in the CLI's order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(ConfigurationOption::cliName).toList();
    }

    /** Every option's values by name, in the CLI's order. */
    public static Map<String, List<String>> valuesByName() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (ConfigurationOption o : values()) {
            v.put(o.cliName, o.values);
        }
        return Collections.unmodifiableMap(v);
    }
}

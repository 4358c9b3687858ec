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
    /** EnableLPIs sticky once set, clearable (GICR_CTLR.CES), or a GICv2 (no LPIs). */
    HARDWARE("hardware", "sticky", "clearable", "gicv2"),
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

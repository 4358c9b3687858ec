package kexeccheck.simulator.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.trace.ConfigurationOption;

/**
 * One configuration to explore: the chain K1 → K2 (profile names and
 * capability sets, capability names as in the trace format) and one value of
 * every option, in the CLI's and the trace format's vocabulary.
 *
 * @param first K1, entered by the firmware
 * @param second K2, entered by kexec ({@code kexec=normal}) or crash kexec ({@code kexec=crash})
 * @param firmware {@code efi | dt | dt-preprogrammed | efi-preprogrammed}
 * @param reservedMemory {@code map | nomap}
 * @param dtb {@code passthrough | user-without-reserved}
 * @param loader {@code honours-reserved | ignores-reserved}
 * @param hardware {@code sticky | clearable | gicv2}
 * @param devices {@code quiescent | active}
 * @param kexec {@code normal | crash}
 * @param pageSize {@code 4k | 64k}
 * @param cpus the number of CPUs (2 for the crosscheck)
 */
public record ExploredConfiguration(Profile first, Profile second, String firmware, String reservedMemory, String dtb,
                                    String loader, String hardware, String devices, String kexec, String pageSize,
                                    int cpus) {

    /** A kernel profile: its name and its capabilities. */
    public record Profile(String name, Set<String> capabilities) {
        public Profile {
            capabilities = Set.copyOf(capabilities);
        }

        /** Whether it has the capability. */
        public boolean has(String capability) {
            return capabilities.contains(capability);
        }
    }

    /** Every option's values, in the CLI's order. */
    public static final Map<String, List<String>> OPTION_VALUES = ConfigurationOption.valuesByName();

    public ExploredConfiguration {
        java.util.Objects.requireNonNull(first, "first");
        java.util.Objects.requireNonNull(second, "second");
        check("firmware", firmware);
        check("reserved-memory", reservedMemory);
        check("dtb", dtb);
        check("loader", loader);
        check("hardware", hardware);
        check("devices", devices);
        check("kexec", kexec);
        check("page-size", pageSize);
        if (cpus < 1) throw new IllegalArgumentException("cpus must be at least 1");
    }

    /** A configuration with 2 CPUs and the options given by name (every option must be present). */
    public static ExploredConfiguration of(Profile first, Profile second, Map<String, String> options) {
        for (String name : OPTION_VALUES.keySet()) {
            if (!options.containsKey(name)) throw new IllegalArgumentException("option " + name + " missing");
        }
        return new ExploredConfiguration(first, second, options.get("firmware"), options.get("reserved-memory"),
                options.get("dtb"), options.get("loader"), options.get("hardware"), options.get("devices"),
                options.get("kexec"), options.get("page-size"), 2);
    }

    private static void check(String option, String value) {
        if (!OPTION_VALUES.get(option).contains(value)) {
            throw new IllegalArgumentException("--" + option + " " + value + ": expected one of "
                    + String.join(" | ", OPTION_VALUES.get(option)));
        }
    }

    /** The options by name, as a trace's configuration holds them. */
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("firmware", firmware);
        o.put("reserved-memory", reservedMemory);
        o.put("dtb", dtb);
        o.put("loader", loader);
        o.put("hardware", hardware);
        o.put("devices", devices);
        o.put("kexec", kexec);
        o.put("page-size", pageSize);
        return o;
    }

    /** Whether K2 is entered by a crash kexec. */
    public boolean crash() {
        return "crash".equals(kexec);
    }

    /** Why the chain cannot be run at all, or null when it can. */
    public String whyNotRunnable() {
        if (first.has(Capabilities.KDUMP_CAPTURE)) return "K1 (" + first.name() + ") is a capture kernel: it is only entered by a crash kexec";
        if (!crash() && second.has(Capabilities.KDUMP_CAPTURE)) return "K2 (" + second.name() + ") is a capture kernel: it is only entered by a crash kexec";
        return null;
    }

    /** One line: chain and options as {@code check} options. */
    public String describe() {
        StringBuilder b = new StringBuilder("--chain " + first.name() + "," + second.name());
        options().forEach((k, v) -> b.append(" --").append(k).append(' ').append(v));
        if (cpus != 2) b.append(" --cpus ").append(cpus);
        return b.toString();
    }
}

package kexeccheck.simulator.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.trace.ConfigurationOption;

/**
 * One configuration to explore: the chain K1 → K2 (→ K3 …) (profile names and
 * capability sets, capability names as in the trace format) and one value of
 * every option, in the CLI's and the trace format's vocabulary.
 *
 * <p>K1 is entered by the firmware, every later kernel but the last by a
 * normal kexec, and the last by a normal kexec ({@code kexec=normal}) or a
 * crash kexec ({@code kexec=crash}): kdump ends a chain (the capture kernel
 * saves the dump and reboots, it hands nothing over). The checker's side of
 * the cross-check asks the model for exactly these chains.
 *
 * @param chain the kernels' profiles, K1 first: at least two
 * @param firmware {@code efi | dt | dt-preprogrammed | efi-preprogrammed}
 * @param reservedMemory {@code map | nomap}
 * @param dtb {@code passthrough | user-without-reserved}
 * @param loader {@code honours-reserved | ignores-reserved}: kexec-tools' reading of /proc/iomem, for a kexec_load
 * @param syscall {@code kexec-load | kexec-file-load | kexec-file-load-unfinalised}: whether kexec-tools tries
 *     kexec_file_load first, where an outgoing kernel that has it places the next one's segments and
 *     passes its own boot DT
 * @param hardware {@code sticky | clearable | gicv2}
 * @param propbaserSharing {@code per-redistributor | shared}: whether U-Boot's GICR_PROPBASER write through
 *     redistributor 0 reaches the others
 * @param devices {@code quiescent | active}
 * @param kexec {@code normal | crash}
 * @param pageSize {@code 4k | 64k}
 * @param cpus the number of CPUs (2 for the crosscheck)
 */
public record ExploredConfiguration(List<Profile> chain, String firmware, String reservedMemory, String dtb,
                                    String loader, String syscall, String hardware, String propbaserSharing,
                                    String devices, String kexec, String pageSize, int cpus) {

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
        chain = List.copyOf(chain); // also refuses a null profile
        if (chain.size() < 2) throw new IllegalArgumentException("a chain has at least two kernels, not " + chain.size());
        check("firmware", firmware);
        check("reserved-memory", reservedMemory);
        check("dtb", dtb);
        check("loader", loader);
        check("syscall", syscall);
        check("hardware", hardware);
        check("propbaser-sharing", propbaserSharing);
        check("devices", devices);
        check("kexec", kexec);
        check("page-size", pageSize);
        if (cpus < 1) throw new IllegalArgumentException("cpus must be at least 1");
    }

    /** The chain K1 → K2, as every configuration was before chains grew longer. */
    public ExploredConfiguration(Profile first, Profile second, String firmware, String reservedMemory, String dtb,
                                 String loader, String syscall, String hardware, String propbaserSharing,
                                 String devices, String kexec, String pageSize, int cpus) {
        this(List.of(Objects.requireNonNull(first, "first"), Objects.requireNonNull(second, "second")), firmware,
                reservedMemory, dtb, loader, syscall, hardware, propbaserSharing, devices, kexec, pageSize, cpus);
    }

    /** A chain K1 → K2 with 2 CPUs and the options given by name (every option must be present). */
    public static ExploredConfiguration of(Profile first, Profile second, Map<String, String> options) {
        return of(List.of(first, second), options);
    }

    /** A chain of two or more kernels with 2 CPUs and the options given by name (every option must be present). */
    public static ExploredConfiguration of(List<Profile> chain, Map<String, String> options) {
        for (String name : OPTION_VALUES.keySet()) {
            if (!options.containsKey(name)) throw new IllegalArgumentException("option " + name + " missing");
        }
        return new ExploredConfiguration(chain, options.get("firmware"), options.get("reserved-memory"),
                options.get("dtb"), options.get("loader"), options.get("syscall"), options.get("hardware"),
                options.get("propbaser-sharing"), options.get("devices"), options.get("kexec"), options.get("page-size"), 2);
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
        o.put("syscall", syscall);
        o.put("hardware", hardware);
        o.put("propbaser-sharing", propbaserSharing);
        o.put("devices", devices);
        o.put("kexec", kexec);
        o.put("page-size", pageSize);
        return o;
    }

    /** K1, entered by the firmware. */
    public Profile first() {
        return chain.get(0);
    }

    /** K2, entered by kexec (or, as the last kernel of a chain of two, by crash kexec with {@code kexec=crash}). */
    public Profile second() {
        return chain.get(1);
    }

    /** How many kernels the chain has. */
    public int kernels() {
        return chain.size();
    }

    /** Whether the last kernel is entered by a crash kexec. */
    public boolean crash() {
        return "crash".equals(kexec);
    }

    /** Whether kernel {@code index} (from 0: K1) is entered by a crash kexec: the last one, with {@code kexec=crash}. */
    public boolean crashInto(int index) {
        return crash() && index == chain.size() - 1;
    }

    /** Why the chain cannot be run at all, or null when it can. */
    public String whyNotRunnable() {
        for (int i = 0; i < chain.size(); i++) {
            Profile p = chain.get(i);
            if (!crashInto(i) && p.has(Capabilities.KDUMP_CAPTURE)) {
                return "K" + (i + 1) + " (" + p.name() + ") is a capture kernel: it is only entered by a crash kexec"
                        + (i == 0 || i == chain.size() - 1 ? "" : ", which only enters the last kernel of a chain");
            }
        }
        return null;
    }

    /** One line: chain and options as {@code check} options. */
    public String describe() {
        StringBuilder b = new StringBuilder("--chain " + String.join(",", chain.stream().map(Profile::name).toList()));
        options().forEach((k, v) -> b.append(" --").append(k).append(' ').append(v));
        if (cpus != 2) b.append(" --cpus ").append(cpus);
        return b.toString();
    }
}

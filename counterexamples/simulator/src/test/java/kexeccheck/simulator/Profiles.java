package kexeccheck.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kexeccheck.simulator.kernel.Capabilities;

/** The shipped profiles' capability sets as `kexec-check list` prints them: test data for the simulator. */
final class Profiles {

    static final Map<String, Set<String>> ALL = new LinkedHashMap<>();

    static {
        Set<String> v419 = Set.of("enables-lpis", "disable-with-check", "efi-stub", "iomem-lists-memblock");
        Set<String> v53 = Set.of("enables-lpis", "disable-with-check", "adopts-preallocated", "kdump-bypass",
                "reads-memreserve", "writes-memreserve", "efi-stub", "installs-memreserve-root", "iomem-lists-memblock",
                "kexec-file-syscall");
        Set<String> v61 = Set.of("enables-lpis", "disable-with-check", "adopts-preallocated", "kdump-bypass",
                "reads-memreserve", "writes-memreserve", "memreserve-in-iomem", "efi-stub", "installs-memreserve-root",
                "iomem-lists-memblock", "memreserve-on-cpu-online", "kexec-file-syscall", "memreserve-in-memblock");
        ALL.put("linux-4.16", Set.of("enables-lpis", "blind-reprogram", "efi-stub"));
        ALL.put("linux-4.19", v419);
        ALL.put("linux-4.19+nolpi", minus(v419, "enables-lpis"));
        ALL.put("linux-5.3", v53);
        ALL.put("linux-6.1", v61);
        ALL.put("linux-6.1+nolpi", minus(v61, "enables-lpis"));
        ALL.put("linux-6.1+nr-cpus-1", plus(v61, "nr-cpus-1"));
        ALL.put("linux-5.3+dt-v1", plus(v53, "dt-memory-region-v1"));
    }

    private Profiles() {}

    static KernelSpec kernel(String name, String profile, boolean crashKernel) {
        return new KernelSpec(name, new Capabilities(ALL.get(profile)), 0xa2, crashKernel);
    }

    private static Set<String> minus(Set<String> s, String x) {
        java.util.HashSet<String> out = new java.util.HashSet<>(s);
        out.remove(x);
        return Set.copyOf(out);
    }

    private static Set<String> plus(Set<String> s, String x) {
        java.util.HashSet<String> out = new java.util.HashSet<>(s);
        out.add(x);
        return Set.copyOf(out);
    }
}

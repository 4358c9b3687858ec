package kexeccheck.simulator.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kexeccheck.simulator.explore.ExploredConfiguration.Profile;

/** The upstream model's 14 profiles as `kexec-check list` prints them: test data. */
final class UpstreamProfiles {

    static final Map<String, Profile> ALL = new TreeMap<>();

    static {
        String v61 = "enables-lpis disable-with-check adopts-preallocated kdump-bypass reads-memreserve writes-memreserve memreserve-in-iomem efi-stub installs-memreserve-root iomem-lists-memblock memreserve-on-cpu-online kexec-file-syscall memreserve-in-memblock";
        String v53 = "enables-lpis disable-with-check adopts-preallocated kdump-bypass reads-memreserve writes-memreserve efi-stub installs-memreserve-root iomem-lists-memblock kexec-file-syscall";
        put("kdump-6.1", v61 + " kdump-capture");
        put("linux-4.16", "enables-lpis blind-reprogram efi-stub");
        put("linux-4.19", "enables-lpis disable-with-check efi-stub iomem-lists-memblock");
        put("linux-5.3", v53);
        put("linux-6.1", v61);
        put("linux-6.12", v61);
        for (String p : List.copyOf(ALL.keySet())) {
            Set<String> caps = new java.util.HashSet<>(ALL.get(p).capabilities());
            caps.remove("enables-lpis");
            ALL.put(p + "+nolpi", new Profile(p + "+nolpi", caps));
        }
        put("linux-6.1+nr-cpus-1", v61 + " nr-cpus-1");
        put("kdump-6.1+nr-cpus-1", v61 + " kdump-capture nr-cpus-1");
    }

    private UpstreamProfiles() {}

    private static void put(String name, String caps) {
        ALL.put(name, new Profile(name, Set.of(caps.split(" "))));
    }

    static Profile get(String name) {
        Profile p = ALL.get(name);
        if (p == null) throw new IllegalArgumentException(name);
        return p;
    }

    static List<Profile> all() {
        return new ArrayList<>(ALL.values());
    }
}

package kexeccheck.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.checker.BadInputException;

/**
 * The model's profile for a running kernel: its release mapped to the nearest profile at or below
 * it (profiles stand for the behaviour a release introduced, and a later stable release keeps it),
 * with the variants its command line selects ({@code irqchip.gicv3_nolpi}, {@code nr_cpus=1}), and a
 * note saying how it was chosen.
 *
 * @param name the profile
 * @param note how it was chosen, in words
 */
record RunningProfile(String name, String note) {

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final Pattern PROFILE = Pattern.compile("^linux-(\\d+)\\.(\\d+)$");

    /**
     * @param profiles the model's profiles
     * @throws BadInputException when the release is not a Linux release, or the model has no
     *     {@code linux-X.Y} profile
     */
    static RunningProfile of(RunningSystem system, Set<String> profiles) {
        Matcher r = RELEASE.matcher(system.release());
        if (!r.find()) {
            throw new BadInputException(system.root().resolve("proc/sys/kernel/osrelease") + ": '" + system.release()
                    + "' is not a Linux release (want X.Y...)");
        }
        int release = version(r);
        List<String> linux = new ArrayList<>(profiles.stream().filter(p -> PROFILE.matcher(p).matches()).toList());
        if (linux.isEmpty()) {
            throw new BadInputException("the model has no linux-X.Y profile to stand for a running kernel");
        }
        linux.sort(Comparator.comparingInt(RunningProfile::version));
        Optional<String> atOrBelow = linux.stream().filter(p -> version(p) <= release).reduce((a, b) -> b);
        String base = atOrBelow.orElse(linux.get(0));
        String note = system.release() + " -> " + base + (atOrBelow.isEmpty()
                ? " (older than every profile: the oldest stands for it)"
                : version(base) == release ? "" : " (the nearest profile at or below its release)");
        List<String> variants = new ArrayList<>();
        if (system.enabled("irqchip.gicv3_nolpi")) {
            variants.add("nolpi");
        }
        if (system.parameter("nr_cpus").filter("1"::equals).isPresent()
                || system.parameter("maxcpus").filter("1"::equals).isPresent()) {
            variants.add("nr-cpus-1");
        }
        String name = base;
        for (String v : variants) {
            if (profiles.contains(name + "+" + v)) {
                name = name + "+" + v;
                note += "; +" + v + " from the command line";
            } else {
                note += "; the command line asks for +" + v + ", but the model has no " + name + "+" + v;
            }
        }
        return new RunningProfile(name, note);
    }

    private static int version(String profile) {
        Matcher m = PROFILE.matcher(profile);
        return m.matches() ? version(m) : Integer.MAX_VALUE;
    }

    private static int version(Matcher m) {
        return Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
    }
}

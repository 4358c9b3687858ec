package kexeccheck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.BadInputException;
import kexeccheck.simulator.firmware.BoardFacts;
import kexeccheck.trace.ConfigurationOption;

/**
 * What a board's device tree fixes among {@code check}'s options, each with the reason, and which
 * options it leaves open (every value explored unless the user narrows them).
 *
 * <p>A tree fixes little, on purpose: whether EnableLPIs is sticky, whether devices send MSIs, which
 * loader and which DTB kexec uses, are not in it. It fixes the hardware's LPIs (a GICv2, or a GICv3
 * without an ITS, has none: its_cpu_init() allocates no tables without an ITS), the firmware when
 * the tree is a running system's ({@code /chosen} tells an EFI stub's boot from a bootloader's), the
 * pre-programmed LPI region and its {@code no-map}, and the CPUs.
 *
 * @param values the options fixed, by CLI name
 * @param reasons for each option fixed, why, naming the node
 * @param open the options left open
 * @param cpus the CPUs to check with
 * @param cpusReason why that many
 */
public record BoardOptions(Map<String, List<String>> values, Map<String, String> reasons, List<String> open, int cpus,
        String cpusReason) {

    /** The CPUs a board is checked with unless --cpus says: every per-CPU behaviour shows with two. */
    static final int CPUS = 2;

    /** Every configuration option, in {@code check}'s order. */
    private static final List<String> ALL = ConfigurationOption.names();

    /**
     * The options of a board: the tree's, narrowed by the user's.
     *
     * @param given the options the user gave (by CLI name): they narrow what the tree leaves open
     * @param givenCpus the --cpus the user gave, if any
     * @param strict whether a given value the tree rules out is bad input (one board), or ignored for
     *     this board with a note (a fleet, where the user's options are meant for the boards they fit)
     * @throws BadInputException when strict and a given option contradicts the tree
     */
    public static BoardOptions of(BoardFacts facts, Map<String, List<String>> given, Integer givenCpus, boolean strict) {
        return new Builder().tree(facts).build(given, givenCpus, facts.cpus() + " in /cpus", strict,
                "the board's device tree");
    }

    /** Collects the options a source of facts fixes, each with its reason, then lets the user narrow them. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final Map<String, String> reasons = new LinkedHashMap<>();

        /** Fixes an option (again: a later, better-informed source wins). */
        public Builder fix(String option, List<String> v, String why) {
            values.put(option, List.copyOf(v));
            reasons.put(option, why);
            return this;
        }

        /** Whether an option is fixed so far. */
        boolean fixes(String option) {
            return values.containsKey(option);
        }

        /** What a device tree fixes: the hardware by its GIC, the firmware, the LPI region's mapping. */
        public Builder tree(BoardFacts facts) {
            BoardFacts.Gic gic = facts.gic();
            switch (gic.kind()) {
                case V2 -> fix("hardware", List.of("gicv2"), "a GICv2 (" + gic.compatible() + " at " + gic.node()
                        + "): no LPIs");
                case V3 -> {
                    if (gic.its().isEmpty()) {
                        fix("hardware", List.of("gicv2"), "a GICv3 without an ITS (" + gic.node()
                                + "): Linux allocates no LPI tables, as on the model's LPI-less hardware");
                    } else {
                        fix("hardware", List.of("sticky", "clearable"), "a GICv3 with an ITS (" + gic.its().get()
                                + "); whether EnableLPIs is sticky is not in a device tree");
                    }
                }
                case NONE -> { }
            }
            String suffix = facts.lpiRegion().isPresent() ? "-preprogrammed" : "";
            String lpiWhy = facts.lpiRegion().map(r -> "; LPI tables pre-programmed by the bootloader (" + r.node() + ")")
                    .orElse("");
            if (facts.efi().isPresent()) {
                fix("firmware", List.of("efi" + suffix), "an EFI stub booted it (" + facts.efi().get() + ")" + lpiWhy);
            } else if (facts.booted()) {
                fix("firmware", List.of("dt" + suffix), "a running system's tree without "
                        + "/chosen/linux,uefi-system-table: booted without EFI" + lpiWhy);
            } else {
                fix("firmware", List.of("efi" + suffix, "dt" + suffix), "a kernel package's tree: EFI or not is"
                        + " decided at boot" + lpiWhy);
            }
            facts.lpiRegion().ifPresent(r -> fix("reserved-memory", List.of(r.noMap() ? "nomap" : "map"),
                    r.node() + (r.noMap() ? " has no-map" : " has no no-map")));
            return this;
        }

        /**
         * The options, narrowed by the user's.
         *
         * @param cpusSeen how many CPUs the source shows, in words, for the reason
         * @param source what the facts come from, for the message when a given option contradicts them
         */
        public BoardOptions build(Map<String, List<String>> given, Integer givenCpus, String cpusSeen, boolean strict,
                String source) {
            for (Map.Entry<String, List<String>> g : given.entrySet()) {
                String option = g.getKey();
                List<String> fixed = values.get(option);
                if (fixed == null) {
                    fix(option, g.getValue(), "given");
                    continue;
                }
                // the user narrows what the source leaves open, never contradicts what it fixes
                List<String> both = fixed.stream().filter(g.getValue()::contains).toList();
                if (both.isEmpty()) {
                    if (strict) {
                        throw new BadInputException("--" + option + " " + String.join(",", g.getValue())
                                + " contradicts " + source + ": " + reasons.get(option));
                    }
                    reasons.put(option, reasons.get(option) + " (--" + option + " " + String.join(",", g.getValue())
                            + " does not apply here)");
                    continue;
                }
                if (!both.equals(fixed)) {
                    fix(option, both, "given, within what the system allows: " + reasons.get(option));
                }
            }
            List<String> open = ALL.stream().filter(o -> !values.containsKey(o)).toList();
            int cpus = givenCpus != null ? givenCpus : CPUS;
            String cpusReason = givenCpus != null ? "given" : cpusSeen + "; " + CPUS
                    + " show every per-CPU behaviour (--cpus N for more)";
            return new BoardOptions(new LinkedHashMap<>(values), Map.copyOf(reasons), open, cpus, cpusReason);
        }
    }
}

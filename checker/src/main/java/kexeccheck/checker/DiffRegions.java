package kexeccheck.checker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kexeccheck.trace.ConfigurationOption;
import kexeccheck.trace.Outcome;

/**
 * Where two models differ, chain by chain, in the options' terms: for each chain of the scope and each
 * change of class from A to B, the configurations that show that change, as a short {@link Condition}
 * over the options the scope leaves open. Exact at no solver cost: the diff classified every
 * configuration under both models already; this only describes the sets.
 */
final class DiffRegions {

    private DiffRegions() {}

    /**
     * The regions of some classified configurations.
     *
     * @param differences the configurations whose class differs
     * @param configurations every configuration either model runs, in B's names
     * @return the options left open (more than one value among the configurations), and the regions in
     *     the configurations' chain order, then worst B class first
     */
    static ProposalDiff.Regions of(List<ProposalDiff.Difference> differences, List<Classified> configurations) {
        OptionSpace space = new OptionSpace(openOptions(configurations));
        Map<List<String>, BitSet> running = new LinkedHashMap<>();
        configurations.forEach(c -> running.computeIfAbsent(List.of(c.first(), c.second()), k -> new BitSet())
                .set(space.index(c.options())));
        Map<List<String>, Map<List<Outcome>, BitSet>> changes = new LinkedHashMap<>();
        for (ProposalDiff.Difference d : differences) {
            changes.computeIfAbsent(List.of(d.first(), d.second()), k -> new java.util.TreeMap<>(BY_B_THEN_A))
                    .computeIfAbsent(List.of(d.a().outcome(), d.b().outcome()), k -> new BitSet())
                    .set(space.index(d.options()));
        }
        List<ProposalDiff.Region> regions = new ArrayList<>();
        changes.forEach((chain, byChange) -> byChange.forEach((change, set) -> regions.add(new ProposalDiff.Region(
                chain.get(0), chain.get(1), change.get(0), change.get(1),
                Implicants.minimise(space, set, running.get(chain)), set.cardinality()))));
        return new ProposalDiff.Regions(space.domains(), regions);
    }

    /** A configuration as both models classify it: the chain and one value of every option. */
    record Classified(String first, String second, Map<String, String> options) {}

    private static final java.util.Comparator<List<Outcome>> BY_B_THEN_A =
            java.util.Comparator.<List<Outcome>, Outcome>comparing(c -> c.get(1)).thenComparing(c -> c.get(0));

    /** The options with more than one value among the configurations, each with its values in the CLI's order. */
    private static Map<String, List<String>> openOptions(List<Classified> configurations) {
        Map<String, TreeSet<String>> seen = new java.util.TreeMap<>();
        configurations.forEach(c -> c.options().forEach((o, v) -> seen.computeIfAbsent(o, k -> new TreeSet<>()).add(v)));
        Map<String, List<String>> known = ConfigurationOption.valuesByName();
        Map<String, List<String>> open = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(known.keySet());
        seen.keySet().stream().filter(o -> !known.containsKey(o)).forEach(order::add);
        for (String option : order) {
            TreeSet<String> values = seen.get(option);
            if (values != null && values.size() > 1) {
                List<String> ordered = new ArrayList<>(known.getOrDefault(option, List.of()));
                ordered.retainAll(values);
                values.stream().filter(v -> !ordered.contains(v)).forEach(ordered::add); // a model's own values
                open.put(option, ordered);
            }
        }
        return open;
    }
}

package kexeccheck.checker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kexeccheck.trace.Outcome;

/**
 * What a failing matrix cell's class needs, over the options the matrix leaves open (all but firmware
 * and hardware, which choose the table): for each class some configuration of those options shows in
 * that cell, which configurations show it. A configuration shows the worst class any of its runs shows;
 * {@code safe} is every property holding with no warning. Exact, as {@link Conditions}: every
 * configuration was classified by the solver ({@link CellConditionsFinder}).
 *
 * @param when each class shown, worst first, with the configurations that show it (configurations
 *     with no run are don't-cares of every condition)
 * @param counts how many configurations show each class, in the same order
 * @param running how many configurations of the open options have a run at all in this cell
 */
public record CellConditions(Map<Outcome, Condition> when, Map<Outcome, Integer> counts, int running) {

    public CellConditions {
        when = Collections.unmodifiableMap(new LinkedHashMap<>(when));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        if (!when.keySet().equals(counts.keySet())) {
            throw new IllegalArgumentException("classes without counts, or counts without classes: " + when.keySet()
                    + " and " + counts.keySet());
        }
    }

    /** The options the cell's conditions name, in {@code order}'s order. */
    public List<String> deciding(List<String> order) {
        Set<String> named = new java.util.HashSet<>();
        when.values().forEach(c -> named.addAll(c.options()));
        return order.stream().filter(named::contains).toList();
    }
}

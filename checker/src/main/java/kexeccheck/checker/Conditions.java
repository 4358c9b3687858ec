package kexeccheck.checker;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each violated property of a check needs, over the options the request left open: the
 * configurations in which it can fail, and those in which it holds, each as a short
 * {@link Condition}. Exact: every valuation of the open options was classified by the solver
 * ({@link ViolationConditions}).
 *
 * @param space the options left open (more than one value in the request's scope), with their values
 * @param limit the most valuations the check was to classify: above it, nothing was
 * @param properties each violated property's conditions, by name, in the report's order; none when the
 *     space has more valuations than {@code limit}
 * @param verdict the check as a whole: it fails in the valuations where some violated property fails,
 *     and every property holds in the rest of those that run; absent when not computed
 * @param timing the solver time the classification cost
 */
public record Conditions(OptionSpace space, int limit, Map<String, OfProperty> properties,
        Optional<OfProperty> verdict, Timing timing) {

    public Conditions {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Whether the valuations were classified: no more of them than the limit. */
    public boolean computed() {
        return space.size() <= limit;
    }

    /** The options left open, each with its values in the request's scope, in the model's order. */
    public Map<String, List<String>> openOptions() {
        return space.domains();
    }

    /** How many valuations of the open options have a run at all: the same for every property. */
    public int running() {
        return properties.values().stream().mapToInt(OfProperty::running).findFirst().orElse(0);
    }

    /**
     * The options the verdict hangs on: those its conditions name. Empty when it does not hang on any
     * (it fails wherever a run exists) or when the conditions were not computed.
     */
    public List<String> deciding() {
        Set<String> named = new HashSet<>();
        verdict.ifPresent(v -> {
            named.addAll(v.failsWhen().options());
            named.addAll(v.holdsWhen().options());
        });
        return space.options().stream().filter(named::contains).toList();
    }

    /** The conditions of one property, if it was violated. */
    public Optional<OfProperty> of(String property) {
        return Optional.ofNullable(properties.get(property));
    }

    /**
     * One property's conditions.
     *
     * @param failsWhen the valuations with a run that violates it
     * @param holdsWhen the valuations with a run, none of which violates it ("never" when it fails
     *     wherever a run exists)
     * @param failing how many valuations of the open options fail
     * @param running how many valuations of the open options have a run at all (the rest are don't-cares
     *     of both descriptions)
     */
    public record OfProperty(Condition failsWhen, Condition holdsWhen, int failing, int running) {

        /** Whether the property fails in every configuration that runs (then there is no "holds when"). */
        public boolean failsWhereverItRuns() {
            return failing == running;
        }
    }
}

package kexeccheck.checker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.trace.Trace;

/**
 * The counterexamples a check shows beyond one per violated property, as a {@link CounterexampleChoice}
 * asked. The first one of each property is its {@link PropertyResult#counterexample()}; with
 * {@code where}, that one lies inside it.
 *
 * @param choice what was asked for
 * @param more per violated property, the counterexamples after the first, in the order found, each
 *     differing from every earlier one in its configuration or its chain, each shortest in its own
 * @param noneWhere the violated properties with no counterexample where {@code choice.where()} asks:
 *     they hold there (their first counterexample is then the whole scope's shortest)
 */
public record Counterexamples(CounterexampleChoice choice, Map<String, List<Trace>> more, List<String> noneWhere) {

    public Counterexamples {
        Map<String, List<Trace>> copy = new LinkedHashMap<>();
        more.forEach((p, ts) -> copy.put(p, List.copyOf(ts)));
        more = Collections.unmodifiableMap(copy);
        noneWhere = List.copyOf(noneWhere);
    }
}

package kexeccheck.checker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which counterexamples a check shows, apart from its verdict: the verdict is always over the whole
 * scope, but the counterexample shown for a violated property may be asked for from inside part of it
 * ({@code --where loader=ignores-reserved}), and more than one may be asked for, each differing from
 * the others in its configuration or its chain ({@code --counterexamples N}).
 *
 * @param where option values the shown counterexamples must have (none: any in the scope)
 * @param count how many to show per violated property, at most
 */
public record CounterexampleChoice(Map<String, String> where, int count) {

    /** One counterexample per violated property, the shortest in the whole scope. */
    public static final CounterexampleChoice STANDARD = new CounterexampleChoice(Map.of(), 1);

    public CounterexampleChoice {
        where = Collections.unmodifiableMap(new LinkedHashMap<>(where));
        if (count < 1) {
            throw new BadInputException("--counterexamples " + count + ": want at least 1");
        }
    }

    /** Whether this is {@link #STANDARD}: nothing to search beyond the verdict's own counterexamples. */
    public boolean isStandard() {
        return where.isEmpty() && count == 1;
    }

    /** The {@code where} values as {@code option=value} words, space-separated. */
    public String describeWhere() {
        return String.join(" ", where.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}

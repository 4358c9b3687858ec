package kexeccheck.checker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A set of option valuations written as a disjunction of conjunctions: each {@link Term} names, for
 * some options, the values it allows ({@code loader=ignores-reserved}, {@code firmware=efi|dt}); an
 * option a term does not name may take any value. No term at all is "never"; one term naming nothing
 * is "always".
 *
 * @param terms the conjunctions, fewest literals first
 * @param minimum whether no cover with fewer terms exists ({@link Implicants}: exact when the search
 *     is small, greedy otherwise)
 */
public record Condition(List<Term> terms, boolean minimum) {

    public Condition {
        terms = List.copyOf(terms);
    }

    /** Whether it holds of no valuation (an empty disjunction, which reports never print as such). */
    public boolean never() {
        return terms.isEmpty();
    }

    /** Whether it holds of every valuation: one term that names no option. */
    public boolean always() {
        return terms.size() == 1 && terms.get(0).literals().isEmpty();
    }

    /** Whether a valuation (one value per option; options the terms do not name are ignored) satisfies it. */
    public boolean test(Map<String, String> valuation) {
        return terms.stream().anyMatch(t -> t.test(valuation));
    }

    /** The options some term names. */
    public java.util.Set<String> options() {
        java.util.Set<String> named = new java.util.HashSet<>();
        terms.forEach(t -> named.addAll(t.literals().keySet()));
        return named;
    }

    /**
     * In words: {@code loader=ignores-reserved, or syscall=kexec-load and dtb=user-without-reserved};
     * "never" and "always" for the two constant conditions (callers say those their own way).
     */
    public String describe() {
        if (never()) return "never";
        if (always()) return "always";
        return terms.stream().map(Term::describe).collect(Collectors.joining(", or "));
    }

    /**
     * One conjunction: each option it names must take one of the values it lists.
     *
     * @param literals option to its allowed values (a non-empty proper subset of its values), in the
     *     options' order
     */
    public record Term(Map<String, List<String>> literals) {

        public Term {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            literals.forEach((option, values) -> copy.put(option, List.copyOf(values)));
            literals = Collections.unmodifiableMap(copy);
        }

        /** Whether a valuation satisfies every literal. */
        public boolean test(Map<String, String> valuation) {
            return literals.entrySet().stream().allMatch(l -> l.getValue().contains(valuation.get(l.getKey())));
        }

        /** In words: {@code syscall=kexec-load and firmware=efi|dt}. */
        public String describe() {
            return literals.entrySet().stream().map(l -> l.getKey() + "=" + String.join("|", l.getValue()))
                    .collect(Collectors.joining(" and "));
        }
    }
}

package kexeccheck.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * What a proposal changes: every configuration of a scope classified under two models, A and B,
 * and the configurations whose outcome class differs — the question a reviewer asks of a proposal.
 * Both models are classified exactly as {@code crosscheck} classifies one ({@link ConfigurationSpace}):
 * every chain of two kernels from the population, every value of every option, within the bounds.
 *
 * <p>The population is named in B's profiles; a profile B adds may stand for one of A's
 * ({@code linux-6.1+chosen} is {@code linux-6.1} with the patch applied), so that a chain with the
 * patch is compared with the same chain without it.
 */
public final class ProposalDiff {

    /** The class of a configuration a model admits no run of. */

    private ProposalDiff() {}

    /**
     * What to compare.
     *
     * @param modelA the model compared against (a shipped proposal's name or an .als file)
     * @param modelB the proposal under review
     * @param population the profiles of both kernels, as model B names them
     * @param pairs B's profiles that stand for another of A's profiles (B name to A name); the others are the same in both
     * @param options each option's values to cover (left out: all)
     * @param cpus the number of CPUs
     */
    public record Request(String modelA, String modelB, List<String> population, Map<String, String> pairs,
                          Map<String, List<String>> options, int cpus) {
        public Request {
            population = List.copyOf(population);
            pairs = java.util.Collections.unmodifiableMap(new TreeMap<>(pairs));
            options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        }

        /** A's name for one of B's profiles. */
        String inA(String profileB) {
            return pairs.getOrDefault(profileB, profileB);
        }
    }

    /**
     * One model's account of a configuration.
     *
     * @param outcome its class ({@code corruption} … {@code not-applicable}, or {@link Outcome#CANNOT_RUN})
     * @param first the first kernel's profile in this model
     * @param second the second kernel's profile in this model
     * @param evidence the run behind a failing class (null for safe, not-applicable and cannot-run)
     */
    public record Side(Outcome outcome, String first, String second, Trace evidence) {}

    /**
     * A configuration whose class differs.
     *
     * @param first the first kernel (B's name)
     * @param second the second kernel (B's name)
     * @param options one value of every option
     * @param a model A's account
     * @param b model B's account
     */
    public record Difference(String first, String second, Map<String, String> options, Side a, Side b) {

        /** {@code better} when B's class is milder, {@code worse} when it is more severe, else {@code changed}. */
        public String direction() {
            if (!a.outcome.isClass() || !b.outcome.isClass()) {
                return "changed";
            }
            return b.outcome.worseThan(a.outcome) ? "worse" : "better";
        }

        /** The side with the more severe class: the one whose counterexample explains the difference. */
        public Side worse() {
            return direction().equals("better") ? a : b;
        }
    }

    /**
     * The comparison.
     *
     * @param request what was compared
     * @param boundsA model A's bounds
     * @param boundsB model B's bounds
     * @param configurations how many configurations either model runs
     * @param differences every configuration whose class differs, smallest chain first
     * @param transitions for each (A class, B class) that differs, how many configurations
     * @param regions where the classes differ, chain by chain, in the options' terms
     * @param timing both models' solver time
     */
    public record Report(Request request, Bounds boundsA, Bounds boundsB, int configurations,
                         List<Difference> differences, Map<String, Integer> transitions, Regions regions,
                         Timing timing) {}

    /**
     * The configurations of one chain whose class changes from {@code a} to {@code b}.
     *
     * @param first the first kernel (B's name)
     * @param second the second kernel (B's name)
     * @param a the class under model A
     * @param b the class under model B
     * @param when those configurations, over the options left open (the chain's configurations that
     *     neither model runs are don't-cares)
     * @param configurations how many there are
     */
    public record Region(String first, String second, Outcome a, Outcome b, Condition when, int configurations) {}

    /**
     * Every region of a diff.
     *
     * @param openOptions the options with more than one value in the scope, with their values: what
     *     the regions' conditions range over
     * @param regions chain by chain (the differences' order), then by B's class, worst first
     */
    public record Regions(Map<String, List<String>> openOptions, List<Region> regions) {
        public Regions {
            openOptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(openOptions));
            regions = List.copyOf(regions);
        }
    }

    /**
     * Classifies the scope under both models and compares.
     *
     * @throws BadInputException for an unknown model, profile, pairing or option value
     */
    public static Report run(Request request) {
        ModelDescription a = ModelDescription.of(request.modelA());
        ModelDescription b = ModelDescription.of(request.modelB());
        for (String p : request.pairs().keySet()) {
            if (!request.population().contains(p)) {
                throw new BadInputException("--pair " + p + "=" + request.pairs().get(p) + ": " + p
                        + " is not in the population");
            }
        }
        List<String> populationA = new ArrayList<>();
        for (String p : request.population()) {
            if (!b.profiles().containsKey(p)) {
                throw new BadInputException("unknown profile '" + p + "' in model " + b.model() + " (B; known: "
                        + String.join(", ", b.profiles().keySet()) + ")");
            }
            String inA = request.inA(p);
            if (!a.profiles().containsKey(inA)) {
                throw new BadInputException("profile '" + inA + "' is not in model " + a.model() + " (A; known: "
                        + String.join(", ", a.profiles().keySet()) + ")"
                        + (inA.equals(p) ? "; say which of A's profiles it stands for with --pair " + p + "=PROFILE" : ""));
            }
            if (!populationA.contains(inA)) {
                populationA.add(inA);
            }
        }
        Map<String, List<String>> reverse = new HashMap<>();
        request.population().forEach(p -> reverse.computeIfAbsent(request.inA(p), x -> new ArrayList<>()).add(p));

        Map<Key, Side> sideA = new HashMap<>();
        ConfigurationSpace.Summary summaryA = classify(request.modelA(), populationA, request, v -> {
            Side s = side(v);
            for (String first : reverse.get(v.first())) {
                for (String second : reverse.get(v.second())) {
                    sideA.put(new Key(first, second, v.options()), s);
                }
            }
        });
        Map<Key, Side> sideB = new HashMap<>();
        ConfigurationSpace.Summary summaryB = classify(request.modelB(), request.population(), request,
                v -> sideB.put(new Key(v.first(), v.second(), v.options()), side(v)));

        Set<Key> all = new TreeSet<>(Key.ORDER);
        all.addAll(sideA.keySet());
        all.addAll(sideB.keySet());
        List<Difference> differences = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        for (Key k : all) {
            Side sa = sideA.getOrDefault(k, new Side(Outcome.CANNOT_RUN, request.inA(k.first), request.inA(k.second), null));
            Side sb = sideB.getOrDefault(k, new Side(Outcome.CANNOT_RUN, k.first, k.second, null));
            if (sa.outcome() != sb.outcome()) {
                differences.add(new Difference(k.first, k.second, k.options, sa, sb));
                transitions.merge(sa.outcome() + " -> " + sb.outcome(), 1, Integer::sum);
            }
        }
        Regions regions = DiffRegions.of(differences,
                all.stream().map(k -> new DiffRegions.Classified(k.first, k.second, k.options)).toList());
        return new Report(request, summaryA.bounds(), summaryB.bounds(), all.size(), List.copyOf(differences),
                transitions, regions, summaryA.timing().plus(summaryB.timing()));
    }

    private static ConfigurationSpace.Summary classify(String model, List<String> population, Request request,
                                                       java.util.function.Consumer<ConfigurationSpace.Verdict> verdicts) {
        ConfigurationSpace.Scope scope = new ConfigurationSpace.Scope(model, population, request.options(), request.cpus());
        return ConfigurationSpace.of(scope).classify(request.options(), verdicts);
    }

    /** A verdict as one side of a comparison: a failing class keeps the run behind it. */
    private static Side side(ConfigurationSpace.Verdict v) {
        boolean failing = v.outcome().compareTo(Outcome.SAFE) < 0;
        return new Side(v.outcome(), v.first(), v.second(), failing ? v.evidence().get() : null);
    }

    /** A configuration in B's names: the chain's two profiles and one value of every option. */
    private record Key(String first, String second, Map<String, String> options) {
        Key {
            options = new TreeMap<>(options);
        }

        static final Comparator<Key> ORDER = Comparator.comparing(Key::first).thenComparing(Key::second)
                .thenComparing(k -> k.options.toString());
    }

}

package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * The checker's outcome class of every configuration of a scope — every chain of two (or, with
 * {@link Scope#kernels}, more) kernels from a population, every value of every option — each
 * decided as {@code check --chain A,B} (or {@code A,B,C}) with every option fixed would decide it.
 * As an exact {@code --chain} does, the scope's chains enter every kernel but the first and the
 * last by a normal kexec: a crash kexec ({@code kexec=crash}) enters the last kernel only.
 *
 * <p>One translation per question, worst class first (corruption, lost LPIs, each outcome
 * witness, then safe, then not-applicable); each question enumerates, on one incremental solver,
 * the configurations where its answer is yes and that no earlier question settled
 * ({@link RunEnumerator}). A configuration no question reaches cannot run. The model is parsed
 * once per scope ({@link #of}) for every question asked of it.
 */
public final class ConfigurationSpace {

    private final ModelSource source;
    private final Scope scope;
    private final LoadedModel model;

    private ConfigurationSpace(ModelSource source, Scope scope, LoadedModel model) {
        this.source = source;
        this.scope = scope;
        this.model = model;
    }

    /**
     * Parses the scope's model once, for every question asked of the scope.
     *
     * @throws BadInputException for an unknown or broken model
     */
    public static ConfigurationSpace of(Scope scope) {
        // the bounds depend on the chain and the CPUs only, never on the option values
        LoadedModel model = LoadedModel.forRequest(request(scope, scope.options()));
        return new ConfigurationSpace(model.source(), scope, model);
    }

    /**
     * What to classify.
     *
     * @param model a shipped proposal's name or an {@code .als} file
     * @param population the profiles every kernel of a chain is drawn from
     * @param options each option's values to cover (an option left out covers all its values)
     * @param cpus the number of CPUs
     * @param kernels how many kernels every chain has: 2 or more
     */
    public record Scope(String model, List<String> population, Map<String, List<String>> options, int cpus,
            int kernels) {
        public Scope {
            population = List.copyOf(population);
            options = Collections.unmodifiableMap(new TreeMap<>(options));
            if (kernels < 2) {
                throw new BadInputException("--kernels " + kernels + ": a chain to classify has at least two kernels");
            }
        }

        /** Chains of {@link CheckRequest#DEFAULT_KERNELS} (two) kernels. */
        public Scope(String model, List<String> population, Map<String, List<String>> options, int cpus) {
            this(model, population, options, cpus, CheckRequest.DEFAULT_KERNELS);
        }
    }

    /**
     * One configuration's class, reported while its run is at hand.
     *
     * @param chain each kernel's profile, K1 first
     * @param options one value of every option
     * @param outcome its class
     * @param evidence the run behind the class (extracted on demand, valid only during the callback)
     */
    public record Verdict(List<String> chain, Map<String, String> options, Outcome outcome,
            Supplier<Trace> evidence) {
        public Verdict {
            chain = List.copyOf(chain);
        }

        /** The first kernel's profile. */
        public String first() {
            return chain.get(0);
        }

        /** The second kernel's profile. */
        public String second() {
            return chain.get(1);
        }
    }

    /**
     * How the classification went.
     *
     * @param model the model's name
     * @param bounds the bounds of every verdict
     * @param classified how many configurations can run
     * @param timing the solver time
     */
    public record Summary(String model, Bounds bounds, int classified, Timing timing) {}

    /**
     * Classifies every configuration of the scope, narrowed to {@code options}, that can run,
     * telling {@code verdicts} each one as it is found; the configurations never told cannot run.
     *
     * @throws BadInputException for an unknown profile or option value
     */
    public Summary classify(Map<String, List<String>> options, Consumer<Verdict> verdicts) {
        return classify(options, scope.population(), verdicts);
    }

    /**
     * Classifies, as {@link #classify(Map, Consumer)} does, only the configurations whose first
     * kernel runs one of {@code firstProfiles}: one shard of a cross-check.
     *
     * @throws BadInputException for an unknown profile or option value
     */
    public Summary classify(Map<String, List<String>> options, List<String> firstProfiles, Consumer<Verdict> verdicts) {
        String runs = runs(options) + " and firstKernel.profile in " + (firstProfiles.isEmpty() ? "none"
                : String.join(" + ", firstProfiles.stream().map(p -> model.vocabulary().profileAlloy(p, source.name()))
                        .toList()));
        List<String> distinguishing = new ArrayList<>(List.of("Kernel.profile"));
        model.vocabulary().optionFields().values().forEach(f -> distinguishing.add("Config." + f));

        Annotations a = model.annotations();
        String applicable = a.applicable().orElse("some Config");
        String lastIsUp = "(Machine.running = lastKernel and Machine.phase = Up)";
        List<Question> questions = new ArrayList<>();
        a.questionsWorstFirst()
                .forEach(q -> questions.add(new Question(q.outcome(), q.name(), q.bad(), "some Config", q.properties())));
        questions.add(new Question(Outcome.SAFE, "runs", lastIsUp, applicable, List.of()));
        questions.add(new Question(Outcome.NOT_APPLICABLE, "runs", lastIsUp, "not (" + applicable + ")", List.of()));

        List<RunEnumerator.Valuation> settled = new ArrayList<>();
        Timing timing = Timing.NONE;
        for (Question q : questions) {
            RunEnumerator runsOf = RunEnumerator.start(model, runs + " and (" + q.condition() + ") and eventually ("
                    + q.reached() + ")", distinguishing);
            settled.forEach(runsOf::exclude);
            for (Optional<A4Solution> s = runsOf.next(); s.isPresent(); s = runsOf.next()) {
                settled.add(runsOf.valuation());
                A4Solution solution = s.get();
                Configuration c = TraceExtractor.configuration(model, solution);
                verdicts.accept(new Verdict(c.chain().stream().map(Configuration.KernelInstance::profile).toList(),
                        c.options(), q.outcome(), () -> TraceExtractor.extract(model, solution, q.reached(),
                        q.properties(), q.name(), q.outcome())));
            }
            timing = timing.plus(runsOf.timing());
        }
        return new Summary(source.name(), model.bounds(), settled.size(), timing);
    }

    /**
     * The world a model admits within a scope: a proposal may take some things as given (the
     * seed's takes an LPI region in the board's device tree as given, the bootloader proposal the
     * pre-programming firmware). These are questions about which boards and options exist, not
     * about any kernel's behaviour.
     *
     * @param options each option's values that occur in some run (in the order asked)
     * @param boardsWithoutLpiRegion whether some run's board describes no LPI region
     */
    public record World(Map<String, List<String>> options, boolean boardsWithoutLpiRegion) {}

    /** Which of these option values, and which boards, the model admits within the scope. */
    public World admitted(Map<String, List<String>> values) {
        String runs = runs(scope.options());
        // one enumeration of the option combinations that occur: at most a few hundred SAT calls
        Map<String, Set<String>> seen = new HashMap<>();
        List<String> fields = values.keySet().stream().map(o -> "Config." + model.vocabulary().optionFields().get(o))
                .toList();
        RunEnumerator e = RunEnumerator.start(model, runs, fields);
        for (Optional<A4Solution> s = e.next(); s.isPresent(); s = e.next()) {
            TraceExtractor.configuration(model, s.get()).options()
                    .forEach((o, v) -> seen.computeIfAbsent(o, x -> new HashSet<>()).add(v));
        }
        Map<String, List<String>> admitted = new LinkedHashMap<>();
        values.forEach((option, vs) -> admitted.put(option,
                vs.stream().filter(v -> seen.getOrDefault(option, Set.of()).contains(v)).toList()));
        return new World(admitted, model.solve(runs + " and no region", 1).found());
    }

    /** Every run of the scope's chains with these option values. */
    private String runs(Map<String, List<String>> options) {
        return QueryText.runs(QueryText.configuration(request(scope, options), model.vocabulary(), source.name())
                + " and " + MIDDLE_BY_KEXEC);
    }

    /**
     * The model lets any kernel after the first be entered by a crash kexec; the scope's chains, like an
     * exact {@code --chain} ({@link QueryText}) and the simulator's, enter only the last one so (none
     * with two kernels: there is no middle).
     */
    private static final String MIDDLE_BY_KEXEC = "(all k: Kernel - firstKernel - lastKernel | k.entry = kexec_entry)";

    /** The bounds come from the population and the chain length: exactly {@code scope.kernels()} kernels. */
    private static CheckRequest request(Scope scope, Map<String, List<String>> options) {
        return new CheckRequest(scope.model(), List.of(), scope.population(), scope.kernels(), options, scope.cpus(),
                Optional.empty(), Optional.empty(), List.of());
    }

    /** Is there a run, satisfying {@code condition} throughout, where {@code reached} eventually holds? */
    private record Question(Outcome outcome, String name, String reached, String condition,
                            List<Annotations.Annotated> properties) {}
}

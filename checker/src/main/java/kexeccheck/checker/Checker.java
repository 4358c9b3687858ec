package kexeccheck.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * Checks a request: is the configuration realisable, does the question
 * apply, which properties hold, and what is the worst outcome class.
 *
 * <p>Queries, each over every configuration the request allows at once
 * (the configuration is atoms the solver chooses):
 * <ol>
 *   <li>the properties: a run where some property not yet settled eventually fails; every
 *       property that run violates is settled, and shortened until no shorter run violates it,
 *       so each counterexample reported is a shortest one; asked again until nothing fails;</li>
 *   <li>if nothing fails, whether that is because nothing can run (inconsistent options: bad
 *       input) or nothing applies (the model's {@code @applicable} predicate: not-applicable);</li>
 *   <li>if every property holds: each {@code @outcome} witness, worst first;</li>
 *   <li>what held within the bounds (properties, and the absence of the witnesses not reached):
 *       a proof for runs of any length ({@link Induction}); without one, it holds up to the bounds.</li>
 *   <li>when asked, for each violated property: in which valuations of the options left open it fails,
 *       and in which it holds ({@link ViolationConditions}).</li>
 * </ol>
 */
public final class Checker {

    private Checker() {}

    /**
     * Runs a check, and tries to prove what holds for runs of any length.
     *
     * @throws BadInputException for a model that does not parse, unknown names or inconsistent options
     */
    public static CheckReport check(CheckRequest request) {
        return check(request, true);
    }

    /**
     * Runs a check; with {@code prove} false, what holds is only said to hold within the bounds,
     * which saves the proof's queries.
     *
     * @throws BadInputException for a model that does not parse, unknown names or inconsistent options
     */
    public static CheckReport check(CheckRequest request, boolean prove) {
        return check(request, prove, stage -> { });
    }

    /**
     * Runs a check as {@link #check(CheckRequest, boolean)} does, telling {@code stage} what it is
     * doing before each step that can take long (parsing, each solver question, the proof), so that a
     * person waiting at a terminal sees where the time goes.
     *
     * @throws BadInputException for a model that does not parse, unknown names or inconsistent options
     */
    public static CheckReport check(CheckRequest request, boolean prove, Consumer<String> stage) {
        return check(request, prove, 0, stage);
    }

    /**
     * Runs a check as {@link #check(CheckRequest, boolean, Consumer)} does, and, when some property is
     * violated, says in which valuations of the options left open each violated property fails and in
     * which it holds ({@link Conditions}, {@link ViolationConditions}): classified one by one, so only
     * when they are at most {@code conditionsUpTo}; above that (and with 0) the report says they were
     * not computed, and why.
     *
     * @param conditionsUpTo the most valuations of the open options to classify; 0 for none
     * @throws BadInputException for a model that does not parse, unknown names or inconsistent options
     */
    public static CheckReport check(CheckRequest request, boolean prove, int conditionsUpTo, Consumer<String> stage) {
        return check(request, prove, conditionsUpTo, CounterexampleChoice.STANDARD, stage);
    }

    /**
     * Runs a check as {@link #check(CheckRequest, boolean, int, Consumer)} does, showing the counterexamples
     * {@code choice} asks for: the verdict stays the whole scope's.
     *
     * @throws BadInputException also for a {@code where} option or value the model does not have
     */
    public static CheckReport check(CheckRequest request, boolean prove, int conditionsUpTo,
            CounterexampleChoice choice, Consumer<String> stage) {
        long start = System.nanoTime();
        stage.accept("loading model " + request.model());
        LoadedModel model = LoadedModel.forRequest(request);
        ModelSource source = model.source();
        Bounds bounds = model.bounds();
        Annotations annotations = model.annotations();
        List<Annotations.Annotated> selected = selectProperties(annotations, request.properties(), source.name());
        String configuration = QueryText.configuration(request, model.vocabulary(), source.name());
        String runs = QueryText.runs(configuration);
        Query query = new Query(model, runs);
        requireInScope(choice, request, model.vocabulary());
        BoundsCut.requireEveryValueRuns(request, model, runs, reachesEnd(request));

        Map<Annotations.Annotated, Optional<Trace>> verdicts = findViolations(query, selected, stage);
        boolean anyViolated = verdicts.values().stream().anyMatch(Optional::isPresent);
        Optional<Counterexamples> shown = Optional.empty();
        if (!choice.isStandard() && anyViolated) {
            shown = Optional.of(choose(new CounterexampleSearch(query, model.vocabulary(), source.name(), choice),
                    verdicts, stage));
        }
        Outcome outcome = selected.stream().filter(p -> verdicts.get(p).isPresent()).map(Annotations.Annotated::outcome)
                .reduce(Outcome.SAFE, Outcome::worst);
        Optional<Trace> witness = Optional.empty();
        boolean applies = true;
        List<String> unreached = new ArrayList<>();
        if (anyViolated) {
            // a witness of a class worse than the worst violation still decides the outcome (fail-stop beats a leak)
            Optional<Witnessed> worse = firstWitness(query, annotations, outcome, stage, new ArrayList<>());
            if (worse.isPresent()) {
                outcome = worse.get().outcome();
                witness = Optional.of(worse.get().trace());
            }
        } else {
            // nothing fails: make sure that is not because nothing can run, or nothing applies
            String applicable = annotations.applicable().orElse("some Config");
            stage.accept("making sure some configuration runs and applies");
            if (!query.exists(runs + " and " + reachesEnd(request) + " and " + applicable)) {
                if (!query.exists(runs + " and " + reachesEnd(request))) {
                    requireRoomToRun(request, bounds);
                    model.requireSomeRun(); // a vacuous model is the model's fault, not the options'
                    throw new BadInputException("the options are inconsistent with model " + source.name()
                            + ": no configuration " + describeChain(request) + " can run (check --kexec against"
                            + " capture-kernel profiles, and --firmware against the model)");
                }
                applies = false;
                outcome = Outcome.NOT_APPLICABLE;
            } else {
                Optional<Witnessed> reached = firstWitness(query, annotations, Outcome.SAFE, stage, unreached);
                if (reached.isPresent()) {
                    outcome = reached.get().outcome();
                    witness = Optional.of(reached.get().trace());
                }
            }
        }
        List<String> held = selected.stream().filter(p -> verdicts.get(p).isEmpty())
                .map(Annotations.Annotated::predicate).toList();
        Optional<Proof> proof = Optional.empty();
        if (prove && applies && !held.isEmpty()) {
            List<String> goals = new ArrayList<>(held);
            goals.addAll(unreached);
            stage.accept("proving what holds for chains of any length (k-induction)");
            proof = Optional.of(Induction.prove(model, configuration, goals));
        }
        List<PropertyResult> results = new ArrayList<>();
        for (Annotations.Annotated p : selected) {
            Optional<Trace> trace = verdicts.get(p);
            PropertyResult.Status status = !applies ? PropertyResult.Status.NOT_APPLICABLE
                    : trace.isPresent() ? PropertyResult.Status.VIOLATED : PropertyResult.Status.HOLDS;
            if (status == PropertyResult.Status.VIOLATED) {
                outcome = outcome.worst(p.outcome());
            }
            results.add(new PropertyResult(p.name(), p.outcome(), status, bounds, trace,
                    query.timingOf(p.predicate()), p.source() + ":" + p.line(),
                    status == PropertyResult.Status.HOLDS && proof.map(pr -> pr.proves(p.predicate())).orElse(false)));
        }
        Optional<Conditions> described = Optional.empty();
        if (conditionsUpTo > 0 && anyViolated) {
            described = Optional.of(describe(model, request, runs,
                    selected.stream().filter(p -> verdicts.get(p).isPresent()).toList(), conditionsUpTo, stage));
        }
        Timing timing = proof.map(pr -> query.total().plus(pr.timing())).orElse(query.total());
        timing = described.map(Conditions::timing).map(timing::plus).orElse(timing);
        long wall = (System.nanoTime() - start) / 1_000_000;
        return new CheckReport(source.name(), request, explored(request, model.vocabulary()), outcome, bounds,
                results, witness, proof, timing, wall, described, shown);
    }

    /** Refuses, before any solving, a {@code --where} value the model lacks or the request's scope leaves out. */
    private static void requireInScope(CounterexampleChoice choice, CheckRequest request, Vocabulary vocabulary) {
        choice.where().forEach((option, value) -> {
            vocabulary.requireValue(option, value);
            List<String> scope = request.options().getOrDefault(option, List.of());
            if (!scope.isEmpty() && !scope.contains(value)) {
                throw new BadInputException("--where " + option + "=" + value + " is outside the scope checked (--"
                        + option + " " + String.join(",", scope) + "): --where picks a counterexample inside it");
            }
        });
    }

    /**
     * The counterexamples {@code search} finds for each violated property; the first of each replaces its
     * verdict's own in {@code verdicts} (a property with none where asked keeps the whole scope's).
     */
    private static Counterexamples choose(CounterexampleSearch search,
            Map<Annotations.Annotated, Optional<Trace>> verdicts, Consumer<String> stage) {
        Map<String, List<Trace>> more = new LinkedHashMap<>();
        List<String> noneWhere = new ArrayList<>();
        for (Map.Entry<Annotations.Annotated, Optional<Trace>> v : verdicts.entrySet()) {
            if (v.getValue().isEmpty()) {
                continue;
            }
            stage.accept("looking for the counterexamples of " + v.getKey().name() + " asked for");
            List<Trace> found = search.of(v.getKey(), v.getValue().get());
            if (found.isEmpty()) {
                noneWhere.add(v.getKey().name());
                continue;
            }
            v.setValue(Optional.of(found.get(0)));
            more.put(v.getKey().name(), found.subList(1, found.size()));
        }
        return new Counterexamples(search.choice(), more, noneWhere);
    }

    /**
     * Everything about a request that can be wrong before any solving: the model parses, its profiles,
     * option values and properties are the model's. What {@link #check} would refuse first, for a caller
     * that runs several checks and should refuse a bad one before the first has run (a gate).
     *
     * @throws BadInputException as {@link #check} would
     */
    public static void validate(CheckRequest request) {
        LoadedModel model = LoadedModel.forRequest(request);
        selectProperties(model.annotations(), request.properties(), model.source().name());
        QueryText.configuration(request, model.vocabulary(), model.source().name());
    }

    /**
     * The report with the {@link Conditions} of its violated properties, for a caller that learns only from
     * the verdict whether it wants them (a gate check that fails): the same as asking
     * {@link #check(CheckRequest, boolean, int, Consumer)} for them, at the cost of parsing the model again.
     *
     * @param upTo the most valuations of the open options to classify
     */
    public static CheckReport withConditions(CheckReport report, int upTo, Consumer<String> stage) {
        List<String> violated = report.properties().stream().filter(p -> p.status() == PropertyResult.Status.VIOLATED)
                .map(PropertyResult::name).toList();
        if (violated.isEmpty() || upTo <= 0) {
            return report;
        }
        CheckRequest request = report.request();
        LoadedModel model = LoadedModel.forRequest(request);
        List<Annotations.Annotated> properties = model.annotations().properties().stream()
                .filter(p -> violated.contains(p.name())).toList();
        String runs = QueryText.runs(QueryText.configuration(request, model.vocabulary(), model.source().name()));
        Conditions c = describe(model, request, runs, properties, upTo, stage);
        return new CheckReport(report.model(), request, report.explored(), report.outcome(), report.bounds(),
                report.properties(), report.outcomeWitness(), report.proof(), report.timing().plus(c.timing()),
                report.wallMillis(), Optional.of(c));
    }

    private static Conditions describe(LoadedModel model, CheckRequest request, String runs,
            List<Annotations.Annotated> violated, int upTo, Consumer<String> stage) {
        return ViolationConditions.find(model, runs, reachesEnd(request), OptionSpace.open(request, model.vocabulary()),
                violated, upTo, stage);
    }

    /**
     * Which properties some run violates, each with a shortest counterexample. One query asks
     * whether any of the remaining properties can fail; the run it finds settles every property
     * it violates, and the rest are asked again, until a query finds nothing.
     */
    /** An outcome witness reached: its class and its run. */
    private record Witnessed(Outcome outcome, Trace trace) {}

    /**
     * The first outcome witness reached, worst first, among those of a class worse than {@code than};
     * each one not reached before it goes into {@code unreached} as a goal ({@code not P}) for the proof.
     */
    private static Optional<Witnessed> firstWitness(Query query, Annotations annotations, Outcome than,
            Consumer<String> stage, List<String> unreached) {
        for (Annotations.Annotated w : annotations.outcomesWorstFirst()) {
            if (!w.outcome().worseThan(than)) {
                break; // worst first: no worse witness is left
            }
            stage.accept("looking for a run that reaches " + w.name());
            Optional<Trace> t = query.witness(w.predicate(), w.name(), w.outcome());
            if (t.isPresent()) {
                return Optional.of(new Witnessed(w.outcome(), t.get()));
            }
            unreached.add("not " + w.predicate());
        }
        return Optional.empty();
    }

    private static Map<Annotations.Annotated, Optional<Trace>> findViolations(
            Query query, List<Annotations.Annotated> properties, Consumer<String> stage) {
        Map<Annotations.Annotated, Optional<Trace>> verdicts = new LinkedHashMap<>();
        List<Annotations.Annotated> open = new ArrayList<>(properties);
        while (!open.isEmpty()) {
            stage.accept("looking for a run that violates " + (open.size() == 1 ? open.get(0).name()
                    : "any of " + open.size() + " properties"));
            Optional<LoadedModel.SolveResult> run = query.find(Annotations.anyFails(open), open);
            if (run.isEmpty()) {
                open.forEach(p -> verdicts.put(p, Optional.empty()));
                break;
            }
            for (Annotations.Annotated p : List.copyOf(open)) {
                if (query.violates(run.get(), p.predicate())) {
                    stage.accept("shortening the counterexample of " + p.name());
                    verdicts.put(p, Optional.of(query.shortest(run.get(), p)));
                    open.remove(p);
                }
            }
        }
        return verdicts;
    }

    /**
     * Refuses --steps or --frames below what the chain needs to run at all, before anything else
     * (the options, the model) is blamed for there being no run.
     */
    private static void requireRoomToRun(CheckRequest request, Bounds bounds) {
        int steps = BoundsPolicy.completeSteps(request.chainLength());
        int frames = BoundsPolicy.sufficientFrames(request.chainLength(), request.cpus());
        if (bounds.steps() < steps || bounds.frames() < frames) {
            throw new BadInputException("no run fits in the bounds given (" + bounds.describe() + "): a chain of "
                    + request.chainLength() + " kernels at " + request.cpus() + " CPUs needs up to " + steps
                    + " states and " + frames + " frames to run every kernel's events (leave --steps and --frames out)");
        }
    }

    private static String reachesEnd(CheckRequest request) {
        // an exact chain must be able to run to its last kernel, or end early in a kernel's death
        // (a fail-stop run is a run); a population just has to run
        return request.chain().isEmpty() ? "some Config"
                : "eventually ((Machine.running = lastKernel and Machine.phase = Up) or Machine.phase = Panicked)";
    }

    private static String describeChain(CheckRequest request) {
        return request.chain().isEmpty() ? "of these profiles" : "with the chain " + String.join(",", request.chain());
    }

    private static List<Annotations.Annotated> selectProperties(Annotations annotations, List<String> names, String model) {
        if (annotations.properties().isEmpty()) {
            throw new BadInputException(model + ": declares no property (annotate a pred with '-- @property CLASS')");
        }
        if (names.isEmpty()) {
            return annotations.properties();
        }
        List<Annotations.Annotated> out = new ArrayList<>();
        for (String name : names) {
            out.add(annotations.properties().stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> {
                        List<String> known = annotations.properties().stream().map(Annotations.Annotated::name).toList();
                        return new BadInputException("unknown property '" + name + "' in model " + model + " (known: "
                                + String.join(", ", known) + ModelErrors.didYouMean(name, known) + ")");
                    }));
        }
        return out;
    }

    private static Map<String, List<String>> explored(CheckRequest request, Vocabulary vocabulary) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!request.chain().isEmpty()) {
            out.put("chain", request.chain());
        } else {
            out.put("population", request.population().isEmpty()
                    ? List.copyOf(vocabulary.profiles().keySet()) : request.population());
        }
        vocabulary.options().forEach((option, values) -> {
            List<String> chosen = request.options().get(option);
            out.put(option, chosen == null || chosen.isEmpty() ? values : chosen);
        });
        return out;
    }
}

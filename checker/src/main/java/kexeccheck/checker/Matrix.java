package kexeccheck.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Trace;

/**
 * The compatibility matrix: the outcome class of every ordered pair A → B of a population, one
 * table per firmware × hardware combination, each failing cell with the counterexample behind it.
 *
 * <p>The model is parsed once. Per table, one query per outcome class asks for any cell not yet
 * classified where that class arises; the cell the run names takes the class, and the query is
 * asked again without it, until none is left. The cells left over run safely (one more query
 * per cell confirms the chain can run at all; one that cannot is {@link CellOutcome#impossible}).
 */
public final class Matrix {

    private Matrix() {}

    /**
     * What to tabulate.
     *
     * @param model a shipped proposal's name or an {@code .als} file
     * @param population the profiles of the rows and columns
     * @param options the other configuration options (firmware and hardware, if given, choose the tables)
     * @param cpus the number of CPUs
     */
    public record Request(String model, List<String> population, Map<String, List<String>> options, int cpus) {
        public Request {
            population = List.copyOf(population);
            options = Map.copyOf(options);
            if (population.isEmpty()) {
                throw new BadInputException("the matrix needs a --population of profiles for its rows and columns");
            }
        }
    }

    /** A cell's verdict: an outcome class, or a chain that cannot run at all. */
    public record CellOutcome(Optional<Outcome> outcome) {
        static CellOutcome of(Outcome o) {
            return new CellOutcome(Optional.of(o));
        }

        /** The chain cannot run (e.g. a capture kernel booted by firmware). */
        public static CellOutcome impossible() {
            return new CellOutcome(Optional.empty());
        }
    }

    /**
     * One cell: chain {@code from} → {@code to}.
     *
     * @param from the first kernel's profile (the row)
     * @param to the second kernel's profile (the column)
     * @param outcome its class
     * @param evidence the run behind a failing or recoverable cell
     */
    public record Cell(String from, String to, CellOutcome outcome, Optional<Trace> evidence) {}

    /**
     * One table.
     *
     * @param firmware the firmware of every cell
     * @param hardware the hardware of every cell
     * @param cells row by row, in population order
     */
    public record Table(String firmware, String hardware, List<Cell> cells) {}

    /**
     * The whole matrix.
     *
     * @param model the model
     * @param population rows and columns
     * @param options the options every cell shares
     * @param bounds the bounds of every cell
     * @param tables one per firmware × hardware
     * @param timing the solver time
     * @param wallMillis the wall time
     */
    public record Report(String model, List<String> population, Map<String, List<String>> options, Bounds bounds,
            List<Table> tables, Timing timing, long wallMillis) {}

    /** Progress: cells classified so far, out of how many. */
    public record Progress(int done, int total, long elapsedMillis) {}

    /**
     * Computes the matrix.
     *
     * @param progress told after every classified cell
     * @throws BadInputException for an unknown model, profile or option value
     */
    public static Report compute(Request request, Consumer<Progress> progress) {
        long start = System.nanoTime();
        ModelSource source = ModelSource.resolve(request.model());
        CheckRequest pairs = new CheckRequest(request.model(), List.of(), request.population(), 2, request.options(),
                request.cpus(), Optional.empty(), Optional.empty(), List.of());
        Bounds bounds = BoundsPolicy.forRequest(source, pairs);
        LoadedModel model = LoadedModel.load(source, bounds);
        Vocabulary vocabulary = model.vocabulary();
        List<String> firmwares = request.options().getOrDefault("firmware", vocabulary.options().get("firmware"));
        List<String> hardwares = request.options().getOrDefault("hardware", vocabulary.options().get("hardware"));
        int total = firmwares.size() * hardwares.size() * request.population().size() * request.population().size();
        int[] done = {0};
        Timing timing = Timing.NONE;
        List<Table> tables = new ArrayList<>();
        for (String firmware : firmwares) {
            for (String hardware : hardwares) {
                Map<String, List<String>> options = new LinkedHashMap<>(request.options());
                options.put("firmware", List.of(firmware));
                options.put("hardware", List.of(hardware));
                CheckRequest table = new CheckRequest(request.model(), List.of(), request.population(), 2, options,
                        request.cpus(), Optional.empty(), Optional.empty(), List.of());
                Query query = new Query(model, QueryText.runs(QueryText.configuration(table, vocabulary, source.name())));
                TableBuilder builder = new TableBuilder(model, query, request.population(), vocabulary, source.name(),
                        () -> progress.accept(new Progress(++done[0], total, (System.nanoTime() - start) / 1_000_000)));
                tables.add(new Table(firmware, hardware, builder.build()));
                timing = timing.plus(query.total());
            }
        }
        return new Report(source.name(), request.population(), request.options(), bounds, tables, timing,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Fills one table, class by class, worst first. */
    private static final class TableBuilder {
        private final LoadedModel model;
        private final Query query;
        private final Vocabulary vocabulary;
        private final String modelName;
        private final Runnable classified;
        private final Map<List<String>, Cell> cells = new LinkedHashMap<>();
        private final List<List<String>> open = new ArrayList<>();

        TableBuilder(LoadedModel model, Query query, List<String> population, Vocabulary vocabulary, String modelName,
                Runnable classified) {
            this.model = model;
            this.query = query;
            this.vocabulary = vocabulary;
            this.modelName = modelName;
            this.classified = classified;
            for (String from : population) {
                for (String to : population) {
                    open.add(List.of(from, to));
                    cells.put(List.of(from, to), null);
                }
            }
        }

        List<Cell> build() {
            Annotations a = model.annotations();
            String applicable = a.applicable().orElse("some Config");
            if (!query.exists(query.runs() + " and " + applicable)) {
                settleAll(CellOutcome.of(Outcome.NOT_APPLICABLE), "eventually (Machine.running = lastKernel)");
                return List.copyOf(cells.values());
            }
            for (Outcome cls : List.of(Outcome.CORRUPTION, Outcome.LOST_LPIS)) {
                List<Annotations.Annotated> props = a.properties().stream().filter(p -> p.outcome() == cls).toList();
                if (!props.isEmpty()) {
                    String fails = "not (" + String.join(" and ", props.stream().map(p -> "(" + p.predicate() + ")").toList()) + ")";
                    classify(cls, fails, props.get(0).name());
                }
            }
            for (Annotations.Annotated w : a.outcomes()) {
                classify(w.outcome(), w.predicate(), w.name());
            }
            settleAll(CellOutcome.of(Outcome.SAFE), "eventually (Machine.running = lastKernel and Machine.phase = Up)");
            return List.copyOf(cells.values());
        }

        /** Gives {@code cls} to every open cell where {@code reached} eventually holds in some run. */
        private void classify(Outcome cls, String reached, String name) {
            while (!open.isEmpty()) {
                Optional<LoadedModel.SolveResult> run = query.findRun(openCells() + " and eventually (" + reached + ")");
                if (run.isEmpty()) {
                    return;
                }
                Trace trace = TraceExtractor.extract(model, run.get().solution(), reached, name, cls);
                List<String> cell = List.of(trace.configuration().chain().get(0).profile(),
                        trace.configuration().chain().get(1).profile());
                settle(cell, CellOutcome.of(cls), Optional.of(trace));
            }
        }

        /** Gives {@code outcome} to every open cell whose chain can run; the rest cannot. */
        private void settleAll(CellOutcome outcome, String runsToEnd) {
            while (!open.isEmpty()) {
                Optional<LoadedModel.SolveResult> run = query.findRun(openCells() + " and " + runsToEnd);
                if (run.isEmpty()) {
                    break;
                }
                settle(chainOf(run.get()), outcome, Optional.empty());
            }
            for (List<String> cell : List.copyOf(open)) {
                settle(cell, CellOutcome.impossible(), Optional.empty());
            }
        }

        private void settle(List<String> cell, CellOutcome outcome, Optional<Trace> evidence) {
            if (!open.remove(cell)) {
                throw new IllegalStateException("the solver named cell " + cell + " twice");
            }
            cells.put(cell, new Cell(cell.get(0), cell.get(1), outcome, evidence));
            classified.run();
        }

        private List<String> chainOf(LoadedModel.SolveResult run) {
            Trace t = TraceExtractor.extract(model, run.solution(), "some Config", "chain", Outcome.SAFE);
            return List.of(t.configuration().chain().get(0).profile(), t.configuration().chain().get(1).profile());
        }

        private String openCells() {
            return "(" + String.join(" or ", open.stream().map(c -> "(firstKernel.profile = "
                    + vocabulary.profileAlloy(c.get(0), modelName) + " and lastKernel.profile = "
                    + vocabulary.profileAlloy(c.get(1), modelName) + ")").toList()) + ")";
        }
    }
}

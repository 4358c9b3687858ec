package kexeccheck.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import kexeccheck.checker.sat.SatEngines;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * The compatibility matrix: the outcome class of every ordered pair A → B of a population, one
 * table per firmware × hardware combination, each failing cell with the counterexample behind it.
 *
 * <p>The tables are dealt round robin to {@code jobs} threads ({@link TableGroup}), each with its
 * own parse of the model (Alloy's translator keeps per-model state), and a {@link Shard} takes
 * only its share of the tables, so that a CI system can run the parts as separate jobs and merge
 * them. Within a group each question is translated once for all its tables: whether a table's
 * hardware has LPIs at all, then, worst class first, in which cells each outcome class arises,
 * then which cells can run to the end. Each question's runs are enumerated on one incremental
 * solver, one run per cell ({@link RunEnumerator}); a cell takes the worst class any of its runs
 * shows, with that run as evidence. A cell no run reaches the end of is
 * {@link Outcome#CANNOT_RUN}. Last, if asked, each table's safe cells are proved safe for all
 * chain lengths ({@link Induction}); otherwise they are safe up to the bounds.
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
     * @param prove whether to try to prove each table's safe cells safe for all chain lengths (one
     *     induction per table; without it they are safe up to the bounds' steps)
     * @param shard which part of the tables to compute
     * @param jobs how many threads share the tables
     * @param conditionsUpTo the most (failing cell, configuration of the open options) pairs to classify
     *     for the failing cells' {@link CellConditions}: above it none are; 0 for none at all
     */
    public record Request(String model, List<String> population, Map<String, List<String>> options, int cpus,
            boolean prove, Shard shard, int jobs, int conditionsUpTo) {
        public Request {
            population = List.copyOf(population);
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options)); // in the order given
            if (population.isEmpty()) {
                throw new BadInputException("the matrix needs a --population of profiles for its rows and columns");
            }
            if (jobs < 1) {
                throw new BadInputException("--jobs " + jobs + ": want at least 1");
            }
            if (conditionsUpTo < 0) {
                throw new BadInputException("--conditions-limit " + conditionsUpTo + ": want 0 or more");
            }
        }

        /** The whole matrix on one thread, without the failing cells' conditions. */
        public Request(String model, List<String> population, Map<String, List<String>> options, int cpus,
                boolean prove) {
            this(model, population, options, cpus, prove, Shard.WHOLE, 1, 0);
        }
    }

    /**
     * One cell: chain {@code from} → {@code to}.
     *
     * @param from the first kernel's profile (the row)
     * @param to the second kernel's profile (the column)
     * @param outcome its class
     * @param evidence the run behind a failing or recoverable cell
     * @param conditions for a failing or recoverable cell, when the matrix classified its configurations:
     *     which configurations of the open options show which class
     */
    public record Cell(String from, String to, Outcome outcome, Optional<Trace> evidence,
            Optional<CellConditions> conditions) {

        /** A cell without conditions. */
        public Cell(String from, String to, Outcome outcome, Optional<Trace> evidence) {
            this(from, to, outcome, evidence, Optional.empty());
        }

        /** Whether its class is worse than safe: the cells whose conditions a matrix describes. */
        public boolean failing() {
            return outcome.worseThan(Outcome.SAFE);
        }
    }

    /**
     * What the failing cells' conditions range over, and whether the matrix could afford them.
     *
     * @param openOptions the options every cell leaves open (all but firmware and hardware, with more
     *     than one value in the matrix's scope), with their values
     * @param limit the most (failing cell, configuration) pairs the matrix was to classify
     * @param pairs how many there were: failing cells times configurations of the open options
     */
    public record ConditionsScope(Map<String, List<String>> openOptions, int limit, long pairs) {
        public ConditionsScope {
            openOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(openOptions));
        }

        /** How many configurations of the open options each cell has. */
        public long configurations() {
            return openOptions.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
        }

        /** Whether the pairs were classified: no more of them than the limit. */
        public boolean computed() {
            return pairs <= limit;
        }
    }

    /**
     * One table.
     *
     * @param firmware the firmware of every cell
     * @param hardware the hardware of every cell
     * @param cells row by row, in population order
     * @param safeCellsProof the proof that this table's safe cells stay safe for all chain lengths
     *     (the properties, and no warning), when asked for and some cell is safe
     */
    public record Table(String firmware, String hardware, List<Cell> cells, Optional<Proof> safeCellsProof) {
        public Table {
            cells = List.copyOf(cells);
        }

        /** Whether some cell of the table is safe. */
        public boolean hasSafeCells() {
            return cells.stream().anyMatch(c -> c.outcome() == Outcome.SAFE);
        }
    }

    /**
     * The whole matrix, or one shard of it.
     *
     * @param model the model
     * @param population rows and columns
     * @param options the options every cell shares
     * @param bounds the bounds of every cell
     * @param shard which part of the tables this report holds
     * @param tables one per firmware × hardware (of the shard)
     * @param timing the solver time, summed over the threads (the proofs' and the conditions' included)
     * @param wallMillis the wall time
     * @param engine the SAT engine that answered ({@code cadical}, {@code sat4j}; merged shards that used
     *     different ones name each, joined by {@code +}); empty when a report read back did not say
     * @param conditions what the failing cells' conditions range over; absent when they were not asked for
     */
    public record Report(String model, List<String> population, Map<String, List<String>> options, Bounds bounds,
            Shard shard, List<Table> tables, Timing timing, long wallMillis, String engine,
            Optional<ConditionsScope> conditions) {

        public Report {
            tables = List.copyOf(tables);
        }

        /** How far the safe cells' verdicts reach, in words. */
        public String safeReach() {
            List<Table> withSafe = tables.stream().filter(Table::hasSafeCells).toList();
            long proved = withSafe.stream().filter(t -> t.safeCellsProof().map(Proof::complete).orElse(false)).count();
            String bounded = Proof.bounded(bounds);
            if (withSafe.isEmpty() || proved == 0) {
                return bounded;
            }
            String all = withSafe.stream().flatMap(t -> t.safeCellsProof().stream()).findFirst().orElseThrow().allLengths();
            return proved == withSafe.size() ? all
                    : all + " in " + proved + " of " + withSafe.size() + " tables with safe cells, " + bounded + " in the others";
        }

        /** Whether an induction was tried for some table's safe cells. */
        public boolean proofTried() {
            return tables.stream().anyMatch(t -> t.safeCellsProof().isPresent());
        }
    }

    /** Progress: cells classified so far, out of how many. */
    public record Progress(int done, int total, long elapsedMillis) {}

    /**
     * Computes the matrix, or the request's shard of it.
     *
     * @param progress told after every classified cell (from any of the threads, one at a time)
     * @throws BadInputException for an unknown model, profile or option value
     */
    public static Report compute(Request request, Consumer<Progress> progress) {
        long start = System.nanoTime();
        CheckRequest pairs = new CheckRequest(request.model(), List.of(), request.population(), 2, request.options(),
                request.cpus(), Optional.empty(), Optional.empty(), List.of());
        LoadedModel model = LoadedModel.forRequest(pairs);
        ModelSource source = model.source();
        Vocabulary vocabulary = model.vocabulary();
        Map<String, List<String>> options = new LinkedHashMap<>(request.options());
        options.putIfAbsent("firmware", vocabulary.options().get("firmware"));
        options.putIfAbsent("hardware", vocabulary.options().get("hardware"));
        CheckRequest all = new CheckRequest(request.model(), List.of(), request.population(), 2, options,
                request.cpus(), Optional.empty(), Optional.empty(), List.of());
        String configuration = QueryText.configuration(all, vocabulary, source.name());
        List<MatrixCells.TableKey> tables = new ArrayList<>();
        for (String firmware : options.get("firmware")) {
            for (String hardware : options.get("hardware")) {
                tables.add(new MatrixCells.TableKey(firmware, hardware));
            }
        }
        List<MatrixCells.TableKey> mine = request.shard().select(tables);
        int total = mine.size() * request.population().size() * request.population().size();
        AtomicInteger done = new AtomicInteger();
        Runnable settled = () -> {
            synchronized (progress) {
                progress.accept(new Progress(done.incrementAndGet(), total, (System.nanoTime() - start) / 1_000_000));
            }
        };
        List<List<MatrixCells.TableKey>> groups = Shard.groups(mine, request.jobs());
        TableGroup[] workers = new TableGroup[groups.size()];
        List<TableGroup.Result> results = Parallel.map(groups, (index, group) -> {
            workers[index] = new TableGroup(index == 0 ? model : model.copy(), configuration, group);
            return workers[index].classify(request.population(), request.prove(), settled);
        });
        if (results.stream().flatMap(r -> r.tables().stream()).flatMap(t -> t.cells().stream())
                .allMatch(c -> c.outcome() == Outcome.CANNOT_RUN)) {
            model.requireSomeRun(); // every cell "cannot run": the options, or a vacuous model?
        }
        Optional<ConditionsScope> scope = Optional.empty();
        if (request.conditionsUpTo() > 0) {
            OptionSpace space = OptionSpace.open(all, vocabulary).without(List.of("firmware", "hardware"));
            long failing = results.stream().flatMap(r -> r.tables().stream()).flatMap(t -> t.cells().stream())
                    .filter(Cell::failing).count();
            scope = Optional.of(new ConditionsScope(space.domains(), request.conditionsUpTo(), failing * space.size()));
            if (scope.get().computed() && failing > 0 && !space.options().isEmpty()) {
                results = Parallel.map(results, (index, r) -> workers[index].withConditions(r, space));
            }
        }
        Map<MatrixCells.TableKey, Table> byKey = new HashMap<>();
        Timing timing = Timing.NONE;
        for (TableGroup.Result r : results) {
            r.tables().forEach(t -> byKey.put(new MatrixCells.TableKey(t.firmware(), t.hardware()), t));
            timing = timing.plus(r.timing());
        }
        return new Report(source.name(), request.population(), request.options(), model.bounds(), request.shard(),
                mine.stream().map(byKey::get).toList(), timing, (System.nanoTime() - start) / 1_000_000,
                SatEngines.current().name(), scope);
    }
}

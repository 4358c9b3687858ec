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
 * <p>The model is parsed once and each question translated once for every table together: whether
 * a table's hardware has LPIs at all, then, worst class first, in which cells each outcome class
 * arises, then which cells can run to the end. Each question's runs are enumerated on one
 * incremental solver, one run per cell ({@link RunEnumerator}); a cell takes the worst class any of
 * its runs shows, with that run as evidence. A cell no run reaches the end of is
 * {@link CellOutcome#impossible}. Last, if asked, the safe cells together are proved safe for all
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
     * @param prove whether to try to prove the safe cells safe for all chain lengths (one
     *     induction over all of them; without it they are safe up to the bounds' steps)
     */
    public record Request(String model, List<String> population, Map<String, List<String>> options, int cpus,
            boolean prove) {
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
     * @param safeCellsProof the proof that every safe cell stays safe for all chain lengths (the
     *     properties, and no warning), when some cell is safe
     * @param timing the solver time (the proof's included)
     * @param wallMillis the wall time
     */
    public record Report(String model, List<String> population, Map<String, List<String>> options, Bounds bounds,
            List<Table> tables, Optional<Proof> safeCellsProof, Timing timing, long wallMillis) {

        /** How far a safe cell's verdict reaches, in words. */
        public String safeReach() {
            return safeCellsProof.filter(Proof::complete).map(Proof::allLengths).orElse(Proof.bounded(bounds));
        }
    }

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
        Map<String, List<String>> options = new LinkedHashMap<>(request.options());
        options.putIfAbsent("firmware", vocabulary.options().get("firmware"));
        options.putIfAbsent("hardware", vocabulary.options().get("hardware"));
        CheckRequest all = new CheckRequest(request.model(), List.of(), request.population(), 2, options,
                request.cpus(), Optional.empty(), Optional.empty(), List.of());
        String configuration = QueryText.configuration(all, vocabulary, source.name());
        int total = options.get("firmware").size() * options.get("hardware").size() * request.population().size()
                * request.population().size();
        MatrixCells cells = new MatrixCells(options.get("firmware"), options.get("hardware"), request.population(),
                done -> progress.accept(new Progress(done, total, (System.nanoTime() - start) / 1_000_000)));
        CellClassifier classifier = new CellClassifier(model, QueryText.runs(configuration), cells);
        Timing timing = classifier.classify();
        Optional<Proof> proof = (request.prove() ? classifier.safeCells() : Optional.<String>empty()).map(safe -> Induction.prove(model,
                configuration + " and " + safe, safeGoals(model.annotations())));
        if (proof.isPresent()) {
            timing = timing.plus(proof.get().timing());
        }
        return new Report(source.name(), request.population(), request.options(), bounds, cells.tables(), proof,
                timing, (System.nanoTime() - start) / 1_000_000);
    }

    /** What "safe" means: every property holds and no outcome witness is reached. */
    private static List<String> safeGoals(Annotations annotations) {
        List<String> goals = new ArrayList<>(annotations.properties().stream().map(Annotations.Annotated::predicate).toList());
        annotations.outcomes().forEach(w -> goals.add("not " + w.predicate()));
        return goals;
    }
}

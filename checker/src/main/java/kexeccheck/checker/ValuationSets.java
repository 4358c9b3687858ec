package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Fills sets of numbered valuations (of a check's open options, or of a matrix cell and those options)
 * from the solver: one {@link RunEnumerator} per formula, on one incremental solver, one blocking
 * clause per valuation found.
 *
 * <p>Every enumeration here distinguishes runs by the same relations, so a valuation met by one
 * enumeration (as {@link RunEnumerator.Valuation} tuple indices, which the same parsed model numbers
 * alike in every translation) can be excluded from a later one: a later question never asks again about
 * a valuation an earlier one settled.
 */
final class ValuationSets {

    private final LoadedModel model;
    private final List<String> distinguishing;
    private final ToIntFunction<A4Solution> number;
    private final Map<Integer, RunEnumerator.Valuation> met = new HashMap<>();
    private Timing timing = Timing.NONE;

    /**
     * @param distinguishing the static relations whose valuations are enumerated, by field name
     * @param number the number of a run's valuation, from the run
     */
    ValuationSets(LoadedModel model, List<String> distinguishing, ToIntFunction<A4Solution> number) {
        this.model = model;
        this.distinguishing = List.copyOf(distinguishing);
        this.number = number;
    }

    /**
     * Adds to {@code found} the number of every valuation with a run satisfying {@code formula}, asking
     * only about valuations not in {@code skip} (each of which this object met before).
     *
     * @param progress told the count found so far after each one, for a person waiting
     */
    void enumerate(String formula, BitSet skip, BitSet found, java.util.function.IntConsumer progress) {
        RunEnumerator runs = RunEnumerator.start(model, formula, distinguishing);
        for (int i = skip.nextSetBit(0); i >= 0; i = skip.nextSetBit(i + 1)) {
            RunEnumerator.Valuation v = met.get(i);
            if (v == null) {
                throw new IllegalStateException("valuation " + i + " was never met, so it cannot be skipped");
            }
            runs.exclude(v);
        }
        for (Optional<A4Solution> s = runs.next(); s.isPresent(); s = runs.next()) {
            int index = number.applyAsInt(s.get());
            found.set(index);
            met.putIfAbsent(index, runs.valuation());
            progress.accept(found.cardinality());
        }
        timing = timing.plus(runs.timing());
    }

    /** The solver time of every enumeration so far. */
    Timing timing() {
        return timing;
    }
}

package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.trace.Outcome;
import org.junit.jupiter.api.Test;

/**
 * A matrix's per-cell conditions against brute force: one matrix per configuration of the options left
 * open (each fixed to one value) gives every cell's class in that configuration; the conditions the
 * matrix over the whole scope gave its failing cells must put each configuration that runs under
 * exactly the class it shows, none that cannot run, and count the same.
 */
class CellConditionsTest {

    private static final List<String> POPULATION = List.of("linux-4.19", "linux-6.1");
    private static final List<String> OPEN = List.of("loader", "kexec");

    /** Every option but {@link #OPEN} fixed: an EFI, sticky world's values. */
    private static Map<String, List<String>> fixed() {
        Map<String, List<String>> fixed = new LinkedHashMap<>();
        for (String g : List.of("firmware=efi", "reserved-memory=map", "dtb=passthrough", "syscall=kexec-load",
                "hardware=sticky", "propbaser-sharing=per-redistributor", "devices=active", "page-size=4k")) {
            fixed.put(g.split("=")[0], List.of(g.split("=")[1]));
        }
        return fixed;
    }

    private static Matrix.Report matrix(Map<String, List<String>> options, int limit) {
        return Matrix.compute(new Matrix.Request("upstream", POPULATION, options, 2, false, Shard.WHOLE, 1, limit),
                p -> { });
    }

    @Test
    void eachConfigurationOfAFailingCellIsUnderTheClassItsOwnMatrixGives() {
        Matrix.Report whole = matrix(fixed(), 1024);
        Matrix.ConditionsScope scope = whole.conditions().orElseThrow();
        assertEquals(OPEN, List.copyOf(scope.openOptions().keySet()), "the options left open");
        assertTrue(scope.computed(), scope.toString());
        OptionSpace space = new OptionSpace(scope.openOptions());
        List<Matrix.Cell> cells = whole.tables().get(0).cells();
        assertTrue(cells.stream().anyMatch(Matrix.Cell::failing), "the scope must have failing cells to test");

        Map<String, Map<Outcome, Integer>> counts = new HashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (int v = 0; v < space.size(); v++) {
            Map<String, String> valuation = space.valuation(v);
            Map<String, List<String>> options = fixed();
            valuation.forEach((option, value) -> options.put(option, List.of(value)));
            List<Matrix.Cell> one;
            try {
                one = matrix(options, 0).tables().get(0).cells();
            } catch (BadInputException noCellRuns) {
                one = null; // every cell cannot run here: a don't-care everywhere
            }
            for (int c = 0; c < cells.size(); c++) {
                Matrix.Cell cell = cells.get(c);
                Outcome shown = one == null ? Outcome.CANNOT_RUN : one.get(c).outcome();
                if (!cell.failing()) {
                    assertFalse(shown.worseThan(cell.outcome()), cell + " shows " + shown + " at " + valuation);
                    continue;
                }
                CellConditions conditions = cell.conditions().orElseThrow(() -> new AssertionError("none: " + cell));
                List<Outcome> under = conditions.when().entrySet().stream()
                        .filter(e -> e.getValue().test(valuation)).map(Map.Entry::getKey).toList();
                List<Outcome> expected = shown == Outcome.CANNOT_RUN ? List.of() : List.of(shown);
                if (shown != Outcome.CANNOT_RUN && !under.equals(expected)) {
                    disagreements.add(cell.from() + " -> " + cell.to() + " at " + valuation + " shows " + shown
                            + ", but the conditions put it under " + under + ": " + conditions.when());
                }
                if (shown != Outcome.CANNOT_RUN) {
                    counts.computeIfAbsent(cell.from() + ">" + cell.to(), k -> new LinkedHashMap<>())
                            .merge(shown, 1, Integer::sum);
                }
            }
        }
        assertEquals(List.of(), disagreements);
        for (Matrix.Cell cell : cells.stream().filter(Matrix.Cell::failing).toList()) {
            CellConditions conditions = cell.conditions().orElseThrow();
            Map<Outcome, Integer> seen = counts.get(cell.from() + ">" + cell.to());
            assertEquals(seen, conditions.counts(), cell.from() + " -> " + cell.to() + ": configurations per class");
            assertEquals(seen.values().stream().mapToInt(Integer::intValue).sum(), conditions.running());
            assertEquals(cell.outcome(), conditions.when().keySet().iterator().next(),
                    "a cell's class is the worst its configurations show");
        }
    }

    @Test
    void pastTheLimitNoCellIsDescribedAndTheScopeSaysWhy() {
        Matrix.Report r = matrix(fixed(), 1);
        Matrix.ConditionsScope scope = r.conditions().orElseThrow();
        assertFalse(scope.computed());
        long failing = r.tables().get(0).cells().stream().filter(Matrix.Cell::failing).count();
        assertEquals(failing * 4, scope.pairs());
        assertTrue(r.tables().get(0).cells().stream().allMatch(c -> c.conditions().isEmpty()));
    }
}

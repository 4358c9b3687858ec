package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kexeccheck.trace.Outcome;
import org.junit.jupiter.api.Test;

/**
 * {@code matrix --jobs N} deals the tables to N threads, each with its own copy of the model; the
 * cells must be what one thread finds, whatever N (the evidence runs may differ: each thread's
 * solver meets its own tables).
 */
class MatrixJobsTest {

    @Test
    void threeThreadsGiveTheCellsOfOne() {
        Map<String, List<String>> options = Map.of("firmware", List.of("efi", "dt"),
                "hardware", List.of("sticky", "clearable"), "loader", List.of("honours-reserved"));
        List<String> population = List.of("linux-4.19", "linux-6.1", "linux-6.1+nolpi");
        List<String> one = cells(Matrix.compute(new Matrix.Request("upstream", population, options, 2, false,
                Shard.WHOLE, 1, 0), p -> { }));
        List<String> three = cells(Matrix.compute(new Matrix.Request("upstream", population, options, 2, false,
                Shard.WHOLE, 3, 0), p -> { }));
        assertEquals(one, three);
        assertEquals(4 * 9, one.size());
    }

    private static List<String> cells(Matrix.Report report) {
        List<String> out = new ArrayList<>();
        for (Matrix.Table t : report.tables()) {
            for (Matrix.Cell c : t.cells()) {
                out.add(t.firmware() + "/" + t.hardware() + " " + c.from() + ">" + c.to() + " "
                        + c.outcome().cliName());
            }
        }
        return out;
    }
}

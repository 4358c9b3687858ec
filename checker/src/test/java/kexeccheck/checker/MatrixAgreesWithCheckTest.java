package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The matrix classifies cells on one incremental solver per question; {@code check --chain A,B}
 * asks its own queries from scratch. The two must give every cell the same class.
 */
class MatrixAgreesWithCheckTest {

    @Test
    void everyCellIsWhatCheckSaysOfItsChain() {
        Map<String, List<String>> options = Map.of("firmware", List.of("efi", "dt"), "hardware", List.of("sticky"),
                "loader", List.of("honours-reserved"), "dtb", List.of("passthrough"));
        Matrix.Report report = Matrix.compute(
                new Matrix.Request("upstream", List.of("linux-4.19", "linux-6.1"), options, 2, false), p -> { });

        List<String> fromMatrix = new ArrayList<>();
        List<String> fromCheck = new ArrayList<>();
        for (Matrix.Table table : report.tables()) {
            for (Matrix.Cell cell : table.cells()) {
                String name = table.firmware() + " " + cell.from() + ">" + cell.to() + " ";
                fromMatrix.add(name + cell.outcome().cliName());
                Map<String, List<String>> cellOptions = Map.of("firmware", List.of(table.firmware()),
                        "hardware", List.of(table.hardware()), "loader", options.get("loader"), "dtb", options.get("dtb"));
                fromCheck.add(name + checkOutcome(List.of(cell.from(), cell.to()), cellOptions));
            }
        }
        assertEquals(fromCheck, fromMatrix);
    }

    private static String checkOutcome(List<String> chain, Map<String, List<String>> options) {
        try {
            return Checker.check(new CheckRequest("upstream", chain, List.of(), 2, options, 2, Optional.empty(),
                    Optional.empty(), List.of()), false).outcome().toString();
        } catch (BadInputException e) { // check refuses a chain that cannot run
            return "cannot-run";
        }
    }
}

package kexeccheck.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kexeccheck.checker.CellConditions;
import kexeccheck.checker.Condition;
import kexeccheck.checker.Matrix;
import kexeccheck.trace.Outcome;

/**
 * What a matrix's failing cells need, as text: one line for the matrix (the options the failing cells
 * hang on, or why that was not computed), and under each failing cell's evidence the configurations of
 * the open options that show each class.
 *
 * <pre>
 * failing cells hang on: loader, syscall (of the options left open: dtb, loader, syscall; 12 configurations per cell)
 * ...
 *   efi/sticky linux-6.1 -> linux-6.1: C (no-stray-write in 3 steps: ...)
 *       corruption when loader=ignores-reserved and syscall=kexec-load
 *       safe when loader=honours-reserved, or syscall=kexec-file-load|kexec-file-load-unfinalised
 * </pre>
 */
final class CellConditionsText {

    private CellConditionsText() {}

    /** The matrix's line, ended by a newline; none when no option is left open or no cell fails. */
    static String scope(Matrix.Report report, Matrix.ConditionsScope scope) {
        List<Matrix.Cell> failing = report.tables().stream().flatMap(t -> t.cells().stream())
                .filter(Matrix.Cell::failing).toList();
        if (scope.openOptions().isEmpty() || failing.isEmpty()) {
            return "";
        }
        String open = String.join(", ", scope.openOptions().keySet());
        if (failing.stream().anyMatch(c -> c.conditions().isEmpty())) {
            return "what the failing cells need was not computed: " + failing.size() + " failing cells x "
                    + scope.configurations() + " configurations of the options left open (" + open + ") make "
                    + scope.pairs() + ", more than --conditions-limit " + scope.limit()
                    + "; narrow the options, or raise the limit\n";
        }
        Set<String> deciding = new LinkedHashSet<>();
        List<String> order = List.copyOf(scope.openOptions().keySet());
        failing.forEach(c -> deciding.addAll(c.conditions().orElseThrow().deciding(order)));
        String over = " (of the options left open: " + open + "; " + scope.configurations() + " configurations per cell)\n";
        if (deciding.isEmpty()) {
            return "failing cells hang on none of the options left open: each shows its class in every configuration"
                    + " that runs" + over;
        }
        return "failing cells hang on: " + String.join(", ", order.stream().filter(deciding::contains).toList()) + over;
    }

    /**
     * One cell's lines, each after {@code indent} and ended by a newline: each class it shows, worst
     * first, with the configurations that show it; one line when it shows one class wherever it runs.
     */
    static String cell(CellConditions conditions, String indent) {
        StringBuilder out = new StringBuilder();
        if (conditions.when().size() == 1) {
            Outcome only = conditions.when().keySet().iterator().next();
            return indent + only.cliName() + " in every configuration that runs\n";
        }
        for (Map.Entry<Outcome, Condition> e : conditions.when().entrySet()) {
            out.append(indent).append(e.getKey().cliName()).append(" when ")
                    .append(ConditionsText.describe(e.getValue())).append('\n');
        }
        return out.toString();
    }
}

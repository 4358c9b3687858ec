package kexeccheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.Condition;
import kexeccheck.checker.Conditions;
import kexeccheck.checker.PropertyResult;

/**
 * The verdict of a check on a board or a running system, said first and in terms of what decides it:
 * which of the options the files leave open the verdict hangs on, and under which of their values each
 * violated property's outcome class follows and every property holds.
 *
 * <pre>
 * verdict: corruption, hanging on loader (left open by the tree)
 *   corruption (no-stray-write)  when loader=ignores-reserved
 *   every property holds         when loader=honours-reserved
 *   in words: corruption if the loader ignores reserved ranges
 *             every property holds if the loader keeps off reserved ranges
 * </pre>
 */
public final class DecisionText {

    private DecisionText() {}

    /**
     * The lines, the first of them starting {@code verdict:}, each ended by a newline.
     *
     * @param leftOpenBy who left the options open, for the reader ("the tree", "what the system shows")
     */
    public static String render(CheckReport report, String leftOpenBy) {
        String outcome = report.outcome().cliName();
        if (!report.anyViolated()) {
            return "verdict: " + outcome + ": every property holds in every configuration left open by "
                    + leftOpenBy + "\n";
        }
        Optional<Conditions> conditions = report.conditions().filter(Conditions::computed);
        if (conditions.isEmpty() || conditions.get().verdict().isEmpty()) {
            return "verdict: " + outcome + report.conditions().map(c -> " (what decides it was not computed: "
                    + c.space().size() + " configurations of the options left open, more than --conditions-limit "
                    + c.limit() + ")").orElse("") + "\n";
        }
        Conditions c = conditions.get();
        List<String> deciding = c.deciding();
        if (deciding.isEmpty()) {
            return "verdict: " + outcome + " whatever the options left open by " + leftOpenBy
                    + (c.space().options().isEmpty() ? " (none)" : " (" + String.join(", ", c.space().options())
                            + "): it hangs on none of them") + "\n";
        }
        StringBuilder out = new StringBuilder("verdict: " + outcome + ", hanging on " + String.join(" and ", deciding)
                + " (left open by " + leftOpenBy + ")\n");
        List<String[]> rows = new ArrayList<>();
        for (PropertyResult p : report.properties()) {
            c.of(p.name()).ifPresent(o -> rows.add(new String[] {
                p.violationMeans().cliName() + " (" + p.name() + ")", when(o.failsWhen())}));
        }
        rows.add(new String[] {"every property holds", when(c.verdict().get().holdsWhen())});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) {
            out.append(String.format("  %-" + width + "s  %s%n", r[0], r[1]));
        }
        out.append(inWords(report, c));
        return out.toString();
    }

    /**
     * The verdict's two sides as a reader says them: "corruption if the loader ignores reserved ranges"
     * (the configurations where a property of the verdict's class fails; no line when a witness, not a
     * property, gave the class), then "every property holds if …" (none when it holds nowhere or everywhere).
     */
    private static String inWords(CheckReport report, Conditions c) {
        List<String> worst = new ArrayList<>();
        for (PropertyResult p : report.properties()) {
            if (p.violationMeans() == report.outcome()) {
                c.of(p.name()).ifPresent(o -> worst.add(OptionWords.describe(o.failsWhen())));
            }
        }
        StringBuilder out = new StringBuilder();
        String lead = "  in words: ";
        if (!worst.isEmpty() && !worst.contains("")) {
            out.append(lead).append(report.outcome().cliName()).append(" if ")
                    .append(String.join(", or if ", worst.stream().distinct().toList())).append('\n');
            lead = " ".repeat(lead.length());
        }
        Condition holds = c.verdict().orElseThrow().holdsWhen();
        if (!holds.never() && !holds.always()) {
            out.append(lead).append("every property holds if ").append(OptionWords.describe(holds)).append('\n');
        }
        return out.toString();
    }

    private static String when(Condition c) {
        if (c.never()) return "in no configuration";
        if (c.always()) return "in every configuration";
        return "when " + ConditionsText.describe(c);
    }
}

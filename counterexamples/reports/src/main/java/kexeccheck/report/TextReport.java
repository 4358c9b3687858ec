package kexeccheck.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.Conditions;
import kexeccheck.checker.Counterexamples;
import kexeccheck.checker.Names;
import kexeccheck.checker.Coverage;
import kexeccheck.checker.PropertyResult;
import kexeccheck.checker.Timing;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceNarrator;

/** The text form of a check: what was explored, the verdicts, then each counterexample explained. */
public final class TextReport {

    private TextReport() {}

    /** A check as text: the outcome, each property's verdict and bounds, and each counterexample explained. */
    public static String render(CheckReport report, Optional<Coverage> coverage, boolean withTimes) {
        StringBuilder out = new StringBuilder();
        out.append("kexec-check ").append(Version.current()).append(": model ").append(report.model()).append('\n');
        out.append("explored: ").append(explored(report.explored())).append('\n');
        out.append("bounds:   ").append(report.bounds().describe()).append('\n');
        report.proof().ifPresent(p -> {
            out.append("proof:    ").append(p.describe()).append('\n');
            // which invariants closed it, each in kernel terms: what the "for all chain lengths" rests on
            p.closedBy().forEach(l -> out.append("          lemma ").append(Names.kebab(l))
                    .append(p.meaning(l).isEmpty() ? "" : ": " + p.meaning(l)).append('\n'));
        });
        out.append('\n');
        out.append("outcome: ").append(report.outcome().cliName()).append('\n');
        report.conditions().ifPresent(c -> out.append(ConditionsText.render(c)));
        out.append('\n');
        int width = report.properties().stream().mapToInt(p -> p.name().length()).max().orElse(10);
        int reachWidth = report.properties().stream().mapToInt(p -> p.reach(report.proof()).length()).max().orElse(0);
        for (PropertyResult p : report.properties()) {
            out.append(String.format("  %-" + width + "s  %-14s", p.name(), p.status().cliName()));
            if (reachWidth > 0) {
                out.append(String.format(" %-" + reachWidth + "s", p.reach(report.proof())));
            }
            if (p.status() == PropertyResult.Status.VIOLATED) {
                out.append(String.format(" %-12s", "(" + p.violationMeans().cliName() + ")"));
            } else {
                out.append(String.format(" %-12s", ""));
            }
            if (withTimes) {
                out.append(String.format(" %6.1f s", seconds(p.timing())));
            }
            out.append("   ").append(p.source()).append('\n');
        }
        Optional<Counterexamples> shown = report.counterexamples();
        for (PropertyResult p : report.properties()) {
            List<Trace> more = shown.map(c -> c.more().getOrDefault(p.name(), List.of())).orElse(List.of());
            String where = shown.map(c -> c.choice().describeWhere()).orElse("");
            boolean noneWhere = shown.map(c -> c.noneWhere().contains(p.name())).orElse(false);
            if (noneWhere) {
                out.append('\n').append(p.name()).append(" has no counterexample where ").append(where)
                        .append(": it holds there; the whole scope's shortest follows\n");
            }
            String inside = where.isEmpty() || noneWhere ? "" : ", where " + where;
            int all = more.size() + 1;
            p.counterexample().ifPresent(t -> appendTrace(out, "counterexample" + (all > 1 ? " 1 of " + all : "")
                    + " for " + p.name() + inside, t));
            for (int i = 0; i < more.size(); i++) {
                appendTrace(out, "counterexample " + (i + 2) + " of " + all + " for " + p.name() + inside
                        + ", in another configuration or chain", more.get(i));
            }
        }
        report.outcomeWitness().ifPresent(t -> appendTrace(out,
                "why " + report.outcome().cliName() + " (every property holds, but a kernel can get here)", t));
        coverage.ifPresent(c -> appendCoverage(out, c));
        if (withTimes) {
            Timing t = report.timing();
            out.append('\n').append(String.format(
                    "time: %.1f s wall (translation %.1f s, solving %.1f s by %s, %d solver calls, largest CNF %,d clauses%s)%n",
                    report.wallMillis() / 1000.0, t.translateMillis() / 1000.0, t.solveMillis() / 1000.0,
                    JsonRoot.engine(), t.solverCalls(), t.largestCnf(), conditionsTime(report)));
        }
        return out.toString();
    }

    /** The conditions' share of the solver time, when they cost any: what {@code --no-conditions} saves. */
    private static String conditionsTime(CheckReport report) {
        return report.conditions().map(Conditions::timing).filter(t -> t.solverCalls() > 0)
                .map(t -> String.format("; of which the conditions %.1f s, %d calls", seconds(t), t.solverCalls()))
                .orElse("");
    }

    private static void appendTrace(StringBuilder out, String title, Trace trace) {
        int steps = trace.states().size() - 1;
        out.append('\n').append(title).append(" (").append(steps).append(steps == 1 ? " step" : " steps")
                .append(", shortest):\n");
        for (String line : TraceNarrator.explain(trace)) {
            out.append("  ").append(line).append('\n');
        }
    }

    private static void appendCoverage(StringBuilder out, Coverage c) {
        out.append('\n').append("coverage (vacuity guard, ").append(c.bounds().describe()).append("):\n");
        out.append("  events:   ").append(ticks(c.events())).append('\n');
        out.append("  booting:  ").append(ticks(c.profiles())).append('\n');
        if (!c.channels().isEmpty()) {
            out.append("  channels: ").append(ticks(c.channels())).append('\n');
        }
        if (!c.ruledOut().isEmpty()) {
            out.append("  ruled out by the options given: ").append(String.join(", ", c.ruledOut()))
                    .append(" (happens with other values; not a vacuity)\n");
        }
        out.append(c.complete() ? "  every event " + (c.ruledOut().isEmpty() ? "" : "the options allow ")
                + "happens and every profile boots"
                + (c.channels().isEmpty() ? "" : ", and every channel hands tables over") + "\n"
                : "  NEVER HAPPENS: " + String.join(", ", c.missing()) + " (verdicts about them are vacuous)\n");
    }

    private static String ticks(Map<String, Boolean> items) {
        return items.entrySet().stream().map(e -> e.getKey() + (e.getValue() ? " yes" : " NO"))
                .collect(Collectors.joining(", "));
    }

    private static String explored(Map<String, List<String>> explored) {
        return explored.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static double seconds(Timing t) {
        return (t.translateMillis() + t.solveMillis()) / 1000.0;
    }
}

package kexeccheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.ProposalDiff;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.TraceJson;
import kexeccheck.trace.TraceNarrator;

/** {@code diff} as text or JSON. */
public final class DiffReport {

    private DiffReport() {}

    /** The configuration as {@code check} options, so that a reader can re-run either side. */
    static String checkOptions(String first, String second, Map<String, String> options) {
        StringBuilder s = new StringBuilder("--chain " + first + "," + second);
        options.forEach((o, v) -> s.append(" --").append(o).append(' ').append(v));
        return s.toString();
    }

    /** The diff as text: the counts by direction, then the first {@code show} differences with both sides. */
    public static String text(ProposalDiff.Report r, int show, boolean withTimes) {
        ProposalDiff.Request q = r.request();
        StringBuilder out = new StringBuilder();
        out.append("kexec-check ").append(Version.current()).append(": diff of model B ").append(q.modelB())
                .append(" against model A ").append(q.modelA()).append('\n');
        out.append("scope: chains of two kernels from ").append(String.join(",", q.population())).append(", ")
                .append(q.cpus()).append(" CPUs");
        q.pairs().forEach((b, a) -> out.append("; ").append(b).append(" is ").append(a).append(" in A"));
        out.append('\n');
        q.options().forEach((o, vs) -> out.append(String.format("  --%-16s %s%n", o, String.join(",", vs))));
        out.append("bounds: A ").append(r.boundsA().describe()).append("; B ").append(r.boundsB().describe()).append('\n');
        long better = count(r, "better");
        long worse = count(r, "worse");
        long changed = count(r, "changed");
        out.append(String.format("configurations: %d; differ: %d (better in B: %d, worse in B: %d, runs in one only: %d)%n",
                r.configurations(), r.differences().size(), better, worse, changed));
        r.transitions().forEach((t, n) -> out.append(String.format("  %-32s %d%n", t, n)));
        out.append(regions(r.regions()));
        int shown = Math.min(show, r.differences().size());
        if (shown > 0) {
            out.append(String.format("%nthe first %d, smallest chain first:%n", shown));
        }
        for (int i = 0; i < shown; i++) {
            ProposalDiff.Difference d = r.differences().get(i);
            out.append(String.format("%n%d. %s%n   A %s, B %s (%s in B)%n", i + 1,
                    checkOptions(d.first(), d.second(), d.options()), d.a().outcome().cliName(), d.b().outcome().cliName(), d.direction()));
            side(out, "A", q.modelA(), d.a());
            side(out, "B", q.modelB(), d.b());
        }
        if (shown < r.differences().size()) {
            out.append(String.format("%n... %d more (--show N, or --format json for all)%n",
                    r.differences().size() - shown));
        }
        if (withTimes) {
            out.append(String.format("%ntime: translation %.1f s, solving %.1f s by %s, %d solver calls%n",
                    r.timing().translateMillis() / 1000.0, r.timing().solveMillis() / 1000.0, JsonRoot.engine(),
                    r.timing().solverCalls()));
        }
        return out.toString();
    }

    /**
     * Where the classes differ, chain by chain, in the options' terms:
     * {@code linux-6.1 -> linux-6.1: corruption -> safe when loader=ignores-reserved (12 configurations)}.
     */
    static String regions(ProposalDiff.Regions regions) {
        if (regions.regions().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("where they differ (over the options left open: ")
                .append(regions.openOptions().isEmpty() ? "none" : String.join(", ", regions.openOptions().keySet()))
                .append("):\n");
        for (ProposalDiff.Region g : regions.regions()) {
            out.append("  ").append(g.first()).append(" -> ").append(g.second()).append(": ").append(g.a().cliName())
                    .append(" -> ").append(g.b().cliName()).append(' ')
                    .append(g.when().always() ? "in every configuration either runs" : "when " + ConditionsText.describe(g.when()))
                    .append(" (").append(g.configurations()).append(g.configurations() == 1 ? " configuration)" : " configurations)")
                    .append('\n');
        }
        return out.toString();
    }

    private static long count(ProposalDiff.Report r, String direction) {
        return r.differences().stream().filter(d -> d.direction().equals(direction)).count();
    }

    private static void side(StringBuilder out, String label, String model, ProposalDiff.Side s) {
        out.append("   ").append(label).append(" (").append(model).append(", ").append(s.first()).append(" -> ")
                .append(s.second()).append("): ").append(s.outcome());
        if (s.evidence() == null) {
            out.append(" -- ").append(without(s.outcome())).append('\n');
            return;
        }
        out.append('\n');
        TraceNarrator.explain(s.evidence()).forEach(l -> out.append("      ").append(l).append('\n'));
    }

    /** Why a side has no counterexample to show. */
    private static String without(Outcome outcome) {
        return switch (outcome) {
            case SAFE -> "no run within the bounds violates a property or reaches an outcome witness";
            case NOT_APPLICABLE -> "the question does not arise (no LPIs)";
            default -> "no run of the model gets this chain to its last kernel within the bounds";
        };
    }

    /** The diff as JSON ({@code report: "diff"}): every difference with both sides' evidence. */
    public static String json(ProposalDiff.Report r, boolean withTimes) {
        ProposalDiff.Request q = r.request();
        ObjectNode root = JsonRoot.of(ReportKind.DIFF, q.modelB());
        root.put("against", q.modelA());
        JsonRoot.putStrings(root, "population", q.population());
        ObjectNode pairs = root.putObject("pairs");
        q.pairs().forEach(pairs::put);
        JsonRoot.putOptions(root, "options", new java.util.TreeMap<>(q.options()));
        root.put("cpus", q.cpus());
        root.set("boundsA", TraceJson.mapper().valueToTree(r.boundsA()));
        root.set("boundsB", TraceJson.mapper().valueToTree(r.boundsB()));
        root.put("configurations", r.configurations());
        ObjectNode transitions = root.putObject("transitions");
        r.transitions().forEach(transitions::put);
        JsonRoot.putOptions(root, "openOptions", r.regions().openOptions());
        ArrayNode regions = root.putArray("regions");
        for (ProposalDiff.Region g : r.regions().regions()) {
            ObjectNode o = regions.addObject();
            o.put("chain", g.first() + "," + g.second());
            o.put("a", g.a().cliName());
            o.put("b", g.b().cliName());
            ConditionsJson.putCondition(o.putArray("when"), g.when());
            o.put("configurations", g.configurations());
        }
        ArrayNode differences = root.putArray("differences");
        for (ProposalDiff.Difference d : r.differences()) {
            ObjectNode o = differences.addObject();
            o.put("chain", d.first() + "," + d.second());
            ObjectNode options = o.putObject("options");
            d.options().forEach(options::put);
            o.put("checkOptions", checkOptions(d.first(), d.second(), d.options()));
            o.put("direction", d.direction());
            o.set("a", side(d.a()));
            o.set("b", side(d.b()));
        }
        if (withTimes) {
            root.set("timing", JsonRoot.timing(r.timing()).put("engine", JsonRoot.engine()));
        }
        return JsonRoot.write(root, "the diff");
    }

    private static ObjectNode side(ProposalDiff.Side s) {
        ObjectNode o = TraceJson.mapper().createObjectNode();
        o.put("outcome", s.outcome().cliName());
        o.put("chain", s.first() + "," + s.second());
        if (s.evidence() != null) {
            o.set("trace", TraceJson.toTree(s.evidence()));
            JsonRoot.putStrings(o, "explanation", List.copyOf(TraceNarrator.explain(s.evidence())));
        }
        return o;
    }
}

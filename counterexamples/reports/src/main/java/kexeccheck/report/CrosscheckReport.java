package kexeccheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kexeccheck.crosscheck.CrossCheck;
import kexeccheck.trace.TraceJson;

/** The cross-check as text or JSON. */
public final class CrosscheckReport {

    private CrosscheckReport() {}

    /** The cross-check as text: the agreement, the class table and every disagreement or state divergence shown. */
    public static String text(CrossCheck.Report r, boolean withTimes) {
        StringBuilder out = new StringBuilder();
        int n = r.scope().population().size();
        out.append("kexec-check ").append(Version.current()).append(": cross-check of model ").append(r.model())
                .append(" against the concrete table simulator\n");
        // one factor per kernel: "2 x 2 chains", "2 x 2 x 2 chains"
        String chains = String.join(" x ", java.util.Collections.nCopies(r.scope().kernels(), String.valueOf(n)));
        out.append(String.format("scope: %d configurations: %s chains of %s, 2 CPUs, every combination of%n",
                r.configurations(), chains, String.join(",", r.scope().population())));
        r.scope().options().forEach((option, values) -> out.append(String.format("  --%-16s %s%n", option,
                String.join(",", values))));
        if (!r.shard().whole()) {
            out.append("shard ").append(r.shard()).append(": the chains whose first kernel is ")
                    .append(String.join(",", r.shard().select(r.scope().population())))
                    .append(" (kexec-check merge puts the shards together)\n");
        }
        out.append("checker bounds: ").append(r.bounds().describe()).append('\n');
        out.append(String.format("agreement: %d/%d (%.1f%%)%n", r.agreements(), r.configurations(),
                r.configurations() == 0 ? 100.0 : 100.0 * r.agreements() / r.configurations()));
        TreeSet<String> simClasses = new TreeSet<>();
        r.classes().values().forEach(m -> simClasses.addAll(m.keySet()));
        out.append(String.format("%n  %-16s", "checker \\ sim"));
        simClasses.forEach(c -> out.append(String.format(" %14s", c)));
        out.append('\n');
        r.classes().forEach((checker, bySim) -> {
            out.append(String.format("  %-16s", checker));
            simClasses.forEach(c -> out.append(String.format(" %14s", bySim.getOrDefault(c, 0) == 0 ? "."
                    : bySim.get(c).toString())));
            out.append('\n');
        });
        int disagreements = r.configurations() - r.agreements();
        if (disagreements > 0) {
            out.append(String.format("%ndisagreements (%d, the first %d explained):%n", disagreements,
                    r.disagreements().size()));
            for (CrossCheck.Disagreement d : r.disagreements()) {
                out.append("\n  ").append(d.configuration()).append('\n');
                out.append("    simulator: ").append(d.simulator()).append('\n');
                d.simulatorRun().forEach(l -> out.append("      ").append(l).append('\n'));
                out.append("    checker:   ").append(d.checker()).append('\n');
                d.checkerRun().forEach(l -> out.append("      ").append(l).append('\n'));
            }
        }
        out.append(String.format("%nstates: %d/%d of the checker's runs replayed on the simulator agree state by state%n",
                r.stateAgreements(), r.replayed()));
        int divergences = r.replayed() - r.stateAgreements();
        if (divergences > 0) {
            out.append(String.format("%nstate divergences (%d, the first %d shown with both accounts):%n", divergences,
                    r.stateDivergences().size()));
            for (CrossCheck.StateDivergence d : r.stateDivergences()) {
                out.append("\n  ").append(d.configuration()).append("\n    checker class ").append(d.checkerClass())
                        .append(", replay ").append(d.verdict()).append('\n');
                d.replay().forEach(l -> out.append("      ").append(l).append('\n'));
            }
        }
        if (withTimes) {
            out.append(String.format("%ntime: simulator %.1f s; checker %.1f s (translation %.1f s, solving %.1f s by %s,"
                    + " %d solver calls)%n", r.simulatorMillis() / 1000.0, r.checkerMillis() / 1000.0,
                    r.timing().translateMillis() / 1000.0, r.timing().solveMillis() / 1000.0, JsonRoot.engine(),
                    r.timing().solverCalls()));
        }
        return out.toString();
    }

    /** The cross-check as JSON ({@code report: "crosscheck"}), which {@code merge} reads back. */
    public static String json(CrossCheck.Report r, boolean withTimes) {
        ObjectNode root = JsonRoot.of(ReportKind.CROSSCHECK, r.model());
        root.put("shard", r.shard().toString());
        JsonRoot.putStrings(root, "population", r.scope().population());
        root.put("kernels", r.scope().kernels());
        JsonRoot.putOptions(root, "options", r.scope().options());
        root.set("bounds", TraceJson.mapper().valueToTree(r.bounds()));
        root.put("configurations", r.configurations());
        root.put("agreements", r.agreements());
        ObjectNode classes = root.putObject("classes");
        r.classes().forEach((checker, bySim) -> {
            ObjectNode row = classes.putObject(checker);
            bySim.forEach(row::put);
        });
        ArrayNode disagreements = root.putArray("disagreements");
        for (CrossCheck.Disagreement d : r.disagreements()) {
            ObjectNode o = disagreements.addObject();
            where(o, d.configuration(), d.chain(), d.options());
            o.put("simulator", d.simulator());
            o.put("checker", d.checker());
            JsonRoot.putStrings(o, "simulatorRun", d.simulatorRun());
            JsonRoot.putStrings(o, "checkerRun", d.checkerRun());
        }
        root.put("replayed", r.replayed());
        root.put("stateAgreements", r.stateAgreements());
        ArrayNode divergences = root.putArray("stateDivergences");
        for (CrossCheck.StateDivergence d : r.stateDivergences()) {
            ObjectNode o = divergences.addObject();
            where(o, d.configuration(), d.chain(), d.options());
            o.put("checkerClass", d.checkerClass());
            o.put("verdict", d.verdict());
            JsonRoot.putStrings(o, "replay", d.replay());
        }
        if (withTimes) {
            ObjectNode timing = JsonRoot.timing(r.timing());
            root.set("timing", timing);
            timing.put("simulatorMillis", r.simulatorMillis());
            timing.put("checkerMillis", r.checkerMillis());
            timing.put("engine", JsonRoot.engine());
        }
        return JsonRoot.write(root, "the cross-check");
    }

    /** The configuration as check options, and its machine-readable twin: the chain and each option's value. */
    private static void where(ObjectNode o, String configuration, List<String> chain, Map<String, String> options) {
        o.put("configuration", configuration);
        JsonRoot.putStrings(o, "chain", chain);
        ObjectNode values = o.putObject("options");
        options.forEach(values::put);
    }

}

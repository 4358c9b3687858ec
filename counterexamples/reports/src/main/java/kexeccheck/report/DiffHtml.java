package kexeccheck.report;

import static kexeccheck.report.MatrixHtml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kexeccheck.checker.ProposalDiff;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceNarrator;

/**
 * The diff as one self-contained HTML page, laid out like the matrix's: per firmware x hardware a
 * table of chains (rows: first kernel, columns: second), each cell counting the configurations whose
 * class differs and linking to them; each difference with both accounts, the worse side's graph first.
 */
public final class DiffHtml {

    private static final String BETTER = "#91cf60";
    private static final String WORSE = "#d73027";
    private static final String CHANGED = "#fee090";

    private DiffHtml() {}

    /**
     * The diff as one HTML page.
     *
     * @param graph a trace's inline SVG, or empty where no graph can be drawn
     */
    public static String render(ProposalDiff.Report r, Function<Trace, Optional<String>> graph, boolean withTimes) {
        ProposalDiff.Request q = r.request();
        StringBuilder h = MatrixHtml.head("kexec-check diff: " + q.modelB() + " against " + q.modelA());
        h.append("<h1>What ").append(esc(q.modelB())).append(" changes against ").append(esc(q.modelA())).append("</h1>\n<p>");
        h.append("kexec-check ").append(esc(Version.current())).append(" &middot; rows: first kernel, columns: second")
                .append(" &middot; each cell: configurations whose class differs (other options) &middot; bounds: A ")
                .append(esc(r.boundsA().describe())).append("; B ").append(esc(r.boundsB().describe()));
        q.pairs().forEach((b, a) -> h.append(" &middot; ").append(esc(b)).append(" is ").append(esc(a)).append(" in A"));
        q.options().forEach((k, v) -> h.append(" &middot; ").append(esc(k)).append('=').append(esc(String.join(",", v))));
        if (withTimes) {
            h.append(String.format(" &middot; %d solver calls", r.timing().solverCalls()));
        }
        h.append(String.format("</p>%n<p>%d configurations, %d differ.</p>%n", r.configurations(), r.differences().size()));
        String regions = DiffReport.regions(r.regions());
        if (!regions.isEmpty()) {
            h.append("<pre class=\"when\">").append(esc(regions.strip())).append("</pre>\n");
        }
        h.append("<p class=\"legend\"><span style=\"background:").append(BETTER).append("\">better in B</span><span style=\"background:")
                .append(WORSE).append("\">worse in B (somewhere)</span><span style=\"background:").append(CHANGED)
                .append("\">runs in one model only</span></p>\n");

        Map<String, List<Integer>> byCell = new LinkedHashMap<>();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (int i = 0; i < r.differences().size(); i++) {
            ProposalDiff.Difference d = r.differences().get(i);
            String table = "firmware=" + d.options().get("firmware") + " hardware=" + d.options().get("hardware");
            tables.computeIfAbsent(table, t -> new ArrayList<>());
            byCell.computeIfAbsent(table + "|" + d.first() + "|" + d.second(), k -> new ArrayList<>()).add(i);
        }
        for (String table : tables.keySet()) {
            h.append("<h2>").append(esc(table)).append("</h2>\n<table class=\"m\"><tr><th>first \\ second</th>");
            q.population().forEach(p -> h.append("<th>").append(esc(p)).append("</th>"));
            h.append("</tr>\n");
            for (String from : q.population()) {
                h.append("<tr><th>").append(esc(from)).append("</th>");
                for (String to : q.population()) {
                    List<Integer> diffs = byCell.getOrDefault(table + "|" + from + "|" + to, List.of());
                    if (diffs.isEmpty()) {
                        h.append("<td></td>");
                        continue;
                    }
                    String colour = diffs.stream().map(i -> r.differences().get(i).direction()).anyMatch("worse"::equals)
                            ? WORSE : diffs.stream().allMatch(i -> r.differences().get(i).direction().equals("better"))
                            ? BETTER : CHANGED;
                    h.append("<td style=\"background:").append(colour).append("\"><a href=\"#d").append(diffs.get(0) + 1)
                            .append("\">").append(diffs.size()).append("</a></td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        if (!r.differences().isEmpty()) {
            h.append("<h2>Differences</h2>\n");
        }
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (int i = 0; i < r.differences().size(); i++) {
            ProposalDiff.Difference d = r.differences().get(i);
            h.append("<h3 id=\"d").append(i + 1).append("\">").append(i + 1).append(". ")
                    .append(esc(DiffReport.checkOptions(d.first(), d.second(), d.options()))).append(": A ")
                    .append(esc(d.a().outcome().cliName())).append(", B ").append(esc(d.b().outcome().cliName())).append(" (")
                    .append(esc(d.direction())).append(" in B)</h3>\n");
            ProposalDiff.Side worse = d.worse();
            // one graph per chain and table keeps the page readable; every difference keeps its words
            if (worse.evidence() != null && drawn.add(d.options().get("firmware") + d.options().get("hardware")
                    + d.first() + d.second())) {
                h.append(MatrixHtml.graphOrWhyNot(graph.apply(worse.evidence())));
            }
            side(h, "A", q.modelA(), d.a());
            side(h, "B", q.modelB(), d.b());
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void side(StringBuilder h, String label, String model, ProposalDiff.Side s) {
        h.append("<p><b>").append(label).append("</b> (").append(esc(model)).append(", ").append(esc(s.first()))
                .append(" &rarr; ").append(esc(s.second())).append("): ").append(esc(s.outcome().cliName())).append("</p>\n");
        if (s.evidence() != null) {
            h.append("<pre>").append(esc(String.join("\n", TraceNarrator.explain(s.evidence())))).append("</pre>\n");
        }
    }
}

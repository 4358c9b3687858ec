package kexeccheck.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kexeccheck.checker.Matrix;
import kexeccheck.render.DotProgram;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceNarrator;

/**
 * The matrix as one self-contained HTML page: coloured tables, each failing cell linking to its
 * counterexample (graph and step-by-step explanation) further down. No script, font or network.
 */
public final class MatrixHtml {

    private static final Map<String, String> COLOURS = Map.of(
            "C", "#d73027", "L", "#fc8d59", "F", "#fee090", "R", "#e0f3f8", "S", "#91cf60", "NA", "#d9d9d9", "-", "#ffffff");

    /** Worst first, as the outcome classes rank. */
    private static final Map<String, String> LEGEND = new LinkedHashMap<>();

    static {
        LEGEND.put("C", "corruption");
        LEGEND.put("L", "lost-lpis");
        LEGEND.put("F", "fail-stop");
        LEGEND.put("R", "recoverable");
        LEGEND.put("S", "safe");
        LEGEND.put("NA", "not-applicable");
        LEGEND.put("-", "cannot run");
    }

    private MatrixHtml() {}

    /**
     * Writes the page.
     *
     * @param graph the SVG of a counterexample's graph, when one can be drawn
     */
    public static String render(Matrix.Report r, Function<Trace, Optional<String>> graph, boolean withTimes) {
        StringBuilder h = head("kexec-check matrix: " + r.model());
        h.append("<h1>Compatibility matrix: ").append(esc(r.model())).append("</h1>\n<p>");
        h.append("kexec-check ").append(esc(Version.current())).append(" &middot; rows: first kernel A, columns: second")
                .append(" kernel B (kexec A &rarr; B) &middot; bounds: ").append(esc(r.bounds().describe()))
                .append(" &middot; safe cells: ").append(esc(r.safeReach()));
        r.options().forEach((k, v) -> h.append(" &middot; ").append(esc(k)).append('=').append(esc(String.join(",", v))));
        if (withTimes) {
            h.append(String.format(" &middot; %.1f s (%d solver calls)", r.wallMillis() / 1000.0, r.timing().solverCalls()));
        }
        h.append("</p>\n");
        r.conditions().map(scope -> CellConditionsText.scope(r, scope)).filter(line -> !line.isEmpty())
                .ifPresent(line -> h.append("<p>").append(esc(line.strip())).append("</p>\n"));
        h.append("<p class=\"legend\">");
        LEGEND.entrySet().forEach(e -> h.append("<span style=\"background:").append(COLOURS.get(e.getKey())).append("\">")
                        .append(esc(e.getKey())).append(' ').append(esc(e.getValue())).append("</span>"));
        h.append("</p>\n");
        int n = 0;
        StringBuilder evidence = new StringBuilder();
        for (Matrix.Table t : r.tables()) {
            h.append("<h2>firmware=").append(esc(t.firmware())).append(" hardware=").append(esc(t.hardware()))
                    .append("</h2>\n<table class=\"m\"><tr><th>A \\ B</th>");
            r.population().forEach(p -> h.append("<th>").append(esc(p)).append("</th>"));
            h.append("</tr>\n");
            for (String from : r.population()) {
                h.append("<tr><th>").append(esc(from)).append("</th>");
                for (String to : r.population()) {
                    Matrix.Cell c = t.cells().stream().filter(x -> x.from().equals(from) && x.to().equals(to))
                            .findFirst().orElseThrow();
                    String code = MatrixReport.code(c.outcome());
                    h.append("<td style=\"background:").append(COLOURS.get(code)).append("\">");
                    if (c.evidence().isPresent()) {
                        String id = "cell" + (++n);
                        h.append("<a href=\"#").append(id).append('"');
                        c.conditions().ifPresent(when -> h.append(" title=\"")
                                .append(esc(CellConditionsText.cell(when, "").strip())).append('"'));
                        h.append('>').append(esc(code)).append("</a>");
                        appendEvidence(evidence, id, t, c, c.evidence().get(), graph);
                    } else {
                        h.append(esc(code));
                    }
                    h.append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        if (evidence.length() > 0) {
            h.append("<h2>Counterexamples</h2>\n").append(evidence);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void appendEvidence(StringBuilder out, String id, Matrix.Table t, Matrix.Cell c, Trace trace,
            Function<Trace, Optional<String>> graph) {
        out.append("<h3 id=\"").append(id).append("\">").append(esc(t.firmware())).append('/').append(esc(t.hardware()))
                .append(": ").append(esc(c.from())).append(" &rarr; ").append(esc(c.to())).append(": ")
                .append(esc(trace.outcome())).append(" (").append(esc(trace.property())).append(")</h3>\n");
        c.conditions().ifPresent(when -> out.append("<pre class=\"when\">")
                .append(esc(CellConditionsText.cell(when, "").strip())).append("</pre>\n"));
        out.append(graphOrWhyNot(graph.apply(trace)));
        out.append("<pre>").append(esc(String.join("\n", TraceNarrator.explain(trace)))).append("</pre>\n");
    }

    /**
     * A counterexample's graph as a block of the page, or a line saying why there is none: a reader of
     * the page, not only of the terminal that wrote it, must know that graphs were left out.
     */
    static String graphOrWhyNot(Optional<String> svg) {
        return svg.map(g -> "<div class=\"graph\">" + stripXmlProlog(g) + "</div>\n")
                .orElse("<p class=\"nograph\">No graph: Graphviz's dot was not installed where this page was written ("
                        + esc(DotProgram.HOW_TO_INSTALL) + ", then write the page again).</p>\n");
    }

    static String stripXmlProlog(String svg) {
        int start = svg.indexOf("<svg");
        return start < 0 ? svg : svg.substring(start);
    }

    /** The colour of a matrix code (C, L, F, R, S, NA, -); white for anything else. */
    static String colour(String code) {
        return COLOURS.getOrDefault(code, "#ffffff");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page's head and style, shared with the diff's page. */
    static StringBuilder head(String title) {
        return new StringBuilder().append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}")
                .append("table.m{border-collapse:collapse;margin:1em 0}")
                .append("table.m td,table.m th{border:1px solid #999;padding:.3em .6em;text-align:center}")
                .append("table.m th{background:#f0f0f0}td a{color:#000;font-weight:bold;text-decoration:none}")
                .append("pre{background:#f7f7f7;padding:1em;overflow-x:auto;font-size:85%}")
                .append("div.graph svg{max-width:100%;height:auto}")
                .append(".legend span{display:inline-block;padding:.1em .5em;margin-right:.5em;border:1px solid #999}")
                .append("</style></head><body>\n");
    }
}

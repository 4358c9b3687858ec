package kexeccheck.report;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import kexeccheck.render.DotProgram;
import kexeccheck.render.GraphFormat;
import kexeccheck.render.TraceGraph;
import kexeccheck.trace.Trace;

/** Writes an HTML report ({@code matrix --html}, {@code diff --html}) with a graph per counterexample when it can. */
public final class HtmlReportFile {

    private HtmlReportFile() {}

    /**
     * @param page the page, given how to draw a counterexample's graph as SVG (empty when it cannot)
     * @param err where to say that the page has no graphs because Graphviz's dot is missing
     */
    public static void write(Path html, Function<Function<Trace, Optional<String>>, String> page, PrintWriter err) {
        // graphs need Graphviz's dot; without it the page has the explanations only
        Optional<DotProgram> dot = DotProgram.find();
        TraceFiles.writeAtomically(html, page.apply(trace -> dot.map(d ->
                new String(d.render(TraceGraph.dot(trace), GraphFormat.svg), StandardCharsets.UTF_8))));
        if (dot.isEmpty()) {
            err.println("kexec-check: " + html + " has no graphs: Graphviz's dot is missing (" + DotProgram.HOW_TO_INSTALL + ")");
        }
    }
}

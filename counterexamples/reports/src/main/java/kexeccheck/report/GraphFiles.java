package kexeccheck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.PropertyResult;
import kexeccheck.render.DotProgram;
import kexeccheck.render.GraphFormat;
import kexeccheck.render.TraceGraph;
import kexeccheck.trace.Trace;

/**
 * Writes counterexample graphs: DOT always, SVG or PNG through Graphviz's
 * {@code dot} when it is installed. Each file is whole or absent.
 */
public final class GraphFiles {

    private GraphFiles() {}

    /** What was written, and whether {@code dot} was missing for a drawing that was asked for. */
    public record Written(List<Path> files, boolean dotMissing) {}

    /**
     * Writes one graph as {@code out} in {@code format}. Without {@code dot},
     * an SVG or PNG cannot be drawn: the DOT goes beside {@code out} instead
     * (same name, {@code .dot}) and {@link Written#dotMissing()} says so.
     */
    public static Written write(Trace trace, GraphFormat format, Path out, Optional<DotProgram> dot) {
        String text = TraceGraph.dot(trace);
        if (format == GraphFormat.dot) {
            TraceFiles.writeAtomically(out, text);
            return new Written(List.of(out), false);
        }
        if (dot.isEmpty()) {
            Path instead = withExtension(out, GraphFormat.dot);
            TraceFiles.writeAtomically(instead, text);
            return new Written(List.of(instead), true);
        }
        TraceFiles.writeAtomically(out, dot.get().render(text, format));
        return new Written(List.of(out), false);
    }

    /**
     * {@code check --render DIR}: for each counterexample, {@code PROPERTY.dot}
     * and {@code PROPERTY.svg} (only the DOT when {@code dot} is missing).
     */
    public static Written writeAll(Path dir, CheckReport report, Optional<DotProgram> dot) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot create the graph directory (" + e.getMessage() + ")");
        }
        List<Path> files = new ArrayList<>();
        boolean missing = false;
        for (PropertyResult p : report.properties()) {
            if (p.counterexample().isEmpty()) continue;
            Trace trace = p.counterexample().get();
            Path dotFile = dir.resolve(p.name() + GraphFormat.dot.extension());
            files.addAll(write(trace, GraphFormat.dot, dotFile, dot).files());
            if (dot.isPresent()) {
                files.addAll(write(trace, GraphFormat.svg, dir.resolve(p.name() + GraphFormat.svg.extension()), dot)
                        .files());
            } else {
                missing = true;
            }
        }
        return new Written(List.copyOf(files), missing);
    }

    /** {@code graph.svg} → {@code graph.dot}; a name without an extension gets one. */
    static Path withExtension(Path file, GraphFormat format) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + format.extension());
    }
}

package kexeccheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import kexeccheck.render.DotProgram;
import kexeccheck.render.GraphFormat;
import kexeccheck.report.GraphFiles;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kexec-check render}: one counterexample trace as a graph (DOT, SVG or PNG). */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {
            "Draws one counterexample trace (a file written by check --out) as a graph: the chain of kernels"
                    + " left to right, every frame as each kernel sees it, the live LPI tables each kexec hands on,"
                    + " the redistributors' PROPBASER/PENDBASER pointing at their frames, and the offence in red"
                    + " with its step. See docs/render.md.",
            "SVG and PNG are drawn by Graphviz's dot (apt-get install graphviz). Without it, an SVG or PNG"
                    + " cannot be made: the DOT is written beside FILE instead and the exit code is 2."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the graph is written",
            "2:bad input: an unreadable or invalid trace, an output that cannot be written, or SVG/PNG without"
                + " Graphviz (the DOT is written instead)", "3:internal error (details written to a file)"})
final class RenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE.json", description = "A trace file, as check --out writes them.")
    Path trace;

    @Option(names = "--format", paramLabel = "dot|svg|png",
            description = "What to write. Default: from FILE's extension, else svg.")
    GraphFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Override
    public Integer call() {
        Trace t = TraceJson.read(trace);
        GraphFormat chosen = format != null ? format : fromExtension(out);
        GraphFiles.Written written = GraphFiles.write(t, chosen, out, DotProgram.find());
        if (written.dotMissing()) {
            PrintWriter err = spec.commandLine().getErr();
            Path dotFile = written.files().get(0);
            err.println("kexec-check: " + out + " not written: Graphviz's dot is not on PATH ("
                    + DotProgram.HOW_TO_INSTALL + "); wrote " + dotFile + " instead, for: dot -T" + chosen + " "
                    + dotFile + " -o " + out);
            err.flush();
            return KexecCheck.BAD_INPUT;
        }
        return KexecCheck.OK;
    }

    private static GraphFormat fromExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (GraphFormat f : GraphFormat.values()) {
            if (name.endsWith(f.extension())) return f;
        }
        return GraphFormat.svg;
    }
}

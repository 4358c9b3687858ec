package kexeccheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.CheckRequest;
import kexeccheck.checker.Checker;
import kexeccheck.checker.CounterexampleChoice;
import kexeccheck.checker.Coverage;
import kexeccheck.checker.ModelDescription;
import kexeccheck.checker.PropertyResult;
import kexeccheck.render.DotProgram;
import kexeccheck.report.GraphFiles;
import kexeccheck.report.JsonReport;
import kexeccheck.report.TextReport;
import kexeccheck.report.TraceFiles;
import kexeccheck.simulator.replay.ReplayPrinter;
import kexeccheck.simulator.replay.ReplayResult;
import kexeccheck.simulator.replay.TraceReplayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kexec-check check}: every configuration the options allow, a verdict per property. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Explores every configuration the options allow and reports, per property, 'holds' (with its bounds)"
                    + " or 'violated' with the shortest counterexample, and the worst outcome class (corruption,"
                    + " lost-lpis, fail-stop, recoverable, safe or not-applicable)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every property holds (or the question does not apply)",
            "1:a property is violated, or --coverage found something that never happens",
            "2:bad input (model, profile, option, bounds, an output path), one line; nothing written",
            "3:internal error (details written to a file)",
            "4:--replay on a model the simulator has no account of (a capability or channel), before any solving"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Mixin
    SolverOptions engine;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write one trace file (JSON) per counterexample into DIR.")
    Path out;

    @Option(names = "--render", paramLabel = "DIR",
            description = "Draw every counterexample into DIR: PROPERTY.svg and PROPERTY.dot (see render --help)."
                    + " Without Graphviz's dot on PATH only the DOT files are written, and stderr says so.")
    Path render;

    @Option(names = "--replay",
            description = "Replay every counterexample on the concrete table simulator and mark it confirmed,"
                    + " diverged or spurious (text output; see kexec-check replay for the concrete run).")
    boolean replay;

    @Option(names = "--no-proof",
            description = "Skip the k-induction that proves what holds for all chain lengths: what holds is then"
                    + " said to hold up to the bounds' steps. Saves a few seconds.")
    boolean noProof;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    @Mixin
    ConditionsOptions conditions;

    @Option(names = "--where", paramLabel = "OPTION=VALUE",
            description = "Show, for each violated property, a shortest counterexample with this option value"
                    + " (repeatable); the verdict stays the whole scope's. A property with none there holds there,"
                    + " and the report says so.")
    Map<String, String> where = new LinkedHashMap<>();

    @Option(names = "--counterexamples", paramLabel = "N", defaultValue = "1",
            description = "Show up to N counterexamples per violated property, each in another configuration or"
                    + " chain than those before it (each shortest in its own); --out writes PROPERTY.2.trace.json,"
                    + " and so on. Default: ${DEFAULT-VALUE}.")
    int counterexamples;

    @Option(names = "--coverage",
            description = "Also run the vacuity guard: does every event happen and every profile boot in some run?"
                    + " Something that never does fails the check (exit 1). Narrowing options narrow it too.")
    boolean coverage;

    @Override
    public Integer call() {
        engine.choose();
        OutputPaths.directory("--out", out);
        OutputPaths.directory("--render", render);
        int conditionsUpTo = conditions.upTo();
        CheckRequest request = options.request();
        if (replay) {
            // refused before any solving, as replay refuses the same traces (exit 4)
            SimulatorAccountCheck.require(ModelDescription.of(request.model()), replayedProfiles(request));
        }
        PrintWriter err = spec.commandLine().getErr();
        ChainCost.warning(request.chainLength(), request.cpus()).ifPresent(w -> {
            err.println("kexec-check: warning: " + w);
            err.flush();
        });
        CheckReport report;
        Optional<Coverage> covered = Optional.empty();
        try (TerminalProgress progress = TerminalProgress.of(err, "check")) {
            report = Checker.check(request, !noProof, conditionsUpTo, new CounterexampleChoice(where, counterexamples),
                    progress::show);
            if (coverage) {
                progress.show("coverage: does every event happen and every profile boot?");
                covered = Optional.of(Coverage.of(request));
            }
        }
        if (out != null) {
            TraceFiles.write(out, report);
        }
        if (render != null) {
            GraphFiles.Written graphs = GraphFiles.writeAll(render, report, DotProgram.find());
            if (graphs.dotMissing()) {
                spec.commandLine().getErr().println("kexec-check: Graphviz's dot is not on PATH: wrote only the DOT"
                        + " files to " + render + " (" + DotProgram.HOW_TO_INSTALL + ", then run again for SVG)");
                spec.commandLine().getErr().flush();
            }
        }
        String text = format == ReportFormat.json
                ? JsonReport.render(report, covered, !noTiming)
                : TextReport.render(report, covered, !noTiming);
        spec.commandLine().getOut().print(text);
        if (replay && format == ReportFormat.text) {
            spec.commandLine().getOut().print(replays(report));
        }
        spec.commandLine().getOut().flush();
        boolean vacuous = covered.map(c -> !c.complete()).orElse(false);
        return report.anyViolated() || vacuous ? KexecCheck.VIOLATED : KexecCheck.OK;
    }

    /** The profiles a counterexample of the request can run: its chain, else its population, else all. */
    private static List<String> replayedProfiles(CheckRequest request) {
        if (!request.chain().isEmpty()) return request.chain();
        if (!request.population().isEmpty()) return request.population();
        return List.copyOf(ModelDescription.of(request.model()).profiles().keySet());
    }

    /** One line per counterexample: the simulator's verdict on it. */
    private static String replays(CheckReport report) {
        StringBuilder out = new StringBuilder();
        for (PropertyResult p : report.properties()) {
            p.counterexample().ifPresent(trace -> {
                if (out.length() == 0) out.append("\nreplay on the concrete table simulator:\n");
                ReplayResult r = TraceReplayer.replay(trace);
                                out.append("  ").append(p.name()).append(": ")
                        .append(ReplayPrinter.verdictLine(r).substring("verdict: ".length())).append('\n');
            });
        }
        return out.toString();
    }

    /** The output formats of {@code check}. */
    enum ReportFormat { text, json }
}

package kexeccheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kexeccheck.checker.Matrix;
import kexeccheck.checker.Shard;
import kexeccheck.report.HtmlReportFile;
import kexeccheck.report.MatrixHtml;
import kexeccheck.report.MatrixReport;
import kexeccheck.trace.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kexec-check matrix}: the outcome class of every ordered pair A → B of a population. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"The compatibility matrix: the outcome class of every chain A -> B of two kernels drawn from"
                + " the population (rows A, columns B), one table per firmware x hardware combination; every"
                + " failing cell comes with the counterexample behind it (--format json) and, over the options"
                + " left open, which configurations show which class."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no cell corrupts memory or loses LPIs", "1:a cell is C (corruption) or L (lost-lpis)",
            "2:bad input (model, profile, option, --shard, --jobs, a vacuous model), one line",
            "3:internal error (details written to a file)"})
final class MatrixCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigurationOptions configuration;

    @Mixin
    SolverOptions engine;

    @Option(names = "--population", split = ",", paramLabel = "PROFILE", required = true,
            description = "The profiles of the rows and columns (e.g. linux-4.19,linux-5.3,linux-6.1).")
    List<String> population;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    CheckCommand.ReportFormat format;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    @Option(names = "--prove",
            description = "Also try to prove the safe cells safe for all chain lengths (one k-induction over all of"
                    + " them; seconds to tens of seconds). Without it they are safe up to the bounds' steps;"
                    + " check --chain proves one cell.")
    boolean prove;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Threads that share the tables, each with its own copy of the model (default: every core"
                    + " but one, here ${DEFAULT-VALUE}). The cells do not depend on it.")
    int jobs = kexeccheck.checker.Parallel.defaultJobs();

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Compute only part I of N of the tables (round robin), e.g. as one job of a CI matrix;"
                    + " 'kexec-check merge' puts the parts' --format json reports together.")
    String shard;

    @Mixin
    ConditionsOptions conditions;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report: coloured tables, each failing cell linked to"
                    + " its counterexample.")
    Path html;

    @Override
    public Integer call() {
        engine.choose();
        OutputPaths.file("--html", html);
        Matrix.Report report;
        try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "matrix")) {
            progress.show("parsing the model and translating its first question");
            Matrix.Progress[] first = new Matrix.Progress[1];
            report = Matrix.compute(new Matrix.Request(configuration.model, GivenValues.of("--population", population),
                    configuration.values(), configuration.cpus(), prove, shard == null ? Shard.WHOLE : Shard.parse(shard),
                    jobs, conditions.upTo()), p -> {
                        if (first[0] == null) first[0] = p;
                        progress.show(progressText(first[0], p));
                    });
        }
        return emit(report, format, html, noTiming, spec.commandLine());
    }

    /**
     * Prints a matrix (and writes its HTML page, if asked) as {@code matrix} does; the exit code:
     * 1 when some cell corrupts memory or loses LPIs.
     */
    static int emit(Matrix.Report report, CheckCommand.ReportFormat format, Path html, boolean noTiming,
            CommandLine commandLine) {
        if (html != null) {
            HtmlReportFile.write(html, graph -> MatrixHtml.render(report, graph, !noTiming), commandLine.getErr());
        }
        PrintWriter out = commandLine.getOut();
        out.print(format == CheckCommand.ReportFormat.json
                ? MatrixReport.json(report, !noTiming)
                : MatrixReport.text(report, !noTiming));
        out.flush();
        boolean failing = report.tables().stream().flatMap(t -> t.cells().stream())
                .anyMatch(c -> c.outcome().worseThan(Outcome.FAIL_STOP));
        return failing ? KexecCheck.VIOLATED : KexecCheck.OK;
    }

    /**
     * Cells done and time left, on a terminal. The time left is the rate since the first cell settled:
     * the first cell also pays for parsing and the first translation (2.6 s of a 28 s standard matrix,
     * whose first estimate was 4163 s when extrapolated from it).
     */
    static String progressText(Matrix.Progress first, Matrix.Progress now) {
        String done = now.done() + "/" + now.total() + " cells";
        int since = now.done() - first.done();
        long millis = now.elapsedMillis() - first.elapsedMillis();
        if (since <= 0 || millis <= 0) {
            return done + ", estimating the time left";
        }
        return done + ", about " + Math.round((double) millis * (now.total() - now.done()) / since / 1000) + " s left";
    }
}

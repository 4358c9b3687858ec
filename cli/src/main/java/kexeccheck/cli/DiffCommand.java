package kexeccheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.ProposalDiff;
import kexeccheck.report.DiffHtml;
import kexeccheck.report.DiffReport;
import kexeccheck.report.HtmlReportFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kexec-check diff -m A -m B}: what proposal B changes against A, configuration by configuration. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What a proposal changes: classifies every configuration of the scope (every chain of two"
                + " kernels from the population, every value of every option left open) under model A and under"
                + " model B, and lists each configuration whose outcome class differs, with the counterexample on"
                + " the worse side and the other side's account."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:B is nowhere worse than A (differences, if any, are improvements)",
            "1:B is worse than A on some configuration, or runs where A does not or the reverse",
            "2:bad input (model, profile, --pair, option)", "3:internal error (details written to a file)"})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME|FILE.als", required = true,
            description = "Twice: model A (compared against, e.g. upstream), then model B (the proposal under review).")
    List<String> models = new ArrayList<>();

    @Mixin
    ScopeOptions scope;

    @Mixin
    SolverOptions engine;

    @Option(names = "--population", split = ",", paramLabel = "PROFILE", required = true,
            description = "The profiles of both kernels, as model B names them.")
    List<String> population;

    @Option(names = "--pair", paramLabel = "B_PROFILE=A_PROFILE",
            description = "A profile of B that stands for one of A's (linux-6.1+chosen=linux-6.1: the same kernel"
                    + " without the patch); repeatable. Profiles not paired must exist in both.")
    Map<String, String> pairs = new LinkedHashMap<>();

    @Option(names = "--show", paramLabel = "N", defaultValue = "20",
            description = "Explain at most this many differences in text. Default: ${DEFAULT-VALUE}.")
    int show;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    CheckCommand.ReportFormat format;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report: per firmware x hardware, a table of chains whose"
                    + " class differs, each linked to both accounts.")
    Path html;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    @Override
    public Integer call() {
        engine.choose();
        OutputPaths.file("--html", html);
        if (models.size() != 2) {
            throw new BadInputException("-m: give exactly two models, A then B (got " + models.size() + ")");
        }
        if (show < 0) {
            throw new BadInputException("--show " + show + ": must be 0 or more");
        }
        ProposalDiff.Report report = ProposalDiff.run(new ProposalDiff.Request(models.get(0), models.get(1),
                GivenValues.of("--population", population), pairs, scope.values(), scope.cpus));
        if (html != null) {
            HtmlReportFile.write(html, graph -> DiffHtml.render(report, graph, !noTiming), spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == CheckCommand.ReportFormat.json
                ? DiffReport.json(report, !noTiming)
                : DiffReport.text(report, show, !noTiming));
        out.flush();
        boolean regression = report.differences().stream().anyMatch(d -> !d.direction().equals("better"));
        return regression ? KexecCheck.VIOLATED : KexecCheck.OK;
    }
}

package kexeccheck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.Checker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kexec-check check}: every configuration the options allow, a verdict per property. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Explores every configuration the options allow and reports, per property, 'holds' (with its bounds)"
                    + " or 'violated' with the shortest counterexample, and the worst outcome class:",
            "corruption, lost-lpis, fail-stop, recoverable, safe or not-applicable."})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write one trace file (JSON) per counterexample into DIR.")
    Path out;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    @Override
    public Integer call() {
        CheckReport report = Checker.check(options.request());
        if (out != null) {
            TraceFiles.write(out, report);
        }
        String text = format == ReportFormat.json
                ? JsonReport.render(report, !noTiming)
                : TextReport.render(report, !noTiming);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return report.anyViolated() ? KexecCheck.VIOLATED : KexecCheck.OK;
    }

    /** The output formats of {@code check}. */
    enum ReportFormat { text, json }
}

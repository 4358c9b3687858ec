package kexeccheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kexeccheck.checker.BadInputException;
import kexeccheck.report.CrosscheckReport;
import kexeccheck.report.CrosscheckShards;
import kexeccheck.report.MatrixReport;
import kexeccheck.report.MatrixShards;
import kexeccheck.report.ReportKind;
import kexeccheck.trace.TraceJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kexec-check merge}: the JSON reports of the shards of one {@code matrix} or
 * {@code crosscheck} run ({@code --shard I/N}), put together into the report the whole run gives.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Puts together the --format json reports of the N shards of one matrix or crosscheck run"
                + " (--shard 1/N ... N/N, e.g. the jobs of a CI matrix) into the report the whole run would have"
                + " printed, in any of its formats. Every shard must be there, once."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged; nothing fails", "1:merged; a cell fails (matrix) or the two accounts disagree"
                + " (crosscheck)", "2:bad input: a file that is not such a report, or shards that do not make one whole",
            "3:internal error (details written to a file)"})
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD.json", description = "The shards' JSON reports, in any order.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    CheckCommand.ReportFormat format;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the matrix's HTML report.")
    Path html;

    @Option(names = "--show", paramLabel = "N", defaultValue = "20",
            description = "Explain at most this many disagreements of a cross-check. Default: ${DEFAULT-VALUE}.")
    int show;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    @Override
    public Integer call() {
        OutputPaths.file("--html", html);
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        String kind = null;
        for (Path file : files) {
            JsonNode root = TraceJson.readTree(file);
            String k = root.path("report").asText("");
            if (!k.equals(ReportKind.MATRIX.kind()) && !k.equals(ReportKind.CROSSCHECK.kind())) {
                throw new BadInputException(file + ": not the --format json report of a matrix or crosscheck run"
                        + " (its 'report' is '" + k + "')");
            }
            if (kind != null && !kind.equals(k)) {
                throw new BadInputException(file + ": a " + k + " report among " + kind + " reports");
            }
            kind = k;
            if (parts.put(file.toString(), root) != null) {
                throw new BadInputException(file + ": given twice");
            }
        }
        if (ReportKind.MATRIX.kind().equals(kind)) {
            return MatrixCommand.emit(MatrixShards.merge(parts), format, html, noTiming, spec.commandLine());
        }
        if (html != null) {
            throw new BadInputException("--html: a cross-check has no HTML report");
        }
        return CrosscheckCommand.emit(CrosscheckShards.merge(parts, show), format, noTiming, spec.commandLine());
    }
}

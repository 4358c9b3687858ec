package kexeccheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.CheckRequest;
import kexeccheck.checker.Checker;
import kexeccheck.report.BoardOptions;
import kexeccheck.report.BoardReport;
import kexeccheck.report.FleetHtml;
import kexeccheck.report.TraceFiles;
import kexeccheck.simulator.firmware.BoardFacts;
import kexeccheck.simulator.firmware.MalformedFdtException;
import kexeccheck.trace.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code kexec-check board}: a board's device tree blob as the configuration of a check, or every
 * blob under a directory as a fleet report.
 */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = {"Reads a board's flattened device tree (a kernel package's .dtb, or /sys/firmware/fdt of a"
                + " running system), says what it fixes -- the GIC and its ITS, the CPUs, /reserved-memory and"
                + " /memreserve/, EFI, kdump -- and from which node, which options stay open (explored unless"
                + " given), then checks the chain or population on that board. Given a directory: every .dtb under"
                + " it, one row per board, and the count of boards per outcome class."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:safe (or nothing to hand over) on every board", "1:a property is violated on a board",
            "2:bad input: a blob that is not a valid FDT (one line naming the file and what is wrong), a missing file,"
                + " an unknown profile or option", "3:internal error (details written to a file)"})
final class BoardCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.dtb|DIR", description = "A device tree blob, or a directory searched for *.dtb.")
    Path input;

    @Mixin
    CheckOptions options;

    @Mixin
    SolverOptions engine;

    @Mixin
    VerdictOptions output;

    @CommandLine.Option(names = "--html", paramLabel = "FILE",
            description = "With a directory: also write the fleet report as a self-contained HTML page.")
    Path html;

    @Override
    public Integer call() {
        engine.choose();
        if (html != null && !Files.isDirectory(input)) {
            throw new BadInputException("--html: a fleet report, for a directory of .dtb files; " + input
                    + " is one board (--format json has all of it)");
        }
        OutputPaths.file("--html", html);
        return Files.isDirectory(input) ? fleet() : one();
    }

    private int one() {
        BoardFacts facts = facts(input);
        BoardOptions board = boardOptions(facts, true);
        PrintWriter out = spec.commandLine().getOut();
        if (facts.gic().kind() == BoardFacts.GicKind.NONE) {
            out.print(output.json() ? BoardReport.json(input, facts, board, Optional.empty(), !output.noTiming)
                    : BoardReport.text(input, facts, board, Optional.empty(), !output.noTiming));
            out.flush();
            return KexecCheck.OK;
        }
        CheckReport report = Checker.check(request(board), !output.noProof, output.conditions.upTo(), stage -> { });
        out.print(output.json() ? BoardReport.json(input, facts, board, Optional.of(report), !output.noTiming)
                : BoardReport.text(input, facts, board, Optional.of(report), !output.noTiming));
        out.flush();
        return report.anyViolated() ? KexecCheck.VIOLATED : KexecCheck.OK;
    }

    private int fleet() {
        List<Path> blobs;
        try (Stream<Path> walk = Files.walk(input)) {
            blobs = walk.filter(p -> p.getFileName().toString().endsWith(".dtb") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(input + ": cannot be read (" + e.getMessage() + ")");
        }
        if (blobs.isEmpty()) {
            throw new BadInputException(input + ": no .dtb file under it");
        }
        // boards a tree configures alike share one check: a fleet has few distinct configurations
        Map<String, CheckReport> checked = new LinkedHashMap<>();
        List<BoardReport.Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "board")) {
            for (Path blob : blobs) {
                String name = input.relativize(blob).toString();
                progress.show((rows.size() + 1) + "/" + blobs.size() + " " + name + ", " + checked.size()
                        + " distinct configurations checked");
                rows.add(row(name, blob, checked));
            }
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (html != null) {
            TraceFiles.writeAtomically(html, FleetHtml.render(input, rows, checked.size(),
                    String.join(" ", spec.commandLine().getParseResult().originalArgs())));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json() ? BoardReport.fleetJson(input, rows, checked.size(), wall, !output.noTiming)
                : BoardReport.fleetText(input, rows, checked.size(), wall, !output.noTiming));
        out.flush();
        boolean failing = rows.stream().anyMatch(r -> r.outcome().map(o -> o.compareTo(Outcome.FAIL_STOP) < 0).orElse(false));
        return failing ? KexecCheck.VIOLATED : KexecCheck.OK;
    }

    private static BoardFacts facts(Path file) {
        byte[] blob;
        try {
            blob = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            return BoardFacts.read(blob);
        } catch (MalformedFdtException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private BoardOptions boardOptions(BoardFacts facts, boolean strict) {
        boolean cpusGiven = spec.commandLine().getParseResult().hasMatchedOption("--cpus");
        return BoardOptions.of(facts, options.configuration.values(), cpusGiven ? options.configuration.cpus() : null,
                strict);
    }

    private CheckRequest request(BoardOptions board) {
        CheckRequest r = options.request();
        return new CheckRequest(r.model(), r.chain(), r.population(), r.kernels(), board.values(), board.cpus(),
                r.frames(), r.steps(), r.properties());
    }

    /** One blob's row: unreadable, without a GIC, or with the class of its (possibly shared) check. */
    private BoardReport.Row row(String name, Path blob, Map<String, CheckReport> checked) {
        BoardFacts facts;
        try {
            facts = facts(blob);
        } catch (BadInputException e) {
            return BoardReport.Row.unreadable(name, e.getMessage());
        }
        if (facts.gic().kind() == BoardFacts.GicKind.NONE) {
            return BoardReport.Row.of(name, facts, Optional.empty());
        }
        CheckRequest request = request(boardOptions(facts, false));
        CheckReport report = checked.computeIfAbsent(request.toString(),
                k -> Checker.check(request, !output.noProof, output.conditions.upTo(), stage -> { }));
        return BoardReport.Row.of(name, facts, Optional.of(report));
    }
}

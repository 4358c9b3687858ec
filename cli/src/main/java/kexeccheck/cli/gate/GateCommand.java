package kexeccheck.cli.gate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.Checker;
import kexeccheck.checker.Coverage;
import kexeccheck.checker.PropertyResult;
import kexeccheck.checker.Shard;
import kexeccheck.checker.sat.SatEngine;
import kexeccheck.cli.ConditionsOptions;
import kexeccheck.cli.KexecCheck;
import kexeccheck.cli.OutputPaths;
import kexeccheck.cli.SolverOptions;
import kexeccheck.cli.TerminalProgress;
import kexeccheck.report.TraceFiles;
import kexeccheck.report.gate.Baseline;
import kexeccheck.report.gate.Fingerprint;
import kexeccheck.report.gate.GateCheck;
import kexeccheck.report.gate.GateResult;
import kexeccheck.report.gate.JUnitReport;
import kexeccheck.report.gate.SarifReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kexec-check gate}: runs the checks a project lists in its configuration and fails only on
 * violations its baseline does not accept, or on an outcome other than the one expected.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {
            "Runs the checks listed in a configuration file (kexec-check.yml), compares each counterexample"
                    + " with a baseline of accepted ones by a stable fingerprint, and fails only on new violations"
                    + " or on an outcome other than the one a check expects. See docs/ci-gate.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing new: every outcome as expected, every violation in the baseline",
            "1:a new violation or a changed outcome",
            "2:bad configuration (unknown key or model, unreadable baseline), one line naming the file",
            "3:internal error (details written to a file)"})
/** {@code kexec-check gate}: the CI gate over a configuration of checks and a baseline of accepted violations. */
public final class GateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The gate configuration: the checks to run and the outcome each expects (YAML).")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The accepted violations (default: the configuration's 'baseline:', else "
                    + GateConfig.DEFAULT_BASELINE + " beside it). A file that does not exist accepts nothing.")
    Path baseline;

    @Option(names = "--update-baseline",
            description = "Rewrite the baseline to accept exactly the violations found now (atomically)."
                    + " A changed outcome still fails.")
    boolean updateBaseline;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML: one test case per check.")
    Path junit;

    @Option(names = "--sarif", paramLabel = "FILE",
            description = "Also write SARIF 2.1.0: one result per violation, its trace as a code flow.")
    Path sarif;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only part I of N of the checks (round robin), e.g. as one job of a CI matrix. Each"
                    + " part's JUnit and SARIF files stand alone (CI systems collect several); a part judges the"
                    + " baseline only for its own checks.")
    String shard;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    /** Only a failing check pays for its conditions: a check that passes has nothing to act on. */
    @Mixin
    ConditionsOptions conditions;

    @Mixin
    SolverOptions engine;

    @Override
    public Integer call() {
        // SAT4J unless --solver says otherwise: a baseline's fingerprints hash the shortest counterexample
        // each engine finds, and CaDiCaL finds other shortest ones than the SAT4J that wrote the shipped
        // baselines (docs/ci-gate.md, "The SAT engine")
        engine.choose(SatEngine.SAT4J);
        OutputPaths.file("--junit", junit);
        OutputPaths.file("--sarif", sarif);
        GateConfig gate = GateConfig.read(config);
        Shard part = shard == null ? Shard.WHOLE : Shard.parse(shard);
        if (updateBaseline && !part.whole()) {
            throw new BadInputException("--update-baseline with --shard " + part + ": the baseline is rewritten from a"
                    + " run of every check, or it would drop the other shards' accepted violations");
        }
        Path baselineFile = gate.baselineFile(baseline);
        Baseline accepted = Baseline.read(baselineFile);
        Set<String> known = accepted.fingerprints();

        PrintWriter out = spec.commandLine().getOut();
        List<GateResult.CheckResult> results = new ArrayList<>();
        List<GateCheck> mine = part.select(gate.checks());
        // the whole configuration first: a typo in the last check must not wait for the first to run
        for (GateCheck check : mine) {
            try {
                Checker.validate(check.request());
            } catch (BadInputException e) {
                throw new BadInputException(config + ": check '" + check.name() + "': " + e.getMessage());
            }
        }
        GateText text = new GateText(config, shard, updateBaseline, !noTiming, mine);
        out.print(text.header(baselineFile, mine.size()));
        out.flush();
        // killed (SIGINT, SIGTERM: a CI timeout), the JVM still writes JUnit and SARIF for the checks that finished
        Thread onKill = new Thread(() -> writeFinished(gate, baselineFile, accepted, results, mine.size()),
                "gate-interrupted");
        Runtime.getRuntime().addShutdownHook(onKill);
        try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "gate")) {
            for (GateCheck check : mine) {
                String which = "check " + (results.size() + 1) + "/" + mine.size() + " '" + check.name() + "': ";
                GateResult.CheckResult done = run(check, known, stage -> progress.show(which + stage));
                synchronized (results) {
                    results.add(done);
                }
                // streamed, terminal or pipe alike: a CI job killed by its timeout keeps what finished
                progress.clear();
                out.print(text.check(done));
                out.flush();
            }
        } finally {
            removeHook(onKill);
        }
        GateResult result = new GateResult(gate.file(), gate.checks(), baselineFile, accepted, List.copyOf(results));

        // every output is composed before the first is written, so bad input leaves nothing behind
        Map<Path, String> files = new LinkedHashMap<>();
        if (junit != null) {
            files.put(junit, JUnitReport.render(result, !noTiming));
        }
        if (sarif != null) {
            files.put(sarif, SarifReport.render(result));
        }
        if (updateBaseline) {
            files.put(baselineFile, result.current().text());
        }
        files.forEach(TraceFiles::writeAtomically);

        out.print(text.footer(result));
        out.flush();
        boolean outcomeChanged = result.checks().stream().anyMatch(c -> c.outcomeChanged() || c.vacuous());
        if (updateBaseline) {
            return outcomeChanged ? KexecCheck.VIOLATED : KexecCheck.OK;
        }
        return result.failed() ? KexecCheck.VIOLATED : KexecCheck.OK;
    }

    /**
     * On a kill before the end: JUnit and SARIF for the checks that finished, and one line on stderr
     * saying so (the baseline is never rewritten from part of a run).
     */
    private void writeFinished(GateConfig gate, Path baselineFile, Baseline accepted,
            List<GateResult.CheckResult> results, int total) {
        List<GateResult.CheckResult> finished;
        synchronized (results) {
            finished = List.copyOf(results);
        }
        GateResult partial = new GateResult(gate.file(), gate.checks(), baselineFile, accepted, finished);
        if (junit != null) {
            TraceFiles.writeAtomically(junit, JUnitReport.render(partial, !noTiming));
        }
        if (sarif != null) {
            TraceFiles.writeAtomically(sarif, SarifReport.render(partial));
        }
        System.err.println("kexec-check: gate interrupted after " + finished.size() + " of " + total + " checks"
                + (junit == null && sarif == null ? "" : "; wrote JUnit/SARIF for those"));
        System.err.flush();
    }

    /** The hook is for a kill: once the run ends on its own (or fails with bad input) it must not fire. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting (a kill arrived meanwhile): the hook runs, as it should
        }
    }

    /** Runs one check of the gate, its coverage guard if asked, and fingerprints its violations. */
    private GateResult.CheckResult run(GateCheck check, Set<String> known, Consumer<String> stage) {
        CheckReport report;
        try {
            report = Checker.check(check.request(), true, stage);
        } catch (BadInputException e) {
            throw new BadInputException(config + ": check '" + check.name() + "': " + e.getMessage());
        }
        List<GateResult.Violation> violations = new ArrayList<>();
        for (PropertyResult p : report.properties()) {
            p.counterexample().ifPresent(trace -> {
                Fingerprint f = Fingerprint.of(check.model(), report.explored(), check.request().cpus(), trace);
                violations.add(new GateResult.Violation(p, trace, f, !known.contains(f.id())));
            });
        }
        Optional<Coverage> coverage;
        try {
            coverage = check.coverage() ? Optional.of(Coverage.of(check.request())) : Optional.empty();
        } catch (BadInputException e) {
            throw new BadInputException(config + ": check '" + check.name() + "': " + e.getMessage());
        }
        GateResult.CheckResult result = new GateResult.CheckResult(check, report, List.copyOf(violations), coverage);
        if (!result.failed()) {
            return result;
        }
        stage.accept("the check fails: which configurations of its open options it fails in");
        return new GateResult.CheckResult(check, Checker.withConditions(report, conditions.upTo(), stage),
                result.violations(), coverage);
    }
}

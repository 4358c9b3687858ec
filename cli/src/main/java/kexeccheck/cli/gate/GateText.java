package kexeccheck.cli.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kexeccheck.report.ConditionsText;
import kexeccheck.report.Version;
import kexeccheck.report.gate.Baseline;
import kexeccheck.report.gate.GateCheck;
import kexeccheck.report.gate.GateResult;

/**
 * What {@code gate} prints, in the three parts it streams: a header before the first check runs, one
 * block per check as soon as it has run, and the summary. A CI log therefore holds every finished
 * check even when the job is killed, and each check's first line starts with {@code ok} or
 * {@code FAIL} and its name, for a log reader to grep.
 */
final class GateText {

    private final Path config;
    private final String shard;
    private final boolean updateBaseline;
    private final boolean withTimes;
    private final int width;

    /**
     * @param shard the {@code --shard} as given, or null
     * @param checks the checks this run will print, for the width of the name column
     */
    GateText(Path config, String shard, boolean updateBaseline, boolean withTimes, List<GateCheck> checks) {
        this.config = config;
        this.shard = shard;
        this.updateBaseline = updateBaseline;
        this.withTimes = withTimes;
        this.width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
    }

    /** The first line: which checks, from where, against which baseline. */
    String header(Path baselineFile, int checks) {
        return "kexec-check " + Version.current() + " gate: " + (shard == null ? "" : "shard " + shard.strip()
                + " of the checks, ") + checks + (checks == 1 ? " check from " : " checks from ") + config
                + ", baseline " + baselineFile + (Files.exists(baselineFile) || updateBaseline ? "" : " (none yet)")
                + "\n";
    }

    /** One check's block: its verdict line, what a failing one needs, and its violations. */
    String check(GateResult.CheckResult c) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("  %-4s  %-" + width + "s  %s", (updateBaseline ? c.outcomeChanged() : c.failed())
                ? "FAIL" : "ok", c.check().name(), c.verdict()));
        if (withTimes) {
            s.append(String.format(" (%.1f s)", c.report().wallMillis() / 1000.0));
        }
        s.append('\n');
        if (c.failed()) {
            c.report().conditions().ifPresent(when -> s.append(ConditionsText.render(when).indent(6)));
        }
        for (GateResult.Violation v : c.violations()) {
            s.append(String.format("        %-8s %s  %s  %s%n", v.isNew() ? "new" : "accepted",
                    v.fingerprint().shortId(), v.property().name(), v.fingerprint().summary()));
        }
        return s.toString();
    }

    /** The accepted violations no longer found, and the summary line. */
    String footer(GateResult result) {
        StringBuilder s = new StringBuilder();
        int newViolations = 0;
        int changed = 0;
        int vacuous = 0;
        long wall = 0;
        for (GateResult.CheckResult c : result.checks()) {
            newViolations += c.newViolations().size();
            changed += c.outcomeChanged() ? 1 : 0;
            vacuous += c.vacuous() ? 1 : 0;
            wall += c.report().wallMillis();
        }
        for (Baseline.Accepted gone : result.gone()) {
            s.append("  gone  ").append(gone.fingerprint(), 0, 12).append("  ").append(gone.check()).append(' ')
                    .append(gone.property()).append(": accepted, no longer found")
                    .append(updateBaseline ? " (dropped from the baseline)" : " (--update-baseline drops it)")
                    .append('\n');
        }
        s.append('\n');
        if (updateBaseline) {
            s.append("baseline ").append(result.baselineFile()).append(" rewritten: ")
                    .append(result.current().accepted().size()).append(" accepted violations\n");
            newViolations = 0;
        }
        s.append("gate: ").append(changed == 0 && newViolations == 0 && vacuous == 0 ? "passed" : "FAILED").append(" (")
                .append(newViolations).append(" new violation").append(newViolations == 1 ? "" : "s").append(", ")
                .append(changed).append(" changed outcome").append(changed == 1 ? "" : "s")
                .append(vacuous == 0 ? "" : ", " + vacuous + " vacuous check" + (vacuous == 1 ? "" : "s")).append(')');
        if (withTimes) {
            s.append(String.format(" in %.1f s", wall / 1000.0));
        }
        s.append('\n');
        if (newViolations > 0 && !Files.exists(result.baselineFile())) {
            // a first run: say how to accept what was found, rather than leave the reader to find the flag
            s.append("to accept these violations as known, run the same command with --update-baseline (it writes ")
                    .append(result.baselineFile()).append("; commit it beside ").append(config.getFileName())
                    .append(")\n");
        }
        return s.toString();
    }
}

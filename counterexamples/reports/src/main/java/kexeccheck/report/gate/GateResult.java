package kexeccheck.report.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.Coverage;
import kexeccheck.checker.PropertyResult;
import kexeccheck.trace.Trace;

/**
 * What one run of the gate found: each check's report, its violations and which of them are new.
 *
 * @param configFile the gate configuration run
 * @param configured every check it configures (a shard runs some of them)
 * @param baselineFile the baseline compared with
 * @param baseline the baseline as read
 * @param checks each check's result, in the configuration's order (a shard's: some of them)
 */
public record GateResult(Path configFile, List<GateCheck> configured, Path baselineFile, Baseline baseline, List<CheckResult> checks) {

    /**
     * One violated property of one check.
     *
     * @param property the checker's verdict
     * @param trace its counterexample
     * @param fingerprint its identity across runs
     * @param isNew whether the baseline does not accept it
     */
    public record Violation(PropertyResult property, Trace trace, Fingerprint fingerprint, boolean isNew) {}

    /**
     * One check's result.
     *
     * @param check the check as configured
     * @param report the checker's report
     * @param violations every violated property with its counterexample, in the model's order
     * @param coverage the vacuity guard's result, when the check asks for it
     */
    public record CheckResult(GateCheck check, CheckReport report, List<Violation> violations,
            Optional<Coverage> coverage) {

        /** Whether the outcome is not the one the configuration expects. */
        public boolean outcomeChanged() {
            return report.outcome() != check.expect();
        }

        /** The violations the baseline does not accept. */
        public List<Violation> newViolations() {
            return violations.stream().filter(Violation::isNew).toList();
        }

        /** Whether the vacuity guard ran and found something that never happens. */
        public boolean vacuous() {
            return coverage.map(c -> !c.complete()).orElse(false);
        }

        /** Whether this check fails the gate. */
        public boolean failed() {
            return outcomeChanged() || !newViolations().isEmpty() || vacuous();
        }

        /** One line on why it fails (or that it passes): the outcome and the new fingerprints. */
        public String verdict() {
            List<String> parts = new ArrayList<>();
            parts.add("outcome " + report.outcome().cliName() + (outcomeChanged()
                    ? ", expected " + check.expect().cliName() : " as expected"));
            List<Violation> fresh = newViolations();
            if (!fresh.isEmpty()) {
                parts.add(fresh.size() + " new violation" + (fresh.size() == 1 ? "" : "s") + ": " + String.join(", ",
                        fresh.stream().map(v -> v.property().name() + " " + v.fingerprint().id()).toList()));
            }
            int accepted = violations.size() - fresh.size();
            if (accepted > 0) {
                parts.add(accepted + " violation" + (accepted == 1 ? "" : "s") + " in the baseline");
            }
            if (!report.holdsReach().isEmpty()) {
                parts.add(report.holdsReach());
            }
            coverage.ifPresent(c -> parts.add(c.complete() ? "coverage complete"
                    : "coverage: never happens: " + String.join(", ", c.missing())));
            return String.join("; ", parts);
        }
    }

    /** Whether the gate fails (exit code 1). */
    public boolean failed() {
        return checks.stream().anyMatch(CheckResult::failed);
    }

    /** The baseline that accepts exactly the violations found now. */
    public Baseline current() {
        List<Baseline.Accepted> accepted = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CheckResult c : checks) {
            for (Violation v : c.violations()) {
                if (seen.add(v.fingerprint().id())) {
                    accepted.add(new Baseline.Accepted(v.fingerprint().id(), c.check().name(), c.check().model(),
                            v.property().name(), v.fingerprint().summary()));
                }
            }
        }
        return new Baseline(Baseline.FORMAT, accepted);
    }

    /** Accepted violations no check found this time (fixed, or the configuration changed). */
    public List<Baseline.Accepted> gone() {
        Set<String> found = current().fingerprints();
        // a shard runs only some checks: what the others accepted is not gone, just not looked for
        boolean whole = checks.size() == configured.size();
        Set<String> ran = checks.stream().map(c -> c.check().name()).collect(java.util.stream.Collectors.toSet());
        return baseline.accepted().stream().filter(a -> !found.contains(a.fingerprint()))
                .filter(a -> whole || ran.contains(a.check())).toList();
    }
}

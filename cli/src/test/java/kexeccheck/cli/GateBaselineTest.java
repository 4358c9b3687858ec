package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kexeccheck.cli.gate.GateConfig;
import kexeccheck.report.gate.Baseline;
import kexeccheck.report.gate.SarifReport;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The baseline workflow: a violation not in the baseline fails the gate and is named by its fingerprint;
 * {@code --update-baseline} accepts it; an outcome other than the expected one fails whatever the baseline.
 */
class GateBaselineTest {

    /** The seed's objection (scenarios.md): two violations, the cheapest violating public scenario. */
    private static final String SEED = """
            checks:
              - name: seed
                model: dt-memory-region-v1
                chain: [linux-5.3+dt-v1, linux-4.19]
                firmware: dt
                reserved-memory: map
                hardware: sticky
                devices: active
                expect: corruption
            """;

    @TempDir
    Path dir;

    @Test
    void aViolationNotInTheBaselineFailsTheGateAndIsNamedInEveryReport() throws Exception {
        Path config = Files.writeString(dir.resolve("kexec-check.yml"), SEED);
        Path junit = dir.resolve("junit.xml");
        Path sarif = dir.resolve("gate.sarif");

        CliRun run = CliRun.of("gate", "--config", config.toString(), "--junit", junit.toString(),
                "--sarif", sarif.toString(), "--no-timing", "--no-conditions");

        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("(none yet)"), run.out());
        assertTrue(run.out().contains("  FAIL  seed  outcome corruption as expected; 2 new violations: "), run.out());
        assertTrue(run.out().contains("gate: FAILED (2 new violations, 0 changed outcomes)"), run.out());
        assertFalse(run.out().contains("fails when") || run.out().contains("fails in every"), "--no-conditions");
        assertTrue(run.out().contains("to accept these violations as known, run the same command with"
                + " --update-baseline"), "a first failing run says how to accept: " + run.out());
        assertFalse(Files.exists(dir.resolve(GateConfig.DEFAULT_BASELINE)), "only --update-baseline writes it");

        Set<String> accepted = Baseline.read(GateExampleTest.BASELINE).fingerprints();
        assertEquals(List.of(), GateReports.junitProblems(junit), "a failing gate's JUnit file is valid too");
        Element testcase = GateReports.junitTestcases(junit).get(0);
        Element failure = GateReports.children(testcase, "failure").get(0);
        assertEquals("new-violation", failure.getAttribute("type"));
        JsonNode results = TraceJson.mapper().readTree(sarif.toFile()).get("runs").get(0).get("results");
        assertEquals(List.of(), GateReports.sarifProblems(TraceJson.mapper().readTree(sarif.toFile())));
        assertEquals(2, results.size());
        for (JsonNode r : results) {
            String fingerprint = r.get("partialFingerprints").get(SarifReport.FINGERPRINT_KEY).asText();
            assertTrue(failure.getAttribute("message").contains(r.get("ruleId").asText() + " " + fingerprint),
                    failure.getAttribute("message"));
            assertTrue(failure.getTextContent().contains("fails here"), failure.getTextContent());
            assertEquals("new", r.get("baselineState").asText());
            assertFalse(r.has("suppressions"));
            // the same check under another name in the example: the same violations, the same fingerprints
            assertTrue(accepted.contains(fingerprint), fingerprint + " is not the example's");
        }
    }

    @Test
    void updateBaselineAcceptsWhatIsFoundAndWritesTheBaselineWhole() throws Exception {
        Path config = Files.writeString(dir.resolve("kexec-check.yml"), SEED);
        Path baseline = dir.resolve("accepted/baseline.json");
        Files.createDirectories(baseline.getParent());
        Files.writeString(baseline, Baseline.empty().text());

        CliRun run = CliRun.of("gate", "--config", config.toString(), "--baseline", baseline.toString(),
                "--update-baseline", "--no-timing");

        assertEquals(KexecCheck.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("rewritten: 2 accepted violations"), run.out());
        Baseline written = Baseline.read(baseline);
        assertEquals(List.of("lpis-delivered", "no-stray-write"),
                written.accepted().stream().map(Baseline.Accepted::property).toList());
        assertTrue(written.accepted().stream().allMatch(a -> a.check().equals("seed")
                && a.model().equals("dt-memory-region-v1") && a.summary().startsWith("linux-5.3+dt-v1 (firmware-boot) -> linux-4.19")));
        assertTrue(Baseline.read(GateExampleTest.BASELINE).fingerprints().containsAll(written.fingerprints()));
        try (Stream<Path> files = Files.list(baseline.getParent())) {
            assertEquals(List.of(baseline), files.toList(), "no temporary file left beside the baseline");
        }
    }

    @Test
    void aFailingCheckSaysInWhichConfigurationsOfItsOpenOptionsItFails() throws Exception {
        Path config = Files.writeString(dir.resolve("kexec-check.yml"), """
                checks:
                  - name: efi-sticky
                    chain: [linux-6.1, linux-6.1]
                    firmware: efi
                    reserved-memory: map
                    dtb: passthrough
                    syscall: kexec-load
                    hardware: sticky
                    propbaser-sharing: per-redistributor
                    devices: active
                    kexec: normal
                    page-size: 4k
                    expect: safe
                """);
        Path junit = dir.resolve("junit.xml");

        CliRun run = CliRun.of("gate", "--config", config.toString(), "--junit", junit.toString(), "--no-timing");

        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("""
                        no-stray-write  fails when: loader=ignores-reserved
                                        holds when: loader=honours-reserved
                """), run.out());
        assertTrue(run.out().contains("        (over the options left open: loader; 2 configurations, all of which run)\n"),
                run.out());
        Element failure = GateReports.children(GateReports.junitTestcases(junit).get(0), "failure").get(0);
        assertTrue(failure.getTextContent().contains("no-stray-write  fails when: loader=ignores-reserved"),
                failure.getTextContent());
    }

    @Test
    void anOutcomeOtherThanTheExpectedOneFailsTheGate() throws Exception {
        Path config = Files.writeString(dir.resolve("kexec-check.yml"), """
                checks:
                  - name: gicv2
                    chain: [linux-6.1, linux-6.1]
                    hardware: gicv2
                    expect: safe
                """);
        Path junit = dir.resolve("junit.xml");

        CliRun run = CliRun.of("gate", "--config", config.toString(), "--junit", junit.toString(), "--no-timing");

        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("  FAIL  gicv2  outcome not-applicable, expected safe"), run.out());
        assertTrue(run.out().contains("gate: FAILED (0 new violations, 1 changed outcome)"), run.out());
        assertEquals(List.of(), GateReports.junitProblems(junit));
        Element failure = GateReports.children(GateReports.junitTestcases(junit).get(0), "failure").get(0);
        assertEquals("changed-outcome", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("outcome not-applicable, expected safe"));
    }
}

package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad gate configuration or baseline: one line on stderr naming the file (and the line and key where
 * there is one) and the problem, exit code 2, and nothing written. None of these reaches the solver.
 */
class GateConfigTest {

    private static final String GOOD_CHECK = """
            checks:
              - name: gicv2
                chain: [linux-6.1, linux-6.1]
                hardware: gicv2
                expect: not-applicable
            """;

    @TempDir
    Path dir;

    private Path config(String text) throws Exception {
        Path file = dir.resolve("kexec-check.yml");
        Files.writeString(file, text);
        return file;
    }

    private CliRun gate(Path config, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "gate";
        args[1] = "--config";
        args[2] = config.toString();
        args[3] = "--no-timing";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }


    @Test
    void anUnknownKeyInACheckIsNamedWithItsFileAndLine() throws Exception {
        Path file = config("""
                checks:
                  - name: efi
                    chain: [linux-6.1, linux-6.1]
                    firmwares: efi
                    expect: safe
                """);
        assertBadInputOf(gate(file), file + ":4:", "unknown key 'firmwares'", "firmware");
    }

    @Test
    void anUnknownTopLevelKeyIsNamedWithItsFileAndLine() throws Exception {
        Path file = config("baseline: b.json\nbaslines: x\n" + GOOD_CHECK);
        assertBadInputOf(gate(file), file + ":2:", "unknown key 'baslines'");
    }

    @Test
    void aCheckWithoutAnExpectedOutcome() throws Exception {
        Path file = config("checks:\n  - name: efi\n    chain: linux-6.1\n  - name: dt\n    chain: linux-6.1\n    expect: safe\n");
        assertBadInputOf(gate(file), file + ":2:", "missing the required key 'expect'");
    }

    @Test
    void anExpectedOutcomeThatIsNoOutcomeClass() throws Exception {
        Path file = config(GOOD_CHECK.replace("not-applicable", "fine"));
        assertBadInputOf(gate(file), file.toString(), "check 'gicv2'", "'fine'", "lost-lpis");
    }

    @Test
    void anUnknownModel() throws Exception {
        Path file = config(GOOD_CHECK.replace("    hardware", "    model: kho\n    hardware"));
        assertBadInputOf(gate(file), file.toString(), "check 'gicv2'", "unknown model 'kho'", "dt-memory-region-v1");
    }

    @Test
    void anUnknownProfileIsNamedWithTheCheck() throws Exception {
        Path file = config(GOOD_CHECK.replace("linux-6.1, linux-6.1", "linux-9.9"));
        assertBadInputOf(gate(file), file.toString(), "check 'gicv2'", "linux-9.9");
    }

    @Test
    void aTypoInTheLastCheckIsRefusedBeforeTheFirstRunsWithTheNearestName() throws Exception {
        // issue 25: the first check would take tens of seconds; the second's profile is refused before it
        Path file = config("""
                checks:
                  - name: slow
                    chain: [linux-6.1, linux-6.1]
                    expect: corruption
                  - name: typo
                    chain: [linux-4.91, linux-6.1]
                    expect: corruption
                """);
        CliRun run = gate(file);
        assertBadInputOf(run, file.toString(), "check 'typo'", "linux-4.91", "did you mean linux-4.19?");
        assertEquals("", run.out(), "nothing printed: no check ran");
    }

    @Test
    void twoChecksWithOneName() throws Exception {
        Path file = config(GOOD_CHECK + GOOD_CHECK.replace("checks:\n", ""));
        assertBadInputOf(gate(file), file.toString(), "'gicv2'", "twice");
    }

    @Test
    void aValueOfTheWrongKindIsNamedByItsKey() throws Exception {
        Path file = config(GOOD_CHECK.replace("    hardware", "    cpus: many\n    hardware"));
        assertBadInputOf(gate(file), file + ":4:", "'checks[0].cpus' must be a whole number, not 'many'");
    }

    @Test
    void notYaml() throws Exception {
        Path file = config("checks: [name: x\n");
        assertBadInputOf(gate(file), file.toString());
    }

    @Test
    void anEmptyFile() throws Exception {
        assertBadInputOf(gate(config("")), "empty");
    }

    @Test
    void aMissingConfiguration() {
        assertBadInputOf(gate(dir.resolve("none.yml")), "none.yml", "cannot read");
    }

    @Test
    void aBaselineThatIsNotJsonIsNamedAndNothingIsWritten() throws Exception {
        Path file = config(GOOD_CHECK);
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{ \"format\": ");
        Path junit = dir.resolve("out/junit.xml");
        Path sarif = dir.resolve("out/gate.sarif");
        CliRun run = gate(file, "--baseline", baseline.toString(), "--junit", junit.toString(),
                "--sarif", sarif.toString(), "--update-baseline");
        assertBadInputOf(run, baseline.toString(), "not a kexec-check baseline");
        assertFalse(Files.exists(junit));
        assertFalse(Files.exists(sarif));
        assertEquals("{ \"format\": ", Files.readString(baseline));
    }

    @Test
    void aBaselineOfAnotherFormat() throws Exception {
        Path file = config("baseline: b.json\n" + GOOD_CHECK);
        Files.writeString(dir.resolve("b.json"), "{\"format\": \"other/9\", \"accepted\": []}");
        assertBadInputOf(gate(file), dir.resolve("b.json").toString(), "kexec-check-baseline/1");
    }

    @Test
    void anUnreadableBaseline() throws Exception {
        Path file = config(GOOD_CHECK);
        Path folder = Files.createDirectory(dir.resolve("baseline.json"));
        assertBadInputOf(gate(file, "--baseline", folder.toString()), folder.toString(), "cannot read the baseline");
    }

    @Test
    void configRequired() {
        CliRun run = CliRun.of("gate");
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--config"), run.err());
    }

    private static void assertBadInputOf(CliRun run, String... mustMention) {
        run.assertBadInput(mustMention);
    }
}

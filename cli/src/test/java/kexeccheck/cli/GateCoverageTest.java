package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate check with {@code coverage: true} runs the vacuity guard too: what the check's options rule
 * out passes, something no option allows fails the gate as vacuous (its own JUnit failure type).
 */
class GateCoverageTest {

    @TempDir
    Path dir;

    @Test
    void aVacuousCheckFailsTheGateAndANarrowedOneDoesNot() throws Exception {
        Path config = Files.writeString(dir.resolve("kexec-check.yml"), """
                checks:
                  - name: narrowed
                    chain: [linux-6.1, linux-6.1]
                    firmware: efi
                    hardware: gicv2
                    kexec: normal
                    coverage: true
                    expect: not-applicable
                  - name: one-kernel
                    chain: [linux-6.1]
                    firmware: efi
                    hardware: gicv2
                    coverage: true
                    expect: not-applicable
                """);
        Path junit = dir.resolve("junit.xml");
        CliRun run = CliRun.of("gate", "--config", config.toString(), "--junit", junit.toString(), "--no-timing");

        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("  ok    narrowed    outcome not-applicable as expected; coverage complete\n"),
                run.out());
        assertTrue(run.out().contains("  FAIL  one-kernel  outcome not-applicable as expected; coverage: never happens:"
                + " event kexec, event crash-kexec\n"), run.out());
        assertTrue(run.out().contains("gate: FAILED (0 new violations, 0 changed outcomes, 1 vacuous check)"), run.out());
        String xml = Files.readString(junit);
        assertEquals(1, xml.split("type=\"vacuous\"").length - 1, xml);
    }
}

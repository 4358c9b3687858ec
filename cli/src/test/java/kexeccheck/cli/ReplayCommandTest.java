package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kexec-check replay}: verdicts, exit codes and bad input. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private Path fixture() throws Exception {
        Path p = dir.resolve("no-stray-write.trace.json");
        Files.copy(Path.of("../counterexamples/trace/src/test/resources/traces/no-efi-sticky-breaks/no-stray-write.trace.json"), p);
        return p;
    }

    @Test
    void aCheckerCounterexampleIsConfirmed() throws Exception {
        CliRun run = CliRun.of("replay", fixture().toString());
        assertEquals(KexecCheck.OK, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("F2=0x48020000"), run.out());
        // its_cpu_init_lpis(): PA | InnerShareable | RaWaWb, PTZ (bit 62) clear
        assertTrue(run.out().contains("GICR_PENDBASER(CPU0) <- 0x0000000048030780\n"), run.out());
        assertTrue(run.out().contains("log  [K1] GICv3: CPU0: using allocated LPI pending table @0x0000000048030000"), run.out());
        assertTrue(run.out().contains("!!   step 3: stray-gic-write at 0x48030400 by GIC (CPU0 redistributor) into K2's free"),
                run.out());
        assertTrue(run.out().strip().endsWith("verdict: confirmed (no-stray-write fails at step 3 in both accounts;"
                + " the states agree at every step)"), run.out());
    }

    @Test
    void aTraceTheSimulatorDisagreesWithIsSpurious() throws Exception {
        Path p = fixture();
        Files.writeString(p, Files.readString(p).replace("\"violationState\" : 3", "\"violationState\" : 2"));
        CliRun run = CliRun.of("replay", p.toString());
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("verdict: spurious"), run.out());
    }

    @Test
    void aMissingTraceIsBadInput() {
        CliRun run = CliRun.of("replay", dir.resolve("missing.json").toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("kexec-check: ") && run.err().contains("missing.json"), run.err());
    }

    @Test
    void aSchemaInvalidTraceIsBadInput() throws Exception {
        Path p = fixture();
        Files.writeString(p, Files.readString(p).replace("\"schemaVersion\" : 3", "\"schemaVersion\" : 7"));
        CliRun run = CliRun.of("replay", p.toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("not a kexec-check trace"), run.err());
    }

    @Test
    void aTraceOfTheOlderFormatSaysSo() throws Exception {
        Path p = fixture();
        Files.writeString(p, Files.readString(p).replace("\"schemaVersion\" : 3", "\"schemaVersion\" : 2"));
        CliRun run = CliRun.of("replay", p.toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("trace format 2, written by an older kexec-check"), run.err());
    }

    @Test
    void aProfileTheModelDoesNotHaveIsBadInput() throws Exception {
        Path p = fixture();
        Files.writeString(p, Files.readString(p).replace("\"profile\" : \"linux-6.1\"", "\"profile\" : \"linux-9.9\""));
        CliRun run = CliRun.of("replay", p.toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("linux-9.9") && run.err().contains("does not have"), run.err());
    }

    @Test
    void capabilitiesThatAreNotTheProfilesAreBadInput() throws Exception {
        Path p = fixture();
        Files.writeString(p, Files.readString(p).replaceFirst("\"memreserve-in-iomem\", ", ""));
        CliRun run = CliRun.of("replay", p.toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("has capabilities"), run.err());
    }

    @Test
    void aHandEditedStateDiverges() throws Exception {
        Path p = fixture();
        String text = Files.readString(p);
        int s1 = text.indexOf("\"index\" : 1");
        int its = text.indexOf("\"its\" : \"enabled\"", s1);
        Files.writeString(p, text.substring(0, its) + "\"its\" : \"disabled\"" + text.substring(its + 17));
        CliRun run = CliRun.of("replay", p.toString());
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("verdict: diverged (no-stray-write fails at step 3 in both accounts, but the states"
                + " first differ at step 1: its: simulator enabled, trace disabled)"), run.out());
    }
}

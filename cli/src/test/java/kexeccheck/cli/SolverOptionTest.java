package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import kexeccheck.checker.sat.CadicalLibrary;
import kexeccheck.checker.sat.SatEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --solver}: a bad value, a named engine that does not load, and the engine named in the report. */
class SolverOptionTest {

    private static final String[] SMALL = {"check", "--chain", "linux-6.1,linux-6.1", "--firmware", "dt", "--hardware",
        "sticky", "--devices", "active", "--no-proof", "--no-conditions"};

    @Test
    void anUnknownEngineIsBadInput() {
        CliRun.of("check", "--solver", "minisat").assertBadInput("--solver minisat", "auto, cadical, sat4j");
    }

    @Test
    void sat4jAnswersWhenNamedAndTheReportSaysSo() {
        CliRun run = CliRun.of(with(SMALL, "--solver", "sat4j"));
        assertEquals("corruption", run.outcome(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("by sat4j,"), run.out());
    }

    @Test
    void cadicalAnswersWhenNamedAndBuiltAndTheJsonSaysSo() {
        assumeTrue(CadicalLibrary.load().isEmpty() || SatEngines.required(), "CaDiCaL not built");
        CliRun run = CliRun.of(with(SMALL, "--solver", "cadical", "--format", "json"));
        assertEquals("", run.err());
        assertEquals("cadical", JsonReports.requireValid(run.out()).at("/timing/engine").asText(), run.out());
    }

    @Test
    void aNamedEngineThatDoesNotLoadIsOneLineAndSat4jAnswers(@TempDir Path dir) {
        Path missing = dir.resolve("libkexeccheck-cadical.so");
        System.setProperty(CadicalLibrary.PROPERTY, missing.toString());
        try {
            CliRun run = CliRun.of(with(SMALL, "--solver", "cadical"));
            if (SatEngines.required()) {
                run.assertBadInput(missing.toString(), SatEngines.REQUIRE);
                return;
            }
            assertEquals("corruption", run.outcome(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("kexec-check: --solver cadical: CaDiCaL does not load from " + missing
                    + ": no such file"), run.err());
            assertTrue(run.err().strip().endsWith("SAT4J answers"), run.err());
            assertTrue(run.out().contains("by sat4j,"), run.out());
        } finally {
            System.clearProperty(CadicalLibrary.PROPERTY);
        }
    }

    static String[] with(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }
}

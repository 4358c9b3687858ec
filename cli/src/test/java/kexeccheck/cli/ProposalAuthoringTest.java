package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a proposal's author meets (docs/writing-a-proposal.md §9): errors that say what to do, paths that exist. */
class ProposalAuthoringTest {

    private static final String HEADER = "open kexec/core\nopen kexec/profiles\nopen kexec/properties\n";
    private static final String EVENTS = "pred init { coldBoot }\npred step { kexecEvents[pageAllocator, neverFaults] }\n";

    @TempDir
    Path dir;

    private Path model(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name + ".als"), "module " + name + "\n" + text);
    }

    @Test
    void anOpenOfAMissingModuleNamesTheModuleAndWhereItLooked() throws Exception {
        Path m = model("a", "open kexec/cor\nopen kexec/profiles\n" + EVENTS);
        CliRun.of("check", "-m", m.toString()).assertBadInput(m + ":2: open kexec/cor: no such module",
                dir.resolve("kexec/cor.als").toString(), "shipped modules: kexec/core");
    }

    @Test
    void aMisspeltNameGetsASuggestion() throws Exception {
        Path m = model("b", HEADER + "pred init { coldBot }\npred step { kexecEvents[pageAllocator, neverFaults] }\n");
        CliRun.of("check", "-m", m.toString()).assertBadInput(m + ":5:", "\"coldBot\" cannot be found",
                "Did you mean \"coldBoot\"?");
    }

    @Test
    void anAnnotationNotAttachedToAPredIsAnError() throws Exception {
        Path m = model("c", HEADER + "-- @property corruption\nfact F { some Cpu }\n" + EVENTS);
        CliRun.of("check", "-m", m.toString()).assertBadInput(m + ":5: @property is not attached to a pred");
    }

    @Test
    void aShippedModuleOpenedByAUsersFileIsNamedAtItsPathInTheRepository() throws Exception {
        Path m = model("d", HEADER + EVENTS);
        CliRun run = CliRun.of("check", "-m", m.toString(), "--chain", "linux-6.1,linux-6.1", "--firmware", "efi",
                "--hardware", "clearable", "--format", "json", "--no-proof", "--no-timing");
        assertEquals("", run.err());
        JsonNode report = TraceJson.mapper().readTree(run.out());
        Path repository = Path.of("..").toAbsolutePath().normalize();
        for (JsonNode p : report.get("properties")) {
            String declared = p.get("declaredAt").asText();
            String file = declared.substring(0, declared.lastIndexOf(':'));
            assertTrue(Files.isRegularFile(repository.resolve(file)), declared + " is not a file of the repository");
        }
    }

    @Test
    void aModelTheSimulatorHasNoAccountOfIsNotReplayable() {
        CliRun run = CliRun.of("crosscheck", "-m", "../docs/tutorial/chosen-lpi-tables.als",
                "--population", "linux-6.1,linux-6.1+chosen", "--firmware", "dt", "--hardware", "sticky");
        assertEquals(KexecCheck.NOT_REPLAYABLE, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("kexec-check: not replayable: capability chosen-lpi-tables (profile"
                + " linux-6.1+chosen) has no simulator account"), run.err());
    }

    @Test
    void aChannelNoKernelReadsIsNotCoveredAndSaysSo() throws Exception {
        Path m = model("e", HEADER + "one sig lost extends Channel {} {\n  writers = Profile\n  no readers\n"
                + "  no relays\n  across = kexec_entry\n  no shown\n}\n" + EVENTS);
        CliRun run = CliRun.of("check", "-m", m.toString(), "--chain", "linux-6.1,linux-6.1", "--firmware", "dt",
                "--hardware", "sticky", "--coverage", "--no-proof", "--no-timing");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("  channels: lost NO"), run.out());
    }
}

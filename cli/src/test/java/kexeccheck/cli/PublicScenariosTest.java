package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public acceptance scenarios of shared/docs/scenarios.md, each run as a user would type it:
 * given the command line, when checked, then this outcome, this exit code, and for a violation a
 * counterexample that names its configuration and ends where the property fails, and that the
 * concrete simulator confirms when it replays the trace file.
 */
class PublicScenariosTest {

    @TempDir
    Path traces;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("efi-memreserve-works", "--chain linux-6.1,linux-6.1 --firmware efi --hardware sticky"
                        + " --loader honours-reserved --devices active", "safe"),
                Arguments.of("pre-4.20-breaks", "--chain linux-4.19,linux-4.19 --firmware efi --hardware sticky"
                        + " --devices active", "corruption"),
                Arguments.of("no-efi-sticky-breaks", "--chain linux-6.1,linux-6.1 --firmware dt --hardware sticky"
                        + " --devices active", "corruption"),
                Arguments.of("nolpi-workaround", "--chain linux-6.1+nolpi,linux-6.1 --firmware dt --hardware sticky"
                        + " --devices active", "safe"),
                Arguments.of("efi-new-to-old", "--chain linux-6.1,linux-4.19 --firmware efi --hardware sticky"
                        + " --devices active", "corruption"),
                // the scenario's boards (NXP Layerscape) share GICR_PROPBASER, which U-Boot writes through
                // redistributor 0 only: left open, the option decides (see below)
                Arguments.of("bootloader-preprogrammed-works", "--chain linux-6.1,linux-6.1 --firmware dt-preprogrammed"
                        + " --reserved-memory map --dtb passthrough --loader honours-reserved --hardware sticky"
                        + " --devices active --propbaser-sharing shared", "safe"),
                Arguments.of("gicv2-not-applicable", "--chain linux-6.1,linux-6.1 --hardware gicv2", "not-applicable"),
                Arguments.of("seed-objection-found", "-m dt-memory-region-v1 --chain linux-5.3+dt-v1,linux-4.19"
                        + " --firmware dt --reserved-memory map --hardware sticky --devices active", "corruption"));
    }

    @Test
    void bootloaderPreprogrammedTablesLoseCpu1sLpisOnAGicThatDoesNotSharePropbaser() {
        // issue 23: U-Boot gic_lpi_tables_init() writes PROPBASER through redistributor 0 only; the
        // scenario's command line leaves the sharing open, and the GIC that does not share it decides
        CliRun run = CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--firmware", "dt-preprogrammed",
                "--reserved-memory", "map", "--dtb", "passthrough", "--loader", "honours-reserved", "--hardware",
                "sticky", "--devices", "active", "--no-proof");
        assertEquals("lost-lpis", run.outcome(), run.out() + run.err());
        assertTrue(run.out().contains("propbaser-sharing=per-redistributor"), run.out());
        assertTrue(run.out().contains("written PROPBASER through redistributor 0 only"), run.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void reportsTheOutcomeTheScenarioExpects(String id, String options, String expected) throws IOException {
        CliRun run = CliRun.of(("check " + options + " --replay --out " + traces).split(" "));

        assertEquals(expected, run.outcome(), id + ":\n" + run.out() + run.err());
        boolean violated = expected.equals("corruption") || expected.equals("lost-lpis");
        assertEquals(violated ? KexecCheck.VIOLATED : KexecCheck.OK, run.exitCode(), id);
        assertEquals("", run.err(), id);
        if (violated) {
            assertTrue(run.out().contains("counterexample for no-stray-write"), id);
            assertTrue(run.out().contains("configuration: firmware="), id);
            assertTrue(run.out().contains("no-stray-write fails here"), id);
            assertTrue(run.out().contains("replay on the concrete table simulator:\n  no-stray-write: confirmed"), id);
        }
        if (expected.equals("safe")) {
            // issue 5: the safe scenarios are proved for runs of any length, not only within the bounds;
            // reservations-bounded too since MemreserveIsLive says where the list's entries are
            for (String property : List.of("no-stray-write", "lpis-delivered", "one-property-table", "its-quiescent",
                    "reservations-bounded")) {
                assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith(property + " ") && l.contains(" holds ")
                        && l.contains("for all chain lengths (k-induction, k=")), id + " " + property + ":\n" + run.out());
            }
        }
        assertTrue(run.out().lines().noneMatch(l -> l.contains("violated") && l.contains("for all chain lengths")), id);
        List<Path> files;
        try (Stream<Path> listing = Files.list(traces)) {
            files = listing.filter(p -> p.toString().endsWith(".trace.json")).sorted().toList();
        }
        assertEquals(violated, !files.isEmpty(), id + ": trace files " + files);
        for (Path trace : files) {
            CliRun replay = CliRun.of("replay", trace.toString());
            assertEquals(KexecCheck.OK, replay.exitCode(), id + " " + trace.getFileName() + ":\n" + replay.out() + replay.err());
            assertTrue(replay.out().contains("verdict: confirmed"), id + " " + trace.getFileName());
        }
    }
}

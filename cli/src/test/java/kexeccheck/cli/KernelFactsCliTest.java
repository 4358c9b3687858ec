package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains nobody wrote down, as a kernel engineer would check them, where an audit found the
 * checker's outcome class wrong (issue 11, domain.md §3.7): each now gets the kernel's class, and
 * every trace it writes replays confirmed, state by state.
 */
class KernelFactsCliTest {

    @TempDir
    Path traces;

    private CliRun check(String options) {
        return CliRun.of(("check " + options + " --no-proof --out " + traces).split(" "));
    }

    private void everyTraceReplaysConfirmed() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(traces)) {
            files = listing.filter(p -> p.toString().endsWith(".trace.json")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no trace written");
        for (Path f : files) {
            CliRun replay = CliRun.of("replay", f.toString());
            assertEquals(KexecCheck.OK, replay.exitCode(), f.getFileName() + ":\n" + replay.out() + replay.err());
            assertTrue(replay.out().contains("verdict: confirmed"), f.getFileName() + ":\n" + replay.out());
        }
    }

    @Test
    void aLinuxBootFirstStageWithoutAMemreserveRootIsNotSafe() throws Exception {
        // was a false "safe": the 4.19 stub installs no root (b844470f2206 is v4.20), so K2 records
        // nothing and K3 finds K2's live tables in free memory
        CliRun run = check("--chain linux-4.19+nolpi,linux-6.1,linux-6.1 --firmware efi --hardware sticky"
                + " --devices active --loader honours-reserved --dtb passthrough --kexec normal --property no-stray-write");
        assertEquals("corruption", run.outcome(), run.out() + run.err());
        assertEquals(KexecCheck.VIOLATED, run.exitCode());
        assertTrue(run.out().contains("efi_mem_reserve_persistent"), run.out());
        everyTraceReplaysConfirmed();
    }

    @Test
    void theSeedsRegionMarkedNoMapKillsTheFirstKernelThatCarvesFromIt() throws Exception {
        // was corruption: get_of_page() memsets no-map memory, which is outside the linear map
        CliRun run = check("-m dt-memory-region-v1 --chain linux-5.3+dt-v1,linux-5.3+dt-v1 --firmware dt"
                + " --reserved-memory nomap --hardware sticky --devices active");
        assertEquals("fail-stop", run.outcome(), run.out() + run.err());
        assertEquals(KexecCheck.OK, run.exitCode(), run.out());
        assertTrue(Files.exists(traces.resolve("kernel-panics.trace.json")));
        everyTraceReplaysConfirmed();
    }

    @Test
    void aLeakOfMemreserveEntriesIsFoundAndReplays() throws Exception {
        // domain.md §5 reservations-bounded: K1 records the table it allocated beside a no-map region the
        // firmware programmed; K2 cannot adopt either and records another
        CliRun run = check("--chain linux-6.1,linux-6.1 --firmware efi-preprogrammed --reserved-memory nomap"
                + " --hardware sticky --property reservations-bounded");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("reservations-bounded  violated"), run.out());
        everyTraceReplaysConfirmed();
    }

    @Test
    void theExpectedReservedRangeWarningNamesTheRangeItChecked() {
        // "Expected reserved range [%pa:%pa], not found" is about the boot CPU's PROPBASER (here the
        // bootloader's table in a no-map region), not the property table the kernel then allocates
        CliRun run = check("--chain linux-6.1,linux-6.1 --firmware dt-preprogrammed --reserved-memory nomap"
                + " --hardware sticky --kexec normal --property lpis-delivered");
        String out = run.out();
        String board = out.lines().filter(l -> l.strip().startsWith("board:")).findFirst().orElseThrow();
        String regionProperty = board.replaceAll(".*LPI region (F[0-9]+) \\(property\\).*", "$1");
        String warning = out.lines().filter(l -> l.contains("GICv3: Expected reserved range [")
                && !l.contains("its_cpu_init_lpis")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(warning.contains("[" + regionProperty + "]"), warning + " does not name " + regionProperty);
        String allocated = out.lines().filter(l -> l.contains("(allocated)")).findFirst().orElseThrow();
        assertTrue(!allocated.contains("property table " + regionProperty + " "), allocated);
    }
}

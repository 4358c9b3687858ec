package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The answers docs/kho.md gives about the LPI tables handed over through KHO. */
class KhoProposalTest {

    /**
     * The matrix's options in docs/kho.md: a loader that honours "reserved", the running DT passed on, the
     * next kernel loaded with kexec_file_load after KHO was finalised (the only way a KHO FDT is passed).
     */
    private static CliRun narrow(String chain, String firmware, String... more) {
        String[] args = {"--loader", "honours-reserved", "--dtb", "passthrough", "--reserved-memory", "map",
            "--syscall", "kexec-file-load", "--no-proof"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return check(chain, firmware, all);
    }

    private static CliRun check(String chain, String firmware, String... more) {
        String[] args = {"check", "-m", "kho-lpi-tables", "--chain", chain, "--firmware", firmware,
            "--hardware", "sticky", "--devices", "active", "--page-size", "4k", "--no-timing"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void kernelsOfOneKhoVersionWithTheProposalHandTheTablesOverWithoutEfiForAllChainLengths() {
        CliRun run = check("linux-6.16+kho-gic,linux-6.16+kho-gic", "dt", "--syscall", "kexec-file-load");
        assertEquals(KexecCheck.OK, run.exitCode(), run.out() + run.err());
        assertEquals("safe", run.outcome());
        assertTrue(run.out().contains("what holds, holds for all chain lengths"), run.out());
    }

    @Test
    void kexecLoadOrAnUnfinalisedKhoHandsNothingOver() {
        // 6.16: kho_fill_kimage() runs from kimage_file_prepare_segments() only, and passes an FDT that
        // was never finished when KHO was not finalised (this was a wrong "safe": the syscall was fixed)
        for (String syscall : new String[] {"kexec-load", "kexec-file-load-unfinalised"}) {
            CliRun run = check("linux-6.16+kho-gic,linux-6.16+kho-gic", "dt", "--syscall", syscall, "--no-proof");
            assertEquals(KexecCheck.VIOLATED, run.exitCode(), syscall + ": " + run.out() + run.err());
            assertEquals("corruption", run.outcome(), syscall);
        }
        assertEquals("corruption", check("linux-6.16+kho-gic,linux-6.16+kho-gic", "dt", "--no-proof").outcome(),
                "left open, the syscall decides against the proposal");
    }

    @Test
    void aKhoKernelWithoutTheSubtreeStillReservesThePreservedTablesButDoesNotPreserveThemAgain() {
        // 6.16 kho_mem_deserialize() reserves every preserved page, whatever subtree preserved it
        assertEquals("safe", narrow("linux-6.16+kho-gic,linux-6.16", "dt").outcome());
        CliRun third = narrow("linux-6.16+kho-gic,linux-6.16,linux-6.16+kho-gic", "dt");
        assertEquals("corruption", third.outcome());
        assertTrue(third.out().contains("fails here") && third.out().contains("K3"), "the second hop: " + third.out());
    }

    @Test
    void kernelsOfDifferentKhoVersionsIgnoreEachOthersFdt() {
        assertEquals("corruption", narrow("linux-6.16+kho-gic,linux-kho-v2+kho-gic", "dt").outcome());
        assertEquals("corruption", narrow("linux-kho-v2+kho-gic,linux-6.16+kho-gic", "dt").outcome());
    }

    @Test
    void aKernelWithoutTheSubtreeWritesNothing() {
        assertEquals("corruption", narrow("linux-6.16,linux-6.16+kho-gic", "dt").outcome());
    }

    @Test
    void withEfiTheMemreserveListHandsThemOverAnyway() {
        assertEquals("safe", narrow("linux-6.12,linux-6.16+kho-gic", "efi").outcome());
    }

    @Test
    void aCaptureKernelAdoptsThemWithoutKho() {
        assertEquals("safe", narrow("linux-6.16+kho-gic,kdump-6.1", "dt", "--kexec", "crash").outcome());
    }

    @Test
    void aFreshScratchCanCoverTablesNobodyReserved() {
        CliRun run = narrow("linux-6.12,linux-6.16+kho-gic", "dt", "--property", "scratch-keeps-off-live-tables");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("scratch-keeps-off-live-tables  violated"), run.out());
    }

    @Test
    void theSimulatorHasNoAccountOfKho() {
        CliRun cross = CliRun.of("crosscheck", "-m", "kho-lpi-tables", "--population", "linux-6.16+kho-gic");
        assertEquals(KexecCheck.NOT_REPLAYABLE, cross.exitCode(), cross.out() + cross.err());
        assertTrue(cross.err().contains("capability kho-gic (profile linux-6.16+kho-gic) has no simulator account"),
                cross.err());
    }

    @Test
    void checkReplayRefusesAModelWithoutASimulatorAccountBeforeSolving() {
        CliRun run = check("linux-6.16+kho-gic,linux-6.16+kho-gic", "dt", "--replay", "--no-proof");
        assertEquals(KexecCheck.NOT_REPLAYABLE, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out(), "nothing of the check is printed");
        assertTrue(run.err().contains("has no simulator account"), run.err());
    }
}

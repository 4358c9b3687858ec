package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kexeccheck.trace.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The safe cells of the tables whose proofs needed session 7's lemmas stay proved for all chain
 * lengths: the EFI tables (MemreserveIsLive, and StateHasAHistory read as its comment says) and the
 * pre-programmed tables on clearable hardware (FirmwareTablesUntilAnLpiKernel, ItsHasAHistory, a
 * reprogramming kernel safe while no collection is mapped).
 */
class SafeCellProofsTest {

    /**
     * On a GIC whose PROPBASER is not shared, U-Boot leaves redistributor 1 naming no property table:
     * the pre-programmed tables have safe cells only where the register is shared.
     */
    @ParameterizedTest
    @CsvSource({
        "efi, sticky, 'per-redistributor,shared', 'linux-6.1,kdump-6.1,linux-6.1+nolpi'",
        "efi, clearable, 'per-redistributor,shared', 'linux-6.1,kdump-6.1,linux-6.1+nolpi'",
        "dt-preprogrammed, clearable, shared, 'linux-4.16,linux-4.16+nolpi,kdump-6.1'",
        "efi-preprogrammed, clearable, shared, 'linux-4.16,linux-4.16+nolpi,kdump-6.1'"})
    void everySafeCellIsProvedForAllChainLengths(String firmware, String hardware, String sharing, String population) {
        Matrix.Report r = Matrix.compute(new Matrix.Request("upstream", List.of(population.split(",")),
                Map.of("firmware", List.of(firmware), "hardware", List.of(hardware),
                        "propbaser-sharing", List.of(sharing.split(","))), 2, true), p -> { });
        Matrix.Table t = r.tables().get(0);
        assertTrue(t.cells().stream().anyMatch(c -> c.outcome() == Outcome.SAFE), "the table has safe cells: " + t);
        Proof proof = t.safeCellsProof().orElseThrow();
        assertTrue(proof.complete(), firmware + "/" + hardware + ": " + proof.dropped());
        assertEquals(List.of(), proof.dropped().stream().filter(d -> proof.goals().contains(d.candidate())).toList());
    }
}

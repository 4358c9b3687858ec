package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The unbounded proof: it proves the safe public scenario, and it never proves what some run
 * violates, however deep the violation lies, nor keeps a lemma some run violates.
 */
class InductionTest {

    private static final String EFI_WORKS = "Config.firmware = efi and Config.hardware = sticky"
            + " and Config.loader = honours_reserved and Config.devices = active"
            + " and firstKernel.profile = linux_6_1 and lastKernel.profile = linux_6_1";

    private final LoadedModel upstream = load("upstream");

    private static LoadedModel load(String proposal) {
        CheckRequest request = new CheckRequest(proposal, List.of(), List.of(), 2, Map.of(), 2, Optional.empty(),
                Optional.empty(), List.of());
        ModelSource source = ModelSource.resolve(proposal);
        return LoadedModel.load(source, BoundsPolicy.forRequest(source, request));
    }

    @Test
    void theEfiMemreserveHandOverIsProvedForRunsOfAnyLength() {
        Proof proof = Induction.prove(upstream, EFI_WORKS,
                List.of("NoStrayWrite", "LpisDelivered", "OnePropertyTable", "ItsQuiescent", "not KernelWarns"));

        assertTrue(proof.complete(), proof.describe());
        assertEquals(List.of(), proof.dropped());
        assertEquals(1, proof.k());
        assertEquals(upstream.annotations().invariants().size(), proof.lemmas().size());
        assertTrue(proof.lemmas().contains("LiveTablesHandedOver"), proof.lemmas().toString());
    }

    @Test
    void aViolatedPropertyIsNeverProved() {
        // pre-4.20-breaks: corruption three steps in, past the base case's reach
        Proof proof = Induction.prove(upstream, "Config.firmware = efi and Config.hardware = sticky"
                + " and Config.devices = active and Kernel.profile = linux_4_19", List.of("NoStrayWrite"));

        assertFalse(proof.proves("NoStrayWrite"), proof.describe());
        assertFalse(proof.dropped().isEmpty());
    }

    @Test
    void aLemmaSomeRunBreaksIsDroppedAndTheRestStillProve() {
        // nolpi-workaround with a wrong extra candidate, false from the cold boot on
        Proof proof = Induction.prove(upstream, "Config.firmware = dt and Config.hardware = sticky"
                        + " and Config.devices = active and firstKernel.profile = linux_6_1__nolpi"
                        + " and lastKernel.profile = linux_6_1",
                List.of("NoStrayWrite", "Machine.phase = Up"));

        assertTrue(proof.proves("NoStrayWrite"), proof.describe());
        assertFalse(proof.proves("Machine.phase = Up"), proof.describe());
        assertEquals(List.of("Machine.phase = Up"), proof.dropped().stream().map(Proof.Dropped::candidate).toList());
    }

    @Test
    void aGoalThatFailsOnlyAfterTheBaseCaseIsCaughtByTheStep() {
        // true for the first two states of every run (the first kernel boots), false once it kexecs
        String goal = "Machine.running = firstKernel";
        assertTrue(upstream.solve(QueryText.runs(EFI_WORKS) + " and eventually not (" + goal + ")",
                upstream.bounds().steps()).found(), "the goal must be false in some run");

        Proof proof = Induction.prove(upstream, EFI_WORKS, List.of(goal));

        assertFalse(proof.proves(goal), proof.describe());
        assertTrue(proof.dropped().contains(new Proof.Dropped(goal, false)), proof.describe());
    }
}

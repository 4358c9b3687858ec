package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Bounds;
import org.junit.jupiter.api.Test;

class BoundsPolicyTest {

    private static final ModelSource UPSTREAM = ModelSource.resolve("upstream");

    private static CheckRequest request(List<String> chain, int kernels, Optional<Integer> steps) {
        return new CheckRequest("upstream", chain, List.of(), kernels, Map.of(), 2, Optional.empty(), steps, List.of());
    }

    @Test
    void aChainOfNKernelsNeeds2NPlus1StatesAndEnoughFramesForEveryTable() {
        Bounds b = BoundsPolicy.forRequest(UPSTREAM, request(List.of("linux-6.1", "linux-6.1", "linux-6.1"), 2, Optional.empty()));
        assertEquals(new Bounds(3, 2, 12, 7, true), b);
        assertEquals("chains of up to 3 kernels, 2 CPUs, 12 frames, runs of up to 7 states (room for every kernel's events)", b.describe());
    }

    @Test
    void fewerStepsThanTheChainNeedsAreNotComplete() {
        Bounds b = BoundsPolicy.forRequest(UPSTREAM, request(List.of(), 2, Optional.of(4)));
        assertFalse(b.complete());
        assertEquals("chains of up to 2 kernels, 2 CPUs, 9 frames, runs of up to 4 states", b.describe());
        assertTrue(BoundsPolicy.forRequest(UPSTREAM, request(List.of(), 2, Optional.of(9))).complete());
    }
}

package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChainCostTest {

    @Test
    void theChainsTheBoundsHoldComfortablyStartSilently() {
        assertEquals(Optional.empty(), ChainCost.warning(2, 2));
        assertEquals(Optional.empty(), ChainCost.warning(4, 2));
    }

    @Test
    void sixKernelsAreAnnouncedWithTheMeasuredCost() {
        String w = ChainCost.warning(6, 2).orElseThrow();
        assertTrue(w.contains("chains of 6 kernels with 2 CPUs") && w.contains("85 s"), w);
        assertTrue(ChainCost.warning(9, 2).orElseThrow().contains("min"), ChainCost.warning(9, 2).get());
    }

    @Property
    void moreKernelsOrMoreCpusNeverCostLess(@ForAll @IntRange(min = 1, max = 12) int kernels,
            @ForAll @IntRange(min = 1, max = 32) int cpus) {
        assertTrue(ChainCost.expectedSeconds(kernels + 1, cpus) >= ChainCost.expectedSeconds(kernels, cpus));
        assertTrue(ChainCost.expectedSeconds(kernels, cpus + 1) >= ChainCost.expectedSeconds(kernels, cpus));
    }
}

package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every event of every shipped model happens in some run, every profile boots and every channel delivers. */
class VacuityGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"upstream", "dt-memory-region-v1", "bootloader-preprogrammed", "kho-lpi-tables"})
    void everyEventHappensAndEveryProfileBoots(String model) {
        Coverage coverage = Coverage.of(new CheckRequest(model, List.of(), List.of(), 2, Map.of(), 2,
                Optional.empty(), Optional.empty(), List.of()));

        assertEquals(List.of("stutter", "boot-gic", "kexec", "crash-kexec", "msi-arrives"),
                List.copyOf(coverage.events().keySet()));
        assertTrue(coverage.complete(), model + ": " + coverage);
    }

    @Test
    void whatTheGivenOptionsRuleOutIsNotAVacuity() {
        Coverage coverage = Coverage.of(new CheckRequest("upstream", List.of("linux-6.1", "linux-6.1"), List.of(), 2,
                Map.of("kexec", List.of("normal")), 2, Optional.empty(), Optional.empty(), List.of()));

        assertEquals(List.of("event crash-kexec"), coverage.ruledOut());
        assertFalse(coverage.events().containsKey("crash-kexec"));
        assertTrue(coverage.events().get("kexec"));
        assertTrue(coverage.complete(), coverage.toString());
    }

    @Test
    void whatNoOptionAllowsStillNeverHappens() {
        // one kernel: no option value lets a kexec happen, so the guard must still say so
        Coverage coverage = Coverage.of(new CheckRequest("upstream", List.of("linux-6.1"), List.of(), 1,
                Map.of("firmware", List.of("efi")), 2, Optional.empty(), Optional.empty(), List.of()));

        assertEquals(List.of(), coverage.ruledOut());
        assertFalse(coverage.events().get("kexec"));
        assertFalse(coverage.complete());
    }
}

package kexeccheck.simulator.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorAccountsTest {

    @Test
    void everyCapabilityTheSimulatorImplementsIsAccountedFor() {
        List<String> builtIn = List.of(Capabilities.ENABLES_LPIS, Capabilities.DISABLE_WITH_CHECK,
                Capabilities.BLIND_REPROGRAM, Capabilities.ADOPTS_PREALLOCATED, Capabilities.KDUMP_BYPASS,
                Capabilities.READS_MEMRESERVE, Capabilities.WRITES_MEMRESERVE, Capabilities.IOMEM_LISTS_MEMBLOCK,
                Capabilities.MEMRESERVE_IN_IOMEM, Capabilities.DT_MEMORY_REGION_V1,
                Capabilities.INSTALLS_MEMRESERVE_ROOT, Capabilities.MEMRESERVE_ON_CPU_ONLINE, Capabilities.NR_CPUS_1,
                Capabilities.KDUMP_CAPTURE, Capabilities.EFI_STUB);
        assertEquals(Optional.empty(), SimulatorAccounts.unaccounted(Map.of("everything", builtIn), List.of()));
    }

    @Test
    void aCapabilityOrChannelWithoutAnAccountIsNamed() {
        assertEquals(Optional.of("capability chosen-lpi-tables (profile linux-6.1+chosen) has no simulator account"),
                SimulatorAccounts.unaccounted(Map.of("linux-6.1", List.of(Capabilities.ENABLES_LPIS),
                        "linux-6.1+chosen", List.of(Capabilities.ENABLES_LPIS, "chosen-lpi-tables")), List.of()));
        assertEquals(Optional.of("hand-over channel chosen-property has no simulator account"),
                SimulatorAccounts.unaccounted(Map.of(), List.of("chosen-property")));
    }

    @Test
    void noExtensionIsOnTheClassPathOfTheSimulatorsOwnTests() {
        assertEquals(List.of(), SimulatorAccounts.extensions());
    }
}

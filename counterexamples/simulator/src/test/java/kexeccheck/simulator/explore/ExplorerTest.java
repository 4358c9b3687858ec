package kexeccheck.simulator.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kexeccheck.simulator.explore.Explorer.Result;
import kexeccheck.trace.Outcome;
import org.junit.jupiter.api.Test;

/** Configurations whose class shared/docs/scenarios.md gives, explored by the simulator alone. */
class ExplorerTest {

    /** The worst class over every configuration the scenario's options allow (left out = all values). */
    private static Result worst(String k1, String k2, Map<String, List<String>> options) {
        return Explorer.exploreAll(List.of(UpstreamProfiles.get(k1)), List.of(UpstreamProfiles.get(k2)), options)
                .reduce((a, b) -> b.outcome().worseThan(a.outcome()) ? b : a).orElseThrow();
    }

    private static Result one(String k1, String k2, String firmware, String rm, String dtb, String loader,
                              String hardware, String devices, String kexec) {
        return Explorer.explore(new ExploredConfiguration(UpstreamProfiles.get(k1), UpstreamProfiles.get(k2),
                firmware, rm, dtb, loader, hardware, devices, kexec, "4k", 2));
    }

    private static Map<String, List<String>> normal(Map<String, List<String>> m) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>(m);
        out.putIfAbsent("kexec", List.of("normal"));
        out.putIfAbsent("hardware", List.of("sticky", "clearable"));
        return out;
    }

    @Test
    void pre420KernelsCorruptMemory() {
        Result r = one("linux-4.19", "linux-4.19", "efi", "map", "passthrough", "honours-reserved", "sticky",
                "active", "normal");
        assertEquals(Outcome.CORRUPTION, r.outcome(), () -> r.witness().describe());
        assertTrue(r.witness().reasons().stream().anyMatch(s -> s.contains("stray-gic-write")),
                () -> r.witness().describe());
        assertTrue(r.witness().events().get(r.witness().events().size() - 1).startsWith("MSI for CPU"),
                () -> r.witness().describe());
    }

    @Test
    void efiMemreserveWorks() {
        Result r = worst("linux-6.1", "linux-6.1", normal(Map.of("firmware", List.of("efi"),
                "hardware", List.of("sticky"), "loader", List.of("honours-reserved"))));
        assertEquals(Outcome.SAFE, r.outcome(), () -> r.configuration().describe() + "\n" + r.witness().describe());
    }

    @Test
    void efiMemreserveWithQuiescentDevicesAndPassthroughIsSafe() {
        Result r = one("linux-6.1", "linux-6.1", "efi", "map", "passthrough", "honours-reserved", "sticky",
                "quiescent", "normal");
        assertEquals(Outcome.SAFE, r.outcome(), () -> r.witness().describe());
        assertTrue(r.runs() > 1, "the explorer tried more than the loader's own placement: " + r.runs());
    }

    @Test
    void noEfiStickyBreaks() {
        Result r = one("linux-6.1", "linux-6.1", "dt", "map", "passthrough", "honours-reserved", "sticky",
                "active", "normal");
        assertEquals(Outcome.CORRUPTION, r.outcome(), () -> r.witness().describe());
    }

    @Test
    void nolpiWorkaround() {
        Result r = worst("linux-6.1+nolpi", "linux-6.1", normal(Map.of("firmware", List.of("dt"),
                "hardware", List.of("sticky"), "devices", List.of("active"))));
        assertEquals(Outcome.SAFE, r.outcome(), () -> r.configuration().describe() + "\n" + r.witness().describe());
    }

    @Test
    void efiNewToOldCorrupts() {
        Result r = one("linux-6.1", "linux-4.19", "efi", "map", "passthrough", "honours-reserved", "sticky",
                "active", "normal");
        assertEquals(Outcome.CORRUPTION, r.outcome(), () -> r.witness().describe());
    }

    @Test
    void bootloaderPreprogrammedWorks() {
        Result r = one("linux-6.1", "linux-6.1", "dt-preprogrammed", "map", "passthrough", "honours-reserved",
                "sticky", "active", "normal");
        assertEquals(Outcome.SAFE, r.outcome(), () -> r.witness().describe());
    }

    @Test
    void gicv2IsNotApplicable() {
        Result r = one("linux-6.1", "linux-6.1", "efi", "map", "passthrough", "honours-reserved", "gicv2",
                "active", "normal");
        assertEquals(Outcome.NOT_APPLICABLE, r.outcome());
        assertNull(r.witness());
    }

    @Test
    void aCaptureKernelFirstCannotRun() {
        Result r = one("kdump-6.1", "linux-6.1", "efi", "map", "passthrough", "honours-reserved", "sticky",
                "active", "normal");
        assertEquals(Outcome.CANNOT_RUN, r.outcome());
        assertTrue(r.note().contains("capture"), r.note());
        assertEquals(Outcome.CANNOT_RUN, one("linux-6.1", "kdump-6.1", "efi", "map", "passthrough",
                "honours-reserved", "sticky", "active", "normal").outcome());
    }

    @Test
    void crashKexecIntoAnOrdinaryKernelRuns() { // kexec -p loads any kernel; only a capture kernel needs it
        assertTrue(one("linux-6.1", "linux-6.1", "efi", "map", "passthrough", "honours-reserved", "sticky",
                "active", "crash").outcome() != Outcome.CANNOT_RUN);
    }

    @Test
    void crashKexecIntoACaptureKernelRuns() {
        Result r = one("linux-6.1", "kdump-6.1", "efi", "map", "passthrough", "honours-reserved", "sticky",
                "active", "crash");
        assertTrue(r.outcome() != Outcome.CANNOT_RUN && r.outcome() != Outcome.NOT_APPLICABLE,
                r.outcome() + " " + r.note());
        assertNotNull(r.witness());
    }

    @Test
    void theProductEnumeratesEveryCombination() {
        assertEquals(14 * 14 * 4 * 2 * 2 * 2 * 3 * 2 * 2 * 2, Explorer.configurations(UpstreamProfiles.all(),
                UpstreamProfiles.all(), Map.of()).count());
        assertEquals(2, Explorer.configurations(List.of(UpstreamProfiles.get("linux-6.1")),
                List.of(UpstreamProfiles.get("linux-6.1")), Map.of("firmware", List.of("efi"), "reserved-memory",
                        List.of("map"), "dtb", List.of("passthrough"), "loader", List.of("honours-reserved"),
                        "hardware", List.of("sticky"), "devices", List.of("quiescent", "active"),
                        "kexec", List.of("normal"), "page-size", List.of("4k"))).count());
        assertThrows(IllegalArgumentException.class, () -> one("linux-6.1", "linux-6.1", "uefi", "map",
                "passthrough", "honours-reserved", "sticky", "active", "normal"));
    }
}

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

    /** One configuration on a GIC whose redistributors each have their own PROPBASER (the architecture's default). */
    private static Result one(String k1, String k2, String firmware, String rm, String dtb, String loader,
                              String hardware, String devices, String kexec) {
        return one(k1, k2, firmware, rm, dtb, loader, hardware, "per-redistributor", devices, kexec);
    }

    /** One configuration loaded with kexec_load. */
    private static Result one(String k1, String k2, String firmware, String rm, String dtb, String loader,
                              String hardware, String sharing, String devices, String kexec) {
        return one(UpstreamProfiles.get(k1), UpstreamProfiles.get(k2), firmware, rm, dtb, loader, "kexec-load",
                hardware, sharing, devices, kexec);
    }

    private static Result one(ExploredConfiguration.Profile k1, ExploredConfiguration.Profile k2, String firmware,
                              String rm, String dtb, String loader, String syscall, String hardware, String sharing,
                              String devices, String kexec) {
        return Explorer.explore(new ExploredConfiguration(k1, k2, firmware, rm, dtb, loader, syscall, hardware, sharing,
                devices, kexec, "4k", 2));
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
    void bootloaderPreprogrammedWorksWhereThePropbaserIsShared() {
        Result r = one("linux-6.1", "linux-6.1", "dt-preprogrammed", "map", "passthrough", "honours-reserved",
                "sticky", "shared", "active", "normal");
        assertEquals(Outcome.SAFE, r.outcome(), () -> r.witness().describe());
    }

    @Test
    void bootloaderPreprogrammedLosesCpu1sLpisWherePropbaserIsPerRedistributor() {
        // U-Boot's one PROPBASER write reaches redistributor 0 only: from power-on CPU1 has LPIs on with
        // PROPBASER 0, and K1 adopts it as it is (MachineScenariosTest shows lpis-delivered failing then)
        for (String hardware : List.of("sticky", "clearable")) {
            Result r = one("linux-6.1", "linux-6.1", "dt-preprogrammed", "map", "passthrough", "honours-reserved",
                    hardware, "per-redistributor", "active", "normal");
            assertEquals(Outcome.LOST_LPIS, r.outcome(), () -> hardware + "\n" + r.witness().describe());
            assertEquals(List.of("enabled redistributors name 2 property tables: CPU0 0x4a000000, CPU1 0x0"),
                    r.witness().reasons(), () -> r.witness().describe());
        }
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
        assertEquals(14 * 14 * 4 * 2 * 2 * 2 * 3 * 3 * 2 * 2 * 2 * 2, Explorer.configurations(UpstreamProfiles.all(),
                UpstreamProfiles.all(), Map.of()).count());
        assertEquals(2, Explorer.configurations(List.of(UpstreamProfiles.get("linux-6.1")),
                List.of(UpstreamProfiles.get("linux-6.1")), Map.of("firmware", List.of("efi"), "reserved-memory",
                        List.of("map"), "dtb", List.of("passthrough"), "loader", List.of("honours-reserved"),
                        "syscall", List.of("kexec-load"),
                        "hardware", List.of("sticky"), "propbaser-sharing", List.of("shared"),
                        "devices", List.of("quiescent", "active"), "kexec", List.of("normal"),
                        "page-size", List.of("4k"))).count());
        assertThrows(IllegalArgumentException.class, () -> one("linux-6.1", "linux-6.1", "uefi", "map",
                "passthrough", "honours-reserved", "sticky", "active", "normal"));
    }

    @Test
    void theExplorerEnumeratesBothPropbaserSharings() {
        Map<String, List<String>> fixed = new java.util.LinkedHashMap<>();
        ExploredConfiguration.OPTION_VALUES.forEach((option, values) -> fixed.put(option, List.of(values.get(0))));
        fixed.put("firmware", List.of("dt-preprogrammed"));
        fixed.remove("propbaser-sharing"); // left out: every value
        List<ExploredConfiguration> cs = Explorer.configurations(List.of(UpstreamProfiles.get("linux-6.1")),
                List.of(UpstreamProfiles.get("linux-6.1")), fixed).toList();
        assertEquals(List.of("per-redistributor", "shared"), cs.stream().map(ExploredConfiguration::propbaserSharing).toList());
        assertEquals("shared", cs.get(1).options().get("propbaser-sharing"));
        assertTrue(cs.get(0).describe().contains(" --hardware sticky --propbaser-sharing per-redistributor --devices"),
                cs.get(0).describe());
        assertEquals(List.of(Outcome.LOST_LPIS, Outcome.SAFE), cs.stream().map(c -> Explorer.explore(c).outcome()).toList());
        assertThrows(IllegalArgumentException.class, () -> one("linux-6.1", "linux-6.1", "efi", "map",
                "passthrough", "honours-reserved", "sticky", "common", "active", "normal"));
    }

    /** A 6.1 kernel without 2bab693a608b (as 5.10.y before the backport): memblock never hears of its tables. */
    private static ExploredConfiguration.Profile withoutMemreserveInMemblock(String name) {
        java.util.Set<String> caps = new java.util.HashSet<>(UpstreamProfiles.get(name).capabilities());
        caps.remove("memreserve-in-memblock");
        return new ExploredConfiguration.Profile(name + "-memreserve-in-memblock", caps);
    }

    @Test
    void kexecFileLoadReachesEveryTableMemblockDoesNotKnow() {
        ExploredConfiguration.Profile v61 = UpstreamProfiles.get("linux-6.1");
        ExploredConfiguration.Profile noMemblock = withoutMemreserveInMemblock("linux-6.1");
        // EFI: kexec-tools honours the tables' /proc/iomem entries (memreserve-in-iomem); kexec_file_load looks
        // only at memblock, which knows them with memreserve-in-memblock alone
        for (String syscall : List.of("kexec-load", "kexec-file-load")) {
            Result r = one(v61, v61, "efi", "map", "passthrough", "honours-reserved", syscall, "sticky",
                    "per-redistributor", "active", "normal");
            assertEquals(Outcome.SAFE, r.outcome(), () -> syscall + "\n" + r.witness().describe());
        }
        Result kexecLoad = one(noMemblock, v61, "efi", "map", "passthrough", "honours-reserved", "kexec-load", "sticky",
                "per-redistributor", "active", "normal");
        assertEquals(Outcome.SAFE, kexecLoad.outcome(), () -> kexecLoad.witness().describe());
        Result fileLoad = one(noMemblock, v61, "efi", "map", "passthrough", "honours-reserved", "kexec-file-load",
                "sticky", "per-redistributor", "active", "normal");
        assertEquals(Outcome.CORRUPTION, fileLoad.outcome(), () -> fileLoad.witness().describe());
        // a 5.3 K1 (no memreserve-in-memblock) with EFI, and any K1 on DT firmware: nothing keeps the loader off
        ExploredConfiguration.Profile v53 = UpstreamProfiles.get("linux-5.3");
        Result r53 = one(v53, v53, "efi", "map", "passthrough", "ignores-reserved", "kexec-file-load", "sticky",
                "per-redistributor", "quiescent", "normal");
        assertEquals(Outcome.CORRUPTION, r53.outcome(), () -> r53.witness().describe());
        Result dt = one(v61, v61, "dt", "map", "passthrough", "honours-reserved", "kexec-file-load", "sticky",
                "per-redistributor", "active", "normal");
        assertEquals(Outcome.CORRUPTION, dt.outcome(), () -> dt.witness().describe());
    }

    @Test
    void theExplorerEnumeratesThreeSyscalls() {
        Map<String, List<String>> fixed = new java.util.LinkedHashMap<>();
        ExploredConfiguration.OPTION_VALUES.forEach((option, values) -> fixed.put(option, List.of(values.get(0))));
        fixed.remove("syscall"); // left out: every value
        List<ExploredConfiguration> cs = Explorer.configurations(List.of(withoutMemreserveInMemblock("linux-6.1")),
                List.of(UpstreamProfiles.get("linux-6.1")), fixed).toList();
        assertEquals(List.of("kexec-load", "kexec-file-load", "kexec-file-load-unfinalised"),
                cs.stream().map(ExploredConfiguration::syscall).toList());
        assertEquals("kexec-file-load", cs.get(1).options().get("syscall"));
        assertTrue(cs.get(0).describe().contains(" --loader honours-reserved --syscall kexec-load --hardware sticky"),
                cs.get(0).describe());
        // unfinalised is kexec-file-load for every kernel without KHO
        assertEquals(List.of(Outcome.SAFE, Outcome.CORRUPTION, Outcome.CORRUPTION),
                cs.stream().map(c -> Explorer.explore(c).outcome()).toList());
        assertThrows(IllegalArgumentException.class, () -> one(UpstreamProfiles.get("linux-6.1"),
                UpstreamProfiles.get("linux-6.1"), "efi", "map", "passthrough", "honours-reserved", "kexec-file",
                "sticky", "per-redistributor", "active", "normal"));
    }
}

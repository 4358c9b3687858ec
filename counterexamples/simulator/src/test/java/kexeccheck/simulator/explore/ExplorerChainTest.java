package kexeccheck.simulator.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.simulator.explore.ExploredConfiguration.Profile;
import kexeccheck.trace.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The explorer on chains of three kernels: a third kernel can change a chain's class, only the
 * last kexec may be a crash kexec, and a later kexec's choices are read from the run that made the
 * earlier ones.
 */
class ExplorerChainTest {

    private static final Profile V419 = UpstreamProfiles.get("linux-4.19");
    private static final Profile V61 = UpstreamProfiles.get("linux-6.1");

    /** EFI, clearable hardware, quiescent devices, kexec-tools honouring /proc/iomem: every other option's first value. */
    private static Map<String, String> options(String kexec, String loader) {
        Map<String, String> o = new HashMap<>();
        ExploredConfiguration.OPTION_VALUES.forEach((option, values) -> o.put(option, values.get(0)));
        o.putAll(Map.of("firmware", "efi", "hardware", "clearable", "devices", "quiescent", "reserved-memory", "map",
                "dtb", "passthrough", "loader", loader, "syscall", "kexec-load", "page-size", "4k", "kexec", kexec));
        return o;
    }

    private static Explorer.Result explore(String kexec, String loader, Profile... chain) {
        return Explorer.explore(ExploredConfiguration.of(List.of(chain), options(kexec, loader)));
    }

    @Test
    void aThirdKernelTurnsAWarningIntoCorruption() {
        // 4.19 reprograms the clearable GIC with a warning; its tables are in no memreserve entry and no
        // reserved range, so the loader may put the third kernel's segments on them while they are live
        assertEquals(Outcome.RECOVERABLE, explore("normal", "honours-reserved", V61, V419).outcome());
        Explorer.Result three = explore("normal", "honours-reserved", V61, V419, V61);
        assertEquals(Outcome.CORRUPTION, three.outcome(), three.witness().describe());
        assertTrue(three.witness().choices().contains("K3 segments:"), three.witness().choices());
        assertTrue(three.witness().events().stream().anyMatch(e -> e.startsWith("kexec into K3 (linux-6.1)")),
                three.witness().describe());
    }

    @Test
    void theCrashKexecEntersTheLastKernelOnly() {
        Explorer.Result r = explore("crash", "honours-reserved", V61, V61, V61);
        assertEquals(Outcome.SAFE, r.outcome());
        List<String> events = r.witness().events();
        assertTrue(events.stream().anyMatch(e -> e.startsWith("kexec into K2 (linux-6.1)")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("panic; crash kexec into K3 (linux-6.1)")), events.toString());
    }

    @Test
    void aCaptureKernelCannotBeInTheMiddle() {
        Profile kdump = UpstreamProfiles.get("kdump-6.1");
        Explorer.Result middle = explore("crash", "honours-reserved", V61, kdump, V61);
        assertEquals(Outcome.CANNOT_RUN, middle.outcome());
        assertTrue(middle.note().startsWith("K2 (kdump-6.1) is a capture kernel"), middle.note());
        assertEquals(Outcome.SAFE, explore("crash", "honours-reserved", V61, V61, kdump).outcome());
    }

    /**
     * The simulator's side of a place where the two accounts part (docs/simulator.md): the loader,
     * ignoring /proc/iomem's reserved entries, puts K2's initrd on K1's memreserve list node; 4.19
     * never reads the list, so only the third kernel walks the garbage and dies. The model has no
     * node frames: the checker calls this configuration recoverable.
     */
    @Test
    void aNodeAMiddleKernelDoesNotReadKillsTheThirdKernel() {
        Explorer.Result r = explore("crash", "ignores-reserved", V61, V419, V61);
        assertEquals(Outcome.FAIL_STOP, r.outcome(), r.witness().describe());
        assertTrue(r.witness().reasons().stream().anyMatch(l -> l.contains("K3")), r.witness().describe());
        // with two kernels the same placement harms no-one who reads the list
        assertEquals(Outcome.RECOVERABLE, explore("crash", "ignores-reserved", V61, V419).outcome());
    }

    @Test
    void chainsOfThreeAreEveryFirstKernelTimesThePopulationTwice() {
        Map<String, List<String>> fixed = new HashMap<>();
        ExploredConfiguration.OPTION_VALUES.forEach((option, values) -> fixed.put(option, List.of(values.get(0))));
        List<ExploredConfiguration> cs = Explorer.configurations(List.of(V61), List.of(V419, V61), 3, fixed).toList();
        assertEquals(List.of("--chain linux-6.1,linux-4.19,linux-4.19", "--chain linux-6.1,linux-4.19,linux-6.1",
                "--chain linux-6.1,linux-6.1,linux-4.19", "--chain linux-6.1,linux-6.1,linux-6.1"),
                cs.stream().map(c -> c.describe().split(" --firmware")[0]).toList());
        // the two-kernel API is the chain of two
        ExploredConfiguration two = Explorer.configurations(List.of(V61), List.of(V419), fixed).findFirst().orElseThrow();
        assertEquals(List.of(V61, V419), two.chain());
        assertEquals(V419, two.second());
        assertNull(two.whyNotRunnable());
    }
}

package kexeccheck.report.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.State;
import kexeccheck.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * A fingerprint names the same violation found again, whatever frames or equivalent configuration the
 * solver picks, and tells different ones apart.
 */
class FingerprintTest {

    private static final Map<String, List<String>> EXPLORED = explored(List.of("map", "nomap"));

    private static Map<String, List<String>> explored(List<String> reservedMemory) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("chain", List.of("linux-6.1", "linux-6.1"));
        m.put("firmware", List.of("dt"));
        m.put("reserved-memory", reservedMemory);
        return m;
    }

    /** A no-EFI run: K1 boots its GIC, kexec into K2, an MSI lands in frame {@code landing}. */
    private static Trace trace(String property, String reservedMemory, String landing, List<String> events) {
        Configuration config = new Configuration(
                Map.of("firmware", "dt", "reserved-memory", reservedMemory),
                List.of(new Configuration.KernelInstance("K1", "linux-6.1", List.of(), "firmware-boot", null, null, null),
                        new Configuration.KernelInstance("K2", "linux-6.1", List.of(), "kexec", landing, null, null)),
                List.of("CPU0"), List.of("F0", "F1", landing), new Configuration.Board(Map.of(), List.of()));
        List<State> states = new java.util.ArrayList<>();
        states.add(state(0, null, "K1", landing));
        for (int i = 0; i < events.size(); i++) {
            states.add(state(i + 1, events.get(i), i == 0 ? "K1" : "K2", landing));
        }
        return new Trace(Trace.SCHEMA_VERSION, "upstream", property, "corruption", new Bounds(2, 1, 6, 5, true),
                config, states, states.size() - 1);
    }

    private static State state(int index, String event, String kernel, String frame) {
        return new State(index, event, kernel, "up", List.of(new State.Redistributor("CPU0", true, frame, frame)),
                "enabled", List.of("CPU0"), Map.of(frame, "free"), List.of(), List.of(new State.PendingWrite("CPU0", frame, "free")),
                List.of(), List.of(), Map.of(), null, Map.of());
    }

    private static final List<String> RUN = List.of("boot-gic", "kexec", "msi-arrives");

    @Test
    void framesAndTheSolversChoiceOfOpenOptionsDoNotChangeIt() {
        Fingerprint a = Fingerprint.of("upstream", EXPLORED, 2, trace("no-stray-write", "map", "F2", RUN));
        Fingerprint b = Fingerprint.of("upstream", EXPLORED, 2, trace("no-stray-write", "nomap", "F7", RUN));
        assertEquals(a.id(), b.id());
        assertEquals(64, a.id().length());
        assertEquals("linux-6.1 (firmware-boot) -> linux-6.1 (kexec): boot-gic@K1 kexec@K2 msi-arrives@K2", a.summary());
    }

    @Test
    void stuttersAndTheOrderOfExploredValuesDoNotChangeIt() {
        Fingerprint a = Fingerprint.of("upstream", EXPLORED, 2, trace("no-stray-write", "map", "F2", RUN));
        Fingerprint b = Fingerprint.of("upstream", explored(List.of("nomap", "map")), 2,
                trace("no-stray-write", "map", "F2", List.of("boot-gic", "stutter", "kexec", "msi-arrives")));
        assertEquals(a.id(), b.id());
    }

    @Test
    void anotherPropertyEventSequenceModelOrExploredConfigurationIsAnotherViolation() {
        Fingerprint base = Fingerprint.of("upstream", EXPLORED, 2, trace("no-stray-write", "map", "F2", RUN));
        List<Fingerprint> others = List.of(
                Fingerprint.of("upstream", EXPLORED, 2, trace("lpis-delivered", "map", "F2", RUN)),
                Fingerprint.of("upstream", EXPLORED, 2, trace("no-stray-write", "map", "F2",
                        List.of("boot-gic", "kexec", "boot-gic"))),
                Fingerprint.of("dt-memory-region-v1", EXPLORED, 2, trace("no-stray-write", "map", "F2", RUN)),
                Fingerprint.of("upstream", explored(List.of("map")), 2, trace("no-stray-write", "map", "F2", RUN)),
                Fingerprint.of("upstream", EXPLORED, 4, trace("no-stray-write", "map", "F2", RUN)));
        for (Fingerprint other : others) {
            assertNotEquals(base.id(), other.id(), other.canonical());
        }
    }

    @Test
    void theCanonicalTextSaysWhatWentIn() {
        String text = Fingerprint.of("upstream", EXPLORED, 2, trace("no-stray-write", "map", "F2", RUN)).canonical();
        assertTrue(text.startsWith(Fingerprint.VERSION_LINE + "\n"), text);
        for (String line : List.of("model: upstream", "explored chain: linux-6.1,linux-6.1",
                "explored reserved-memory: map,nomap", "cpus: 2", "property: no-stray-write",
                "events: boot-gic@K1 kexec@K2 msi-arrives@K2")) {
            assertTrue(text.contains(line + "\n"), line + " not in:\n" + text);
        }
        assertTrue(!text.contains("F2"), text);
    }
}

package kexeccheck.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counterexamples the checker wrote (`kexec-check check ... --out`, committed
 * under test resources/traces: the public scenarios and a few more worlds)
 * replayed on the simulator.
 */
class TraceReplayerTest {

    /** Traces where the two accounts are known to differ without changing the verdict, and why. */
    private static final List<String> KNOWN_DIFFERENCES = List.of(
            // v4.16 prints "CPUn: using LPI pending table" even when sticky hardware ignored its writes;
            // the model prints nothing for writes-ignored CPUs.
            "blind-4.16/lpis-delivered.trace.json");

    static Stream<Path> traces() throws IOException, URISyntaxException {
        Path root = Path.of(TraceReplayerTest.class.getResource("/traces").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".trace.json")).sorted().toList().stream();
        }
    }

    private static String id(Path p) {
        return p.getParent().getFileName() + "/" + p.getFileName();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyCounterexampleIsConfirmed(Path file) {
        ReplayResult r = TraceReplayer.replay(TraceJson.read(file));
        assertTrue(r.confirmed(), id(file) + ":\n" + String.join("\n", ReplayPrinter.lines(r)));
        if (!KNOWN_DIFFERENCES.contains(id(file))) {
            assertEquals(-1, r.firstDifference(), id(file) + ":\n" + String.join("\n", ReplayPrinter.lines(r)));
        }
    }

    @Test
    void aTraceClaimingAnEarlierFailureIsSpurious() throws Exception {
        Trace t = TraceJson.read(traces().filter(p -> id(p).equals("no-efi-sticky-breaks/no-stray-write.trace.json"))
                .findFirst().orElseThrow());
        Trace early = new Trace(t.schemaVersion(), t.model(), t.property(), t.outcome(), t.bounds(), t.configuration(),
                t.states(), 2);
        ReplayResult r = TraceReplayer.replay(early);
        assertFalse(r.confirmed());
        assertEquals(-1, r.simulatorStep());
        assertEquals(2, r.divergence());
        assertTrue(ReplayPrinter.lines(r).get(ReplayPrinter.lines(r).size() - 1)
                .startsWith("verdict: spurious (no-stray-write fails at step 2 in the trace, never in the simulator"));
    }

    @Test
    void aReplayTakesWellUnder100Milliseconds() throws Exception {
        List<Trace> all = traces().map(TraceJson::read).toList();
        for (int warm = 0; warm < 20; warm++) all.forEach(TraceReplayer::replay);
        long start = System.nanoTime();
        int rounds = 10;
        for (int i = 0; i < rounds; i++) all.forEach(TraceReplayer::replay);
        double perTraceMs = (System.nanoTime() - start) / 1e6 / rounds / all.size();
        System.out.printf("warm replay: %.2f ms per trace over %d traces%n", perTraceMs, all.size());
        assertTrue(perTraceMs < 100, "a replay took " + perTraceMs + " ms");
    }

    @Test
    void framesMapToDocumentedAddresses() throws Exception {
        Trace t = TraceJson.read(traces().filter(p -> id(p).equals("seed-objection-found/lpis-delivered.trace.json"))
                .findFirst().orElseThrow());
        FrameMap map = new FrameMap(t.configuration());
        // LPI region slots in order property, CPU0, CPU1: F2, F1, F0
        assertEquals(0x4a00_0000L, map.pa("F2"));
        assertEquals(0x4a01_0000L, map.pa("F1"));
        assertEquals(0x4a02_0000L, map.pa("F0"));
        // crash region F3..F7 from 0x4c000000
        assertEquals(0x4c00_0000L, map.pa("F3"));
        assertEquals(0x4c04_0000L, map.pa("F7"));
        assertEquals("F1", map.frameAt(0x4a01_0400L));
    }
}

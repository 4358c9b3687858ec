package kexeccheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceJsonTest {

    @TempDir
    Path dir;

    /** A two-state trace: K1 boots and an MSI lands in its image. */
    static Trace sample() {
        Configuration config = new Configuration(
                Map.of("firmware", "dt", "hardware", "sticky"),
                List.of(new Configuration.KernelInstance("K1", "linux-6.1", List.of("enables-lpis"), "firmware-boot",
                        "F1", null, null)),
                List.of("CPU0"), List.of("F0", "F1"), new Configuration.Board(Map.of(), List.of()));
        State boot = new State(0, null, "K1", "booting", List.of(new State.Redistributor("CPU0", true, "F0", "F1")),
                "enabled", List.of("CPU0"), Map.of("F0", "free", "F1", "image"), List.of(), List.of(), List.of(), List.of(), Map.of(),
                null, Map.of());
        State msi = new State(1, "msi-arrives", "K1", "booting",
                List.of(new State.Redistributor("CPU0", true, "F0", "F1")), "enabled", List.of("CPU0"),
                Map.of("F0", "free", "F1", "image"), List.of(), List.of(new State.PendingWrite("CPU0", "F1", "image")),
                List.of(), List.of(), Map.of(), null, Map.of());
        return new Trace(Trace.SCHEMA_VERSION, "upstream", "no-stray-write", "corruption",
                new Bounds(1, 1, 2, 3, true), config, List.of(boot, msi), 1);
    }

    @Test
    void aTraceValidatesAndReadsBackEqual() throws Exception {
        Trace trace = sample();
        assertEquals(List.of(), TraceSchema.problems(TraceJson.toTree(trace)));
        Path file = dir.resolve("t.json");
        Files.writeString(file, TraceJson.write(trace));
        assertEquals(trace, TraceJson.read(file));
    }

    @Test
    void notJsonNamesTheFileAndThePosition() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"model\": ");
        InvalidTraceException e = assertThrows(InvalidTraceException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not JSON (line 2"), e.getMessage());
    }

    @Test
    void schemaViolationsAreReportedBeforeAnyUse() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, TraceJson.write(sample()).replace("\"F1\"", "\"frame one\""));
        InvalidTraceException e = assertThrows(InvalidTraceException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a kexec-check trace ("), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        InvalidTraceException e = assertThrows(InvalidTraceException.class, () -> TraceJson.read(dir.resolve("no.json")));
        assertTrue(e.getMessage().endsWith("no.json: no such file"), e.getMessage());
    }

    @Test
    void theNarrationEndsWithTheReasonThePropertyFails() {
        List<String> lines = TraceNarrator.explain(sample());
        assertEquals("  1  a device MSI arrives while K1 (linux-6.1) runs", lines.get(lines.size() - 3));
        assertEquals("       the GIC sets a pending bit for CPU0 in F1, which K1 uses as image", lines.get(lines.size() - 2));
        assertEquals(" !!  no-stray-write fails here: the pending bit landed in F1, K1's image", lines.get(lines.size() - 1));
    }
}

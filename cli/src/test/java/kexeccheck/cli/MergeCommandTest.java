package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kexeccheck.report.MatrixReport;
import kexeccheck.report.ReportKind;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shards of a matrix or a cross-check, run as separate jobs and merged, give the report of the
 * whole run; anything that is not the N shards of one run is refused with one line.
 */
class MergeCommandTest {

    private static final String[] MATRIX = {"matrix", "--population", "linux-4.19,linux-6.1", "--firmware", "efi,dt",
        "--hardware", "sticky,gicv2", "--loader", "honours-reserved", "--devices", "active", "--reserved-memory", "map",
        "--dtb", "passthrough", "--syscall", "kexec-load", "--propbaser-sharing", "per-redistributor", "--page-size",
        "4k", "--format", "json", "--no-timing"};

    @TempDir
    Path dir;

    @Test
    void threeMatrixShardsMergeIntoTheWholeMatrix() throws Exception {
        CliRun whole = CliRun.of(MATRIX);
        List<Path> shards = new ArrayList<>();
        for (int i = 3; i >= 1; i--) {
            CliRun part = CliRun.of(CliRun.with(MATRIX, "--shard", i + "/3"));
            Path file = dir.resolve("shard" + i + ".json");
            Files.writeString(file, part.out());
            shards.add(file);
        }
        CliRun merged = CliRun.of("merge", shards.get(0).toString(), shards.get(1).toString(),
                shards.get(2).toString(), "--format", "json", "--no-timing");
        assertEquals(whole.exitCode(), merged.exitCode(), merged.err());
        assertEquals(cells(whole.out()), cells(merged.out()));
        // each shard described its own failing cells over the one option left open (kexec): the same descriptions
        JsonNode wholeJson = TraceJson.mapper().readTree(whole.out());
        JsonNode mergedJson = TraceJson.mapper().readTree(merged.out());
        assertEquals(wholeJson.get("conditions"), mergedJson.get("conditions"));
        assertEquals(conditions(wholeJson), conditions(mergedJson));
        assertTrue(conditions(wholeJson).size() > 0, whole.out());
        assertEquals("1/1", TraceJson.mapper().readTree(merged.out()).get("shard").asText());
        assertEquals(java.util.List.of(), ReportKind.MATRIX.schema().problems(TraceJson.mapper().readTree(merged.out())));

        CliRun text = CliRun.of("merge", shards.get(2).toString(), shards.get(0).toString(), shards.get(1).toString());
        assertTrue(text.out().contains("firmware=efi hardware=sticky"), text.out());

        CliRun missing = CliRun.of("merge", shards.get(0).toString(), shards.get(2).toString());
        assertEquals(KexecCheck.BAD_INPUT, missing.exitCode());
        assertEquals("kexec-check: merge: shard 2/3 of the run of " + shards.get(0) + " missing", missing.err().strip());

        CliRun twice = CliRun.of("merge", shards.get(0).toString(), shards.get(0).toString());
        assertEquals(KexecCheck.BAD_INPUT, twice.exitCode());
        assertTrue(twice.err().contains("given twice"), twice.err());
    }

    @Test
    void theMergedMatrixNamesTheEngineItsShardsRanOn() throws Exception {
        // with times: the engine is part of the timing; --no-timing drops both
        String[] timed = java.util.Arrays.copyOf(MATRIX, MATRIX.length - 1);
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Path file = dir.resolve("timed" + i + ".json");
            Files.writeString(file, CliRun.of(CliRun.with(timed, "--shard", i + "/2", "--solver", "sat4j")).out());
            files.add(file.toString());
        }
        CliRun merged = CliRun.of("merge", files.get(0), files.get(1), "--format", "json");
        assertEquals("sat4j", TraceJson.mapper().readTree(merged.out()).at("/timing/engine").asText(), merged.out());
        assertTrue(CliRun.of("merge", files.get(0), files.get(1)).out().contains(" by sat4j, "));
    }

    @Test
    void crosscheckShardsAddUpToTheWholeCrosscheck() throws Exception {
        String[] scope = {"crosscheck", "--population", "linux-4.19,linux-6.1", "--firmware", "efi", "--hardware",
            "sticky", "--loader", "honours-reserved", "--dtb", "passthrough", "--format", "json", "--no-timing"};
        JsonNode whole = TraceJson.mapper().readTree(CliRun.of(scope).out());
        List<String> files = new ArrayList<>(List.of("merge", "--format", "json", "--no-timing"));
        for (int i = 1; i <= 2; i++) {
            Path file = dir.resolve("cross" + i + ".json");
            CliRun part = CliRun.of(CliRun.with(scope, "--shard", i + "/2"));
            assertEquals(KexecCheck.OK, part.exitCode(), part.err());
            Files.writeString(file, part.out());
            files.add(file.toString());
        }
        CliRun merged = CliRun.of(files.toArray(String[]::new));
        assertEquals(KexecCheck.OK, merged.exitCode(), merged.err());
        JsonNode m = TraceJson.mapper().readTree(merged.out());
        for (String field : List.of("configurations", "agreements", "classes", "replayed", "stateAgreements")) {
            assertEquals(whole.get(field), m.get(field), field);
        }
    }

    @Test
    void refusesWhatIsNotAShardReport() throws Exception {
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{\"tables\": [");
        CliRun a = CliRun.of("merge", notJson.toString());
        assertEquals(KexecCheck.BAD_INPUT, a.exitCode());
        assertTrue(a.err().startsWith("kexec-check: " + notJson + ": not JSON (line 1"), a.err());
        assertEquals(1, a.err().strip().lines().count(), a.err());

        Path trace = Files.writeString(dir.resolve("other.json"), "{\"tool\": \"kexec-check\", \"report\": \"check\"}");
        CliRun b = CliRun.of("merge", trace.toString());
        assertEquals(KexecCheck.BAD_INPUT, b.exitCode());
        assertTrue(b.err().contains("not the --format json report of a matrix or crosscheck run"), b.err());

        Path cut = Files.writeString(dir.resolve("cut.json"), "{\"report\": \"matrix\", \"shard\": \"1/1\"}");
        CliRun c = CliRun.of("merge", cut.toString());
        assertEquals(KexecCheck.BAD_INPUT, c.exitCode());
        assertEquals("kexec-check: " + cut + ": not a matrix report of this kexec-check ($: required property"
                + " 'bounds' not found)", c.err().strip());

        CliRun d = CliRun.of("merge", dir.resolve("absent.json").toString());
        assertEquals(KexecCheck.BAD_INPUT, d.exitCode());
        assertTrue(d.err().contains("absent.json: no such file"), d.err());
    }

    private static List<String> cells(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode t : TraceJson.mapper().readTree(json).get("tables")) {
            for (JsonNode c : t.get("cells")) {
                out.add(t.get("firmware").asText() + "/" + t.get("hardware").asText() + " " + c.get("from").asText()
                        + ">" + c.get("to").asText() + " " + c.get("outcome").asText());
            }
        }
        return out;
    }

    /** Each cell's conditions, by table and cell, as the JSON gives them. */
    private static java.util.Map<String, JsonNode> conditions(JsonNode matrix) {
        java.util.Map<String, JsonNode> out = new java.util.TreeMap<>();
        for (JsonNode t : matrix.get("tables")) {
            for (JsonNode c : t.get("cells")) {
                if (c.has("conditions")) {
                    out.put(t.get("firmware").asText() + "/" + t.get("hardware").asText() + " " + c.get("from").asText()
                            + ">" + c.get("to").asText(), c.get("conditions"));
                }
            }
        }
        return out;
    }
}

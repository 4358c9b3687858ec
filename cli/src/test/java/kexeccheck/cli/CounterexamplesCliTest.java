package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --where} and {@code --counterexamples N} (issue 22 item 3): other counterexamples than
 * the shortest one, from inside part of the scope, without narrowing the verdict.
 */
class CounterexamplesCliTest {

    /** Chains of 4.19 and 6.1 on EFI and sticky hardware, the loader left open. */
    private static final String[] SCOPE = {"check", "--population", "linux-4.19,linux-6.1", "--firmware", "efi",
        "--hardware", "sticky", "--devices", "active", "--reserved-memory", "map", "--dtb", "passthrough",
        "--propbaser-sharing", "per-redistributor", "--page-size", "4k", "--kexec", "normal", "--syscall",
        "kexec-load", "--no-proof", "--no-conditions", "--no-timing", "--property", "no-stray-write"};

    @TempDir
    Path dir;

    @Test
    void threeCounterexamplesWhereTheLoaderHonoursReservedRangesEachInAnotherChain() throws Exception {
        Path out = dir.resolve("traces");
        CliRun run = CliRun.of(CliRun.with(SCOPE, "--where", "loader=honours-reserved", "--counterexamples", "3",
                "--format", "json", "--out", out.toString()));
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        JsonNode root = TraceJson.mapper().readTree(run.out());
        assertEquals("honours-reserved", root.get("counterexampleChoice").get("where").get("loader").asText());
        JsonNode p = root.get("properties").get(0);
        List<JsonNode> traces = new ArrayList<>(List.of(p.get("trace")));
        p.get("moreTraces").forEach(traces::add);
        assertEquals(3, traces.size(), run.out());
        Set<String> chains = new HashSet<>();
        for (JsonNode t : traces) {
            assertEquals("honours-reserved", t.get("configuration").get("options").get("loader").asText());
            chains.add(t.get("configuration").get("chain").get(0).get("profile").asText() + ">"
                    + t.get("configuration").get("chain").get(1).get("profile").asText());
        }
        assertEquals(3, chains.size(), "each in another chain (the options are all fixed but the loader): " + chains);
        assertTrue(Files.exists(out.resolve("no-stray-write.3.trace.json")), "--out writes every one");
        assertNotEquals(Files.readString(out.resolve("no-stray-write.trace.json")),
                Files.readString(out.resolve("no-stray-write.2.trace.json")));
    }

    @Test
    void whereAPropertyHoldsTheReportSaysSoAndKeepsTheVerdict() {
        CliRun run = CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--firmware", "efi", "--hardware", "sticky",
                "--devices", "active", "--reserved-memory", "map", "--dtb", "passthrough", "--propbaser-sharing",
                "per-redistributor", "--page-size", "4k", "--kexec", "normal", "--syscall", "kexec-load", "--no-proof",
                "--no-conditions", "--no-timing", "--property", "no-stray-write", "--where", "loader=honours-reserved");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), "the verdict is still the whole scope's: " + run.err());
        assertTrue(run.out().contains("no-stray-write has no counterexample where loader=honours-reserved: it holds"
                + " there; the whole scope's shortest follows"), run.out());
        assertTrue(run.out().contains("loader=ignores-reserved"), run.out());
    }

    @Test
    void badChoicesAreRefusedInOneLine() {
        CliRun.of(CliRun.with(SCOPE, "--where", "colour=blue")).assertBadInput("colour");
        CliRun.of(CliRun.with(SCOPE, "--where", "loader=sometimes")).assertBadInput("sometimes");
        CliRun.of(CliRun.with(SCOPE, "--counterexamples", "0")).assertBadInput("--counterexamples");
        CliRun.of(CliRun.with(SCOPE, "--loader", "honours-reserved", "--where", "loader=ignores-reserved"))
                .assertBadInput("outside the scope");
    }
}

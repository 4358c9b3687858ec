package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;
import kexeccheck.trace.TraceSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report, the trace files of --out, and determinism. */
class CheckOutputTest {

    private static final String[] NO_EFI = {"check", "--chain", "linux-6.1,linux-6.1", "--firmware", "dt",
        "--hardware", "sticky", "--devices", "active", "--no-timing"};

    @TempDir
    static Path dir;

    /** One JSON run with --out and one text run serve every test: each check costs seconds. */
    private static CliRun json;
    private static CliRun text;

    @BeforeAll
    static void runOnce() {
        json = CliRun.of(concat(NO_EFI, "--format", "json", "--out", dir.toString()));
        text = CliRun.of(NO_EFI);
    }

    @Test
    void jsonReportHasTheFieldsTheIssueNamesAndEveryTraceValidates() throws Exception {
        CliRun run = json;
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());

        JsonNode root = TraceJson.mapper().readTree(run.out());
        assertEquals("upstream", root.get("model").asText());
        assertEquals("corruption", root.get("outcome").asText());
        assertEquals(List.of("linux-6.1", "linux-6.1"),
                TraceJson.mapper().convertValue(root.get("configuration").get("chain"), List.class));
        JsonNode stray = root.get("properties").get(0);
        assertEquals("no-stray-write", stray.get("name").asText());
        assertEquals("violated", stray.get("status").asText());
        assertEquals(2, stray.get("bounds").get("kernels").asInt());
        for (JsonNode p : root.get("properties")) {
            if (p.has("trace")) {
                assertEquals(List.of(), TraceSchema.problems(p.get("trace")), p.get("name").asText());
            } else {
                assertEquals("holds", p.get("status").asText());
            }
        }
    }

    @Test
    void outWritesOneValidTraceFilePerCounterexampleThatReadsBack() throws Exception {
        assertEquals(KexecCheck.VIOLATED, json.exitCode(), json.err());

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertEquals(List.of(dir.resolve("lpis-delivered.trace.json"), dir.resolve("no-stray-write.trace.json")), files);
        Trace trace = TraceJson.read(dir.resolve("no-stray-write.trace.json"));
        assertEquals("no-stray-write", trace.property());
        assertEquals("dt", trace.configuration().options().get("firmware"));
        assertEquals(List.of("linux-6.1", "linux-6.1"),
                trace.configuration().chain().stream().map(Configuration.KernelInstance::profile).toList());
        assertEquals(trace.states().size() - 1, trace.violationState());
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() {
        assertEquals(text.out(), CliRun.of(NO_EFI).out());
    }

    @Test
    void textReportNamesBoundsVerdictsAndTheFailingStep() {
        CliRun run = text;
        assertTrue(run.out().contains("bounds:   chains of up to 2 kernels, 2 CPUs, 9 frames, runs of up to 5 states (room for every kernel's events)"),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("  no-stray-write +violated .*")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("  one-property-table +holds .*")), run.out());
        assertTrue(run.out().contains("!!  no-stray-write fails here: "), run.out());
    }

    @Test
    void listNamesProposalsProfilesPropertiesAndOptions() {
        CliRun run = CliRun.of("list");
        assertEquals(0, run.exitCode(), run.err());
        for (String s : List.of("dt-memory-region-v1", "linux-6.1+nolpi", "kdump-6.1", "no-stray-write",
                "--reserved-memory  map | nomap", "adopts-preallocated")) {
            assertTrue(run.out().contains(s), s + " not in:\n" + run.out());
        }
    }

    @Test
    void listDescribesEveryShippedProposal() {
        // a proposal's facts may demand a board (an LPI region) the smallest bounds cannot hold
        assertTrue(CliRun.of("list", "-m", "dt-memory-region-v1").out().contains("linux-5.3+dt-v1"));
        CliRun run = CliRun.of("list", "-m", "bootloader-preprogrammed");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("profiles of bootloader-preprogrammed"), run.out());
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}

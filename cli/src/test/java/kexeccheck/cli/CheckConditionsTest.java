package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code check} leads with what each violated property needs: right after the outcome, in which
 * configurations of the options left open it fails and in which it holds; the JSON report carries the
 * same as data, and {@code --no-conditions} leaves both out.
 */
class CheckConditionsTest {

    /** The seed's objection with the loader, the DTB and the syscall left open: 12 configurations. */
    private static final String[] SEED = {"check", "-m", "dt-memory-region-v1", "--chain", "linux-5.3+dt-v1,linux-4.19",
        "--firmware", "dt", "--reserved-memory", "map", "--hardware", "sticky", "--devices", "active",
        "--propbaser-sharing", "per-redistributor", "--kexec", "normal", "--page-size", "4k", "--no-proof", "--no-timing"};

    private static CliRun text;
    private static CliRun json;

    @BeforeAll
    static void runOnce() {
        text = CliRun.of(SEED);
        json = CliRun.of(concat(SEED, "--format", "json"));
    }

    @Test
    void theTextLeadsWithWhatEachViolationNeedsAndWhenItHolds() {
        assertEquals(KexecCheck.VIOLATED, text.exitCode(), text.err());
        List<String> lines = text.out().lines().toList();
        int outcome = lines.indexOf("outcome: corruption");
        assertTrue(outcome > 0, text.out());
        assertEquals(List.of(
                "  no-stray-write  fails when: dtb=user-without-reserved and syscall=kexec-load, or"
                        + " loader=ignores-reserved and syscall=kexec-load",
                "                  holds when: syscall=kexec-file-load|kexec-file-load-unfinalised, or"
                        + " dtb=passthrough and loader=honours-reserved",
                "  lpis-delivered  fails in every configuration that runs",
                "  (over the options left open: dtb, loader, syscall; 12 configurations, all of which run)",
                ""), lines.subList(outcome + 1, outcome + 6));
    }

    @Test
    void theJsonCarriesTheSameAsDataOverTheOpenOptions() throws Exception {
        assertEquals(KexecCheck.VIOLATED, json.exitCode(), json.err());
        JsonNode root = TraceJson.mapper().readTree(json.out()); // CliRun held it to check.schema.json
        assertEquals(Map.of("dtb", List.of("passthrough", "user-without-reserved"),
                "loader", List.of("honours-reserved", "ignores-reserved"),
                "syscall", List.of("kexec-load", "kexec-file-load", "kexec-file-load-unfinalised")),
                TraceJson.mapper().convertValue(root.get("openOptions"), Map.class));
        JsonNode stray = property(root, "no-stray-write");
        assertEquals(List.of(Map.of("dtb", List.of("user-without-reserved"), "syscall", List.of("kexec-load")),
                Map.of("loader", List.of("ignores-reserved"), "syscall", List.of("kexec-load"))),
                TraceJson.mapper().convertValue(stray.get("failsWhen"), List.class));
        assertEquals(List.of(Map.of("syscall", List.of("kexec-file-load", "kexec-file-load-unfinalised")),
                Map.of("dtb", List.of("passthrough"), "loader", List.of("honours-reserved"))),
                TraceJson.mapper().convertValue(stray.get("holdsWhen"), List.class));
        assertEquals(3, stray.get("failingConfigurations").asInt());
        assertEquals(12, stray.get("runningConfigurations").asInt());
        JsonNode lost = property(root, "lpis-delivered");
        assertEquals("[{}]", lost.get("failsWhen").toString(), "always");
        assertEquals("[]", lost.get("holdsWhen").toString(), "never");
        assertFalse(property(root, "its-quiescent").has("failsWhen"), "a property that holds has no conditions");
    }

    @Test
    void noConditionsLeavesThemOut() throws Exception {
        CliRun run = CliRun.of(concat(SEED, "--no-conditions", "--format", "json", "--property", "lpis-delivered"));
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        JsonNode root = TraceJson.mapper().readTree(run.out());
        assertFalse(root.has("openOptions"), run.out());
        assertFalse(property(root, "lpis-delivered").has("failsWhen"), run.out());
    }

    @Test
    void aScopeLargerThanTheLimitSaysTheyWereNotComputed() throws Exception {
        CliRun run = CliRun.of(concat(SEED, "--conditions-limit", "8", "--property", "lpis-delivered"));
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("  (fails when / holds when not computed: the options left open (dtb, loader, syscall) make 12"
                + " configurations, more than --conditions-limit 8; narrow them, or raise the limit)",
                lines.get(lines.indexOf("outcome: lost-lpis") + 1), run.out());

        JsonNode root = TraceJson.mapper().readTree(CliRun.of(concat(SEED, "--conditions-limit", "8", "--property",
                "lpis-delivered", "--format", "json")).out());
        assertEquals("{\"configurations\":12,\"limit\":8}", root.get("conditionsOmitted").toString());
        assertFalse(property(root, "lpis-delivered").has("failsWhen"));
    }

    @Test
    void aNegativeLimitIsBadInput() {
        CliRun.of(concat(SEED, "--conditions-limit", "-1")).assertBadInput("--conditions-limit");
    }

    @Test
    void nothingLeftOpenPrintsNoConditionsLines() {
        CliRun run = CliRun.of("check", "--chain", "linux-6.1,linux-4.19", "--firmware", "efi", "--reserved-memory", "map",
                "--dtb", "passthrough", "--loader", "ignores-reserved", "--syscall", "kexec-load", "--hardware", "sticky",
                "--propbaser-sharing", "per-redistributor", "--devices", "active", "--kexec", "normal", "--page-size",
                "4k", "--no-proof", "--no-timing", "--property", "no-stray-write");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("", lines.get(lines.indexOf("outcome: corruption") + 1), run.out());
        assertFalse(run.out().contains("fails when"), run.out());
    }

    private static JsonNode property(JsonNode root, String name) {
        for (JsonNode p : root.get("properties")) {
            if (p.get("name").asText().equals(name)) return p;
        }
        throw new AssertionError("no property " + name + " in " + root);
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}

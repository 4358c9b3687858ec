package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kexeccheck.checker.ConfigurationSpace;
import kexeccheck.checker.Shard;
import kexeccheck.checker.Timing;
import kexeccheck.crosscheck.CrossCheck;
import kexeccheck.report.CrosscheckReport;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;

/**
 * {@code kexec-check crosscheck} as a user runs it: the simulator and the checker must give every
 * configuration of the scope the same class.
 */
class CrosscheckCommandTest {

    @Test
    void bothAccountsClassEveryConfigurationAlike() throws Exception {
        CliRun run = CliRun.of("crosscheck", "--population", "linux-4.19,linux-6.1,kdump-6.1", "--firmware",
                "efi,dt-preprogrammed", "--loader", "honours-reserved", "--dtb", "passthrough", "--page-size", "4k",
                "--syscall", "kexec-file-load", "--propbaser-sharing", "per-redistributor", "--format", "json",
                "--no-timing");
        JsonNode report = TraceJson.mapper().readTree(run.out());
        // 3 x 3 chains x 2 firmware x 2 reserved-memory x 3 hardware x 2 devices x 2 kexec (kexec_load and a
        // shared PROPBASER are in CI's cross-check, validation/crosscheck/scopes.tsv)
        assertEquals(432, report.get("configurations").asInt(), run.out());
        assertEquals(432, report.get("agreements").asInt(), run.out());
        // and the simulator reproduces the checker's run behind every class it can run, state by state
        assertTrue(report.get("replayed").asInt() > 100, run.out());
        assertEquals(report.get("replayed").asInt(), report.get("stateAgreements").asInt(), run.out());
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        Map<String, Integer> checkerClasses = new TreeMap<>();
        report.get("classes").fields().forEachRemaining(e -> e.getValue().fields().forEachRemaining(
                s -> checkerClasses.merge(e.getKey(), s.getValue().asInt(), Integer::sum)));
        // the scope reaches every class but fail-stop, so agreement is not agreement on one answer
        assertEquals(List.of("cannot-run", "corruption", "lost-lpis", "not-applicable", "recoverable", "safe"),
                List.copyOf(checkerClasses.keySet()), run.out());
    }

    /**
     * A proposal's premises bound the world both accounts cover: the seed's takes an LPI region in
     * the board's DT as given (a board without one is not a disagreement), the bootloader proposal
     * takes the pre-programming firmware as given (efi and dt are not in its world).
     */
    @Test
    void bothAccountsCoverTheWorldTheProposalAdmits() throws Exception {
        CliRun dtV1 = CliRun.of("crosscheck", "-m", "dt-memory-region-v1", "--population", "linux-5.3+dt-v1,linux-5.3",
                "--firmware", "dt", "--hardware", "sticky", "--kexec", "normal", "--devices", "active",
                "--page-size", "4k", "--syscall", "kexec-file-load", "--propbaser-sharing", "per-redistributor",
                "--format", "json", "--no-timing");
        JsonNode report = TraceJson.mapper().readTree(dtV1.out());
        assertEquals(32, report.get("configurations").asInt(), dtV1.out());
        assertEquals(32, report.get("agreements").asInt(), dtV1.out());

        CliRun bootloader = CliRun.of("crosscheck", "-m", "bootloader-preprogrammed", "--population", "linux-6.1",
                "--hardware", "sticky", "--kexec", "normal", "--page-size", "4k", "--syscall", "kexec-file-load",
                "--format", "json", "--no-timing");
        report = TraceJson.mapper().readTree(bootloader.out());
        List<String> firmware = new java.util.ArrayList<>();
        report.get("options").get("firmware").forEach(f -> firmware.add(f.asText()));
        assertEquals(List.of("dt-preprogrammed", "efi-preprogrammed"), firmware);
        // x 2 PROPBASER sharings
        assertEquals(64, report.get("configurations").asInt(), bootloader.out());
        assertEquals(64, report.get("agreements").asInt(), bootloader.out());
    }

    @Test
    void aDisagreementIsExplainedByBothAccounts() throws Exception {
        CrossCheck.Disagreement d = new CrossCheck.Disagreement("--chain linux-6.1,linux-6.1 --firmware dt",
                List.of("linux-6.1", "linux-6.1"), Map.of("firmware", "dt"), "corruption", "safe", List.of("choices: K2 property table on F3", "  xx  stray write"),
                List.of("every run ends safely"));
        CrossCheck.Report r = new CrossCheck.Report("upstream", new ConfigurationSpace.Scope("upstream",
                List.of("linux-6.1"), Map.of(), 2), Shard.WHOLE, new Bounds(2, 2, 9, 5, true), 2, 1,
                Map.of("safe", Map.of("corruption", 1, "safe", 1)), List.of(d), 2, 1,
                List.of(new CrossCheck.StateDivergence("--chain linux-6.1,linux-6.1 --firmware efi",
                        List.of("linux-6.1", "linux-6.1"), Map.of("firmware", "efi"), "safe", "diverged",
                        List.of("  3  K2 runs init_IRQ", "       <>   memreserve: simulator [], trace [F0]"))),
                0, 0, Timing.NONE);
        String text = CrosscheckReport.text(r, false);
        assertTrue(text.contains("states: 1/2 of the checker's runs replayed on the simulator agree state by state"), text);
        assertTrue(text.contains("state divergences (1, the first 1 shown with both accounts):\n\n"
                + "  --chain linux-6.1,linux-6.1 --firmware efi\n    checker class safe, replay diverged\n"
                + "        3  K2 runs init_IRQ\n             <>   memreserve: simulator [], trace [F0]\n"), text);
        assertTrue(!r.agree());
        assertTrue(text.contains("agreement: 1/2 (50.0%)"), text);
        assertTrue(text.contains("scope: 2 configurations: 1 x 1 chains of linux-6.1, 2 CPUs"), text);
        assertTrue(text.contains("disagreements (1, the first 1 explained):"), text);
        assertTrue(text.contains("  --chain linux-6.1,linux-6.1 --firmware dt\n    simulator: corruption\n"
                + "      choices: K2 property table on F3\n        xx  stray write\n    checker:   safe\n"
                + "      every run ends safely\n"), text);

        // the disagreements and divergences a real run seldom has, held to the schema, and read back by merge
        JsonNode json = JsonReports.requireValid(CrosscheckReport.json(r, false));
        assertEquals("dt", json.at("/disagreements/0/options/firmware").asText());
        java.nio.file.Path part = java.nio.file.Files.createTempFile("crosscheck", ".json");
        java.nio.file.Files.writeString(part, CrosscheckReport.json(r, false));
        CliRun merged = CliRun.of("merge", part.toString(), "--format", "json", "--no-timing");
        assertEquals("efi", TraceJson.mapper().readTree(merged.out()).at("/stateDivergences/0/options/firmware").asText(),
                merged.out() + merged.err());
        java.nio.file.Files.delete(part);
    }

    /** {@code --kernels 3}: chains of three kernels, both accounts end to end, in the JSON held to its schema. */
    @Test
    void chainsOfThreeKernelsAreCrossCheckedEndToEnd() throws Exception {
        CliRun run = CliRun.of("crosscheck", "--kernels", "3", "--population", "linux-6.1", "--firmware", "efi",
                "--hardware", "sticky", "--devices", "active", "--reserved-memory", "map", "--dtb", "passthrough",
                "--loader", "honours-reserved", "--syscall", "kexec-load", "--propbaser-sharing", "per-redistributor",
                "--kexec", "normal", "--page-size", "4k", "--format", "json", "--no-timing");
        JsonNode report = JsonReports.requireValid(run.out());
        assertEquals(3, report.get("kernels").asInt(), run.out());
        assertEquals(3, report.at("/bounds/kernels").asInt(), run.out());
        // the one chain linux-6.1 x 3, its run to K3's GIC boot replayed state by state
        assertEquals(1, report.get("configurations").asInt(), run.out());
        assertEquals(1, report.get("agreements").asInt(), run.out());
        assertEquals(1, report.get("stateAgreements").asInt(), run.out());
        assertEquals(1, report.at("/classes/safe/safe").asInt(), run.out());
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
    }

    /** A report of three-kernel chains says so, carries three profiles per chain, and its shards merge back. */
    @Test
    void threeKernelShardsMergeIntoThreeKernelChains() throws Exception {
        List<String> chain = List.of("linux-6.1", "linux-4.19", "linux-6.1");
        CrossCheck.Disagreement d = new CrossCheck.Disagreement("--chain linux-6.1,linux-4.19,linux-6.1 --kexec crash",
                chain, Map.of("kexec", "crash"), "fail-stop", "recoverable", List.of("  xx  K3 panicked"),
                List.of("every kernel warns"));
        ConfigurationSpace.Scope scope = new ConfigurationSpace.Scope("upstream", List.of("linux-4.19", "linux-6.1"),
                Map.of("kexec", List.of("crash")), 2, 3);
        Bounds bounds = new Bounds(3, 2, 12, 7, true);
        CrossCheck.Report first = new CrossCheck.Report("upstream", scope, Shard.parse("1/2"), bounds, 4, 3,
                Map.of("recoverable", Map.of("fail-stop", 1, "recoverable", 3)), List.of(d), 4, 4, List.of(), 0, 0,
                Timing.NONE);
        CrossCheck.Report second = new CrossCheck.Report("upstream", scope, Shard.parse("2/2"), bounds, 4, 4,
                Map.of("corruption", Map.of("corruption", 4)), List.of(), 4, 4, List.of(), 0, 0, Timing.NONE);
        String text = CrosscheckReport.text(first, false);
        assertTrue(text.contains("scope: 4 configurations: 2 x 2 x 2 chains of linux-4.19,linux-6.1, 2 CPUs"), text);
        JsonNode json = JsonReports.requireValid(CrosscheckReport.json(first, false));
        assertEquals(3, json.get("kernels").asInt());
        assertEquals(3, json.at("/disagreements/0/chain").size());

        java.nio.file.Path a = java.nio.file.Files.createTempFile("crosscheck-1", ".json");
        java.nio.file.Path b = java.nio.file.Files.createTempFile("crosscheck-2", ".json");
        java.nio.file.Path two = java.nio.file.Files.createTempFile("crosscheck-2-kernels", ".json");
        try {
            java.nio.file.Files.writeString(a, CrosscheckReport.json(first, false));
            java.nio.file.Files.writeString(b, CrosscheckReport.json(second, false));
            CliRun merged = CliRun.of("merge", a.toString(), b.toString(), "--format", "json", "--no-timing");
            JsonNode whole = TraceJson.mapper().readTree(merged.out());
            assertEquals(3, whole.get("kernels").asInt(), merged.out() + merged.err());
            assertEquals(8, whole.get("configurations").asInt(), merged.out());
            assertEquals(chain, List.of(whole.at("/disagreements/0/chain/0").asText(),
                    whole.at("/disagreements/0/chain/1").asText(), whole.at("/disagreements/0/chain/2").asText()));
            // a shard of two-kernel chains is not a part of the same run
            CrossCheck.Report other = new CrossCheck.Report("upstream", new ConfigurationSpace.Scope("upstream",
                    scope.population(), scope.options(), 2), Shard.parse("2/2"), bounds, 4, 4, Map.of(), List.of(), 0,
                    0, List.of(), 0, 0, Timing.NONE);
            java.nio.file.Files.writeString(two, CrosscheckReport.json(other, false));
            CliRun.of("merge", a.toString(), two.toString()).assertBadInput("not a shard of the same run");
        } finally {
            java.nio.file.Files.delete(a);
            java.nio.file.Files.delete(b);
            java.nio.file.Files.delete(two);
        }
    }

    @Test
    void badInputIsOneLine() {
        CliRun.of("crosscheck", "--kernels", "4").assertBadInput("--kernels 4");
        CliRun.of("crosscheck", "--cpus", "3").assertBadInput("--cpus 3");
        CliRun.of("crosscheck", "--population", "linux-9.9").assertBadInput("linux-9.9");
        CliRun.of("crosscheck", "--firmware", "bios").assertBadInput("bios");
        CliRun.of("crosscheck", "--show", "-1").assertBadInput("--show");
    }
}

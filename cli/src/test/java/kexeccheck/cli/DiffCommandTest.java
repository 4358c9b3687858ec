package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff -m A -m B}: the configurations whose class a proposal changes. */
class DiffCommandTest {

    private static final String TUTORIAL = "../docs/tutorial/chosen-lpi-tables.als";
    /** The tutorial's scope: kexec-tools over kexec_load, as the tutorial's /chosen proposal assumes. */
    private static final String[] SCOPE = {"--firmware", "dt", "--hardware", "sticky", "--devices", "active",
        "--loader", "honours-reserved", "--page-size", "4k", "--syscall", "kexec-load",
        "--propbaser-sharing", "per-redistributor"};

    @TempDir
    Path dir;

    private static String[] args(String... first) {
        String[] out = java.util.Arrays.copyOf(first, first.length + SCOPE.length);
        System.arraycopy(SCOPE, 0, out, first.length, SCOPE.length);
        return out;
    }

    @Test
    void theTutorialsProposalFixesThePassedOnDtAndNothingElseAndWorsensNothing() throws Exception {
        Path html = dir.resolve("diff.html");
        CliRun run = CliRun.of(args("diff", "-m", "upstream", "-m", TUTORIAL, "--population",
                "linux-6.1,linux-6.1+chosen", "--pair", "linux-6.1+chosen=linux-6.1", "--format", "json",
                "--html", html.toString(), "--no-timing"));

        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        JsonNode r = TraceJson.mapper().readTree(run.out());
        assertEquals(32, r.get("configurations").asInt());
        assertEquals(2, r.get("differences").size(), run.out());
        for (JsonNode d : r.get("differences")) {
            assertEquals("linux-6.1+chosen,linux-6.1+chosen", d.get("chain").asText());
            assertEquals("passthrough", d.get("options").get("dtb").asText());
            assertEquals("normal", d.get("options").get("kexec").asText());
            assertEquals("better", d.get("direction").asText());
            assertEquals("corruption", d.get("a").get("outcome").asText());
            assertEquals("linux-6.1,linux-6.1", d.get("a").get("chain").asText());
            assertEquals("no-stray-write", d.get("a").get("trace").get("property").asText());
            assertEquals("safe", d.get("b").get("outcome").asText());
            assertTrue(d.get("b").get("trace") == null, "a safe side has no counterexample");
        }
        String page = Files.readString(html);
        assertTrue(page.contains("<h3 id=\"d1\">1. --chain linux-6.1+chosen,linux-6.1+chosen"), page);
    }

    @Test
    void aModelAgainstItselfDiffersNowhere() {
        CliRun run = CliRun.of(args("diff", "-m", "upstream", "-m", "upstream", "--population", "linux-6.1",
                "--no-timing"));
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("configurations: 8; differ: 0 "), run.out());
    }

    @Test
    void aProposalWorseSomewhereExitsOne() {
        // swapped: upstream's linux-6.1 reviewed against the patched kernel is worse where the patch helped
        CliRun run = CliRun.of(args("diff", "-m", TUTORIAL, "-m", "upstream", "--population", "linux-6.1",
                "--pair", "linux-6.1=linux-6.1+chosen", "--no-timing"));
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        assertTrue(run.out().contains("differ: 2 (better in B: 0, worse in B: 2, runs in one only: 0)"), run.out());
        assertTrue(run.out().contains("  safe -> corruption"), run.out());
        assertTrue(run.out().contains("where they differ (over the options left open: reserved-memory, dtb, kexec):\n"
                + "  linux-6.1 -> linux-6.1: safe -> corruption when dtb=passthrough and kexec=normal (2 configurations)\n"),
                run.out());
    }

    @Test
    void oneModelOrAnUnknownPairIsBadInput() {
        CliRun.of("diff", "-m", "upstream", "--population", "linux-6.1").assertBadInput("exactly two models");
        CliRun.of("diff", "-m", "upstream", "-m", TUTORIAL, "--population", "linux-6.1+chosen")
                .assertBadInput("profile 'linux-6.1+chosen' is not in model upstream", "--pair linux-6.1+chosen=PROFILE");
        CliRun.of("diff", "-m", "upstream", "-m", TUTORIAL, "--population", "linux-6.1",
                "--pair", "linux-6.1+chosen=linux-6.1").assertBadInput("--pair linux-6.1+chosen=linux-6.1", "not in the population");
    }
}

package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output paths are checked before any solving (one line, exit 2, nothing created), folders are
 * created by the writers, and {@code --out} keeps only this run's traces.
 */
class OutputPathsTest {

    @TempDir
    Path dir;

    @Test
    void anOutputThatCannotBeWrittenIsRefusedFirst() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun.of("check", "--out", file.toString()).assertBadInput("--out", "a file, not a directory");
        CliRun.of("check", "--out", "-").assertBadInput("--out -", "give a directory");
        CliRun.of("check", "--render", file.resolve("graphs").toString()).assertBadInput("--render", "is a file");
        CliRun.of("matrix", "--population", "linux-6.1", "--html", dir.toString()).assertBadInput("--html",
                "a directory, not a file");
        CliRun.of("matrix", "--population", "linux-6.1", "--html", file.resolve("m.html").toString())
                .assertBadInput("--html", "its folder cannot be created");
        CliRun.of("gate", "--config", GateExampleTest.CONFIG.toString(), "--junit", "-").assertBadInput("--junit -");
        CliRun.of("diff", "-m", "upstream", "-m", "upstream", "--population", "linux-6.1", "--html", "-")
                .assertBadInput("--html -");
        assertFalse(Files.exists(file.resolveSibling("graphs")));
    }

    @Test
    void outKeepsOnlyThisRunsTracesInAFolderItCreates() throws Exception {
        Path out = dir.resolve("new/traces");
        CliRun first = CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--firmware", "dt", "--hardware", "sticky",
                "--devices", "active", "--no-proof", "--out", out.toString());
        assertEquals(KexecCheck.VIOLATED, first.exitCode(), first.err());
        assertTrue(Files.exists(out.resolve("no-stray-write.trace.json")));

        CliRun safe = CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--hardware", "gicv2", "--no-proof",
                "--out", out.toString());
        assertEquals(KexecCheck.OK, safe.exitCode(), safe.err());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "the earlier run's traces would read as this run's");
        }
    }
}

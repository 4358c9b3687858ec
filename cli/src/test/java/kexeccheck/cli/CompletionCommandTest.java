package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script {@code kexec-check completion} prints completes subcommands and options in a real bash. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void bashCompletesSubcommandsAndOptions() throws Exception {
        CliRun run = CliRun.of("completion");
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        Path script = Files.writeString(dir.resolve("kexec-check.bash"), run.out());

        assertEquals("matrix machine", complete(script, "kexec-check", "ma"));
        assertEquals("--firmware", complete(script, "kexec-check", "check", "--firm"));
        assertEquals("--shard", complete(script, "kexec-check", "matrix", "--sha"));
        // values too (issue 25): configuration options, proposals and profiles
        assertEquals("dt dt-preprogrammed", complete(script, "kexec-check", "check", "--firmware", "d"));
        assertEquals("kho-lpi-tables", complete(script, "kexec-check", "check", "--model", "k"));
        assertEquals("linux-4.19 linux-4.19+nolpi", complete(script, "kexec-check", "check", "--chain", "linux-4.19"));
        assertEquals("kexec-load kexec-file-load kexec-file-load-unfinalised",
                complete(script, "kexec-check", "matrix", "--syscall", "k"));
    }

    /** What bash's completion function offers for the last word of the line. */
    private static String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String bash = "source " + script + "; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_kexec-check kexec-check "
                + words[words.length - 1] + " " + words[words.length - 2] + " 2>/dev/null; echo \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}

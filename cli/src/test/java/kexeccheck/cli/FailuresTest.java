package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the CLI fails on what the environment, not the input or a bug, makes impossible. */
class FailuresTest {

    @Test
    void aPathTheFileNameEncodingCannotHoldIsOneLineWithTheRemedyNotAnInternalError() {
        // what LC_ALL=C does to a model path with a non-ASCII character (issue 25)
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KexecCheck());
        cli.setErr(new PrintWriter(err, true));
        int code = Failures.failed(new InvalidPathException("/tmp/\u00fc/m.als", "Malformed input"), cli, null);
        assertEquals(KexecCheck.BAD_INPUT, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("kexec-check: /tmp/\u00fc/m.als: this path cannot be used"), err.toString());
        assertTrue(err.toString().contains("LC_ALL=C.UTF-8"), err.toString());
    }
}

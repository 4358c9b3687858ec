package kexeccheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import kexeccheck.checker.BadInputException;
import kexeccheck.report.Version;
import kexeccheck.simulator.NotReplayableException;
import kexeccheck.trace.InvalidTraceException;
import picocli.CommandLine;

/**
 * How the CLI fails: one line for bad input (exit 2), one line and a
 * details file for a bug (exit 3), never a bare stack trace.
 */
final class Failures {

    private Failures() {}

    static int badParameters(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        if (e.getMessage().contains(java.nio.file.InvalidPathException.class.getName())) {
            // a path argument picocli could not convert (it keeps only the message): LC_ALL=C, as above
            err.println("kexec-check: a path given cannot be used under the file-name encoding "
                    + System.getProperty("sun.jnu.encoding", "?") + "; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 ("
                    + e.getMessage().strip().replaceAll("\\s*\\n\\s*", " ") + ")");
            return KexecCheck.BAD_INPUT;
        }
        CommandLine at = e.getCommandLine();
        String command = at.getParent() == null ? "kexec-check" : "kexec-check " + at.getCommandName();
        err.println("kexec-check: " + e.getMessage().strip().replaceAll("\\s*\\n\\s*", " ")
                + " (see " + command + " --help)");
        return KexecCheck.BAD_INPUT;
    }

    static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof BadInputException || e instanceof InvalidTraceException) {
            err.println("kexec-check: " + e.getMessage());
            return KexecCheck.BAD_INPUT;
        }
        if (e instanceof java.nio.file.InvalidPathException bad) {
            // LC_ALL=C (common in CI containers) gives the JVM an ASCII file-name encoding: a path with
            // other characters cannot be named at all, which is the environment's doing, not a bug
            err.println(unencodable(bad));
            return KexecCheck.BAD_INPUT;
        }
        if (e instanceof NotReplayableException) {
            err.println("kexec-check: not replayable: " + e.getMessage());
            return KexecCheck.NOT_REPLAYABLE;
        }
        err.println("kexec-check: internal error: " + e + " (" + writeDetails(e) + ")");
        return KexecCheck.INTERNAL_ERROR;
    }

    /** The one line for a path the JVM's file-name encoding cannot hold, with the remedy. */
    private static String unencodable(java.nio.file.InvalidPathException bad) {
        return "kexec-check: " + bad.getInput() + ": this path cannot be used under the file-name encoding "
                + System.getProperty("sun.jnu.encoding", "?") + " (" + bad.getReason()
                + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }

    private static String writeDetails(Exception e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        try {
            Path file = Files.createTempFile("kexec-check-internal-error-", ".txt");
            Files.writeString(file, "kexec-check " + Version.current() + "\n" + trace);
            return "details in " + file + "; please report it";
        } catch (IOException io) {
            return "details could not be written: " + io.getMessage();
        }
    }
}

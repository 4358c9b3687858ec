package kexeccheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KexecCheck.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The outcome line of a text report. */
    String outcome() {
        return out.lines().filter(l -> l.startsWith("outcome: ")).map(l -> l.substring("outcome: ".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no outcome line in:\n" + out + err));
    }
}

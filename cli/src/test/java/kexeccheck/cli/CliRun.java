package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** The arguments {@code args} followed by {@code more}: a scope with one more option. */
    static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /**
     * Runs the command line; a JSON report on stdout is checked against its kind's schema on the way, so
     * that every test that asks for {@code --format json} also holds the report to its schema.
     */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KexecCheck.run(args, new PrintWriter(out), new PrintWriter(err));
        CliRun run = new CliRun(code, out.toString(), err.toString());
        if (run.out.startsWith("{")) {
            JsonReports.requireValid(run.out);
        }
        return run;
    }

    /** Bad input: exit code 2, nothing on stdout, one line on stderr mentioning each of {@code mustMention}. */
    void assertBadInput(String... mustMention) {
        assertEquals(KexecCheck.BAD_INPUT, exitCode, out + err);
        assertEquals("", out);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("kexec-check: "), err);
        for (String s : mustMention) {
            assertTrue(err.contains(s), "'" + s + "' not in: " + err);
        }
    }

    /** The outcome line of a text report. */
    String outcome() {
        return out.lines().filter(l -> l.startsWith("outcome: ")).map(l -> l.substring("outcome: ".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no outcome line in:\n" + out + err));
    }
}

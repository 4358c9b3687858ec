package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void withoutAPersonWatchingNothingIsPrinted() {
        StringWriter err = new StringWriter();
        try (TerminalProgress p = new TerminalProgress(new PrintWriter(err), "check", false)) {
            p.show("looking for a run that violates any of 5 properties");
        }
        assertEquals("", err.toString());
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        try (TerminalProgress p = new TerminalProgress(new PrintWriter(err), "check", true)) {
            p.show("loading model upstream, a long line");
        }
        String printed = err.toString();
        assertTrue(printed.startsWith("\rcheck: loading model upstream, a long line (0 s)"), printed);
        // the last thing printed blanks the line and returns to its start: the report starts clean
        assertTrue(printed.endsWith(" \r") && !printed.contains("\n"), printed);
    }
}

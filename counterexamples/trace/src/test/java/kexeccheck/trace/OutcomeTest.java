package kexeccheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void theLadderIsWorstFirstAndLeavesOutCannotRun() {
        assertEquals(List.of("corruption", "lost-lpis", "fail-stop", "recoverable", "safe", "not-applicable"),
                Outcome.classes().stream().map(Outcome::cliName).toList());
        assertFalse(Outcome.CANNOT_RUN.isClass());
    }

    @Test
    void everyNameReadsBackAndUnknownNamesAreRefused() {
        for (Outcome o : Outcome.values()) {
            assertEquals(o, Outcome.fromCliName(o.cliName()));
        }
        assertThrows(IllegalArgumentException.class, () -> Outcome.fromCliName("lost_lpis"));
    }

    @Test
    void worstPicksTheMoreSevere() {
        assertEquals(Outcome.CORRUPTION, Outcome.SAFE.worst(Outcome.CORRUPTION));
        assertEquals(Outcome.FAIL_STOP, Outcome.FAIL_STOP.worst(Outcome.RECOVERABLE));
        assertTrue(Outcome.LOST_LPIS.worseThan(Outcome.FAIL_STOP));
        assertFalse(Outcome.SAFE.worseThan(Outcome.SAFE));
    }
}

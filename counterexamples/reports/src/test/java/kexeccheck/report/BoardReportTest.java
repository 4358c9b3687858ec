package kexeccheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fleet's count lines read as prose, not as a Java map (issue 25). */
class BoardReportTest {

    @Test
    void countsReadAsNamesAndNumbers() {
        assertEquals("GICv2 2, GICv3+ITS 1", BoardReport.inWords(new TreeMap<>(Map.of("GICv3+ITS", 1, "GICv2", 2))));
        assertEquals("", BoardReport.inWords(Map.of()));
    }
}

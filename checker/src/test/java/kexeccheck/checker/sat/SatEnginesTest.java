package kexeccheck.checker.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.checker.BadInputException;
import org.junit.jupiter.api.Test;

/** Which engine answers for each request, and the one line a bad value gives. */
class SatEnginesTest {

    @Test
    void sat4jAnswersWhenAskedFor() {
        List<String> warned = new ArrayList<>();
        assertEquals("sat4j", SatEngines.resolve(SatEngine.SAT4J, warned::add, false).name());
        assertEquals(List.of(), warned);
    }

    @Test
    void cadicalAnswersAutoAndCadicalWhenItLoads() {
        CadicalAvailable.assumeLoaded();
        assertEquals("cadical", SatEngines.resolve(SatEngine.AUTO, line -> {}, false).name());
        assertEquals("cadical", SatEngines.resolve(SatEngine.CADICAL, line -> {}, true).name());
    }

    @Test
    void anUnknownEngineIsOneLineNamingTheAcceptedOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> SatEngine.parse("minisat"));
        assertEquals("--solver minisat: no such SAT engine (one of: auto, cadical, sat4j)", e.getMessage());
    }
}

package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import kexeccheck.checker.sat.CadicalLibrary;
import kexeccheck.checker.sat.SatEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SAT4J and CaDiCaL give every public scenario the same verdicts: the outcome, each property's status,
 * proof and conditions. The counterexamples may differ (each engine finds a shortest one, not
 * necessarily the same), so the report is compared up to the first of them.
 */
class EnginesAgreeTest {

    @BeforeEach
    void cadicalBuilt() {
        assumeTrue(CadicalLibrary.load().isEmpty() || SatEngines.required(), "CaDiCaL not built");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kexeccheck.cli.PublicScenariosTest#scenarios")
    void bothEnginesGiveTheSameVerdicts(String id, String options, String expected) {
        List<String> sat4j = verdicts(options, "sat4j");
        List<String> cadical = verdicts(options, "cadical");
        assertEquals(sat4j, cadical, id);
        assertEquals("outcome: " + expected, sat4j.stream().filter(l -> l.startsWith("outcome: ")).findFirst()
                .orElseThrow(), id);
    }

    /** The report's lines before its first trace, times left out. */
    private static List<String> verdicts(String options, String engine) {
        CliRun run = CliRun.of(("check " + options + " --no-timing --solver " + engine).split(" "));
        assertEquals("", run.err(), engine);
        return run.out().lines().takeWhile(l -> !l.startsWith("counterexample for ") && !l.startsWith("why ")).toList();
    }
}

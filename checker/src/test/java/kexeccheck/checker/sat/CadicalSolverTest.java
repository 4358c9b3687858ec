package kexeccheck.checker.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kodkod.engine.satlab.SATSolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The native engine behind Kodkod's solver interface, on formulas small enough to check by hand. */
class CadicalSolverTest {

    @BeforeEach
    void loaded() {
        CadicalAvailable.assumeLoaded();
    }

    private static SATSolver solver(int variables, int[]... clauses) {
        SATSolver s = CadicalFactory.INSTANCE.instance();
        s.addVariables(variables);
        for (int[] c : clauses) {
            s.addClause(c);
        }
        return s;
    }

    @Test
    void aSatisfiableFormulaHasAModelThatSatisfiesIt() {
        SATSolver s = solver(3, new int[] {1, 2}, new int[] {-1}, new int[] {-2, 3});
        assertTrue(s.solve());
        assertFalse(s.valueOf(1));
        assertTrue(s.valueOf(2));
        assertTrue(s.valueOf(3));
        assertEquals(3, s.numberOfVariables());
        assertEquals(3, s.numberOfClauses());
        s.free();
    }

    @Test
    void anUnsatisfiableFormulaHasNone() {
        SATSolver s = solver(2, new int[] {1, 2}, new int[] {-1, 2}, new int[] {1, -2}, new int[] {-1, -2});
        assertFalse(s.solve());
        assertThrows(IllegalStateException.class, () -> s.valueOf(1));
        s.free();
    }

    @Test
    void aClauseAddedAfterASolveCountsInTheNext() {
        SATSolver s = solver(2, new int[] {1, 2});
        assertTrue(s.solve());
        // block the model found, as RunEnumerator does, until none is left: {1,2} has three models
        int models = 0;
        while (s.solve()) {
            models++;
            s.addClause(new int[] {s.valueOf(1) ? -1 : 1, s.valueOf(2) ? -2 : 2});
        }
        assertEquals(3, models);
        s.free();
    }

    @Test
    void theLastModelStaysReadableAfterAClauseUntilTheNextSolve() {
        SATSolver s = solver(2, new int[] {1}, new int[] {2});
        assertTrue(s.solve());
        s.addClause(new int[] {-1, -2});
        assertTrue(s.valueOf(1));
        assertFalse(s.solve());
        s.free();
    }

    @Test
    void aVariableNoClauseMentionsIsFalseAndOneOutOfRangeIsRefused() {
        SATSolver s = solver(4, new int[] {2});
        assertTrue(s.solve());
        assertTrue(s.valueOf(2));
        assertFalse(s.valueOf(4));
        assertThrows(IllegalArgumentException.class, () -> s.valueOf(5));
        assertThrows(IllegalArgumentException.class, () -> s.addClause(new int[] {7}));
        s.free();
        s.free(); // twice is harmless
    }
}

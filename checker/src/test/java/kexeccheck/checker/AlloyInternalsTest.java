package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mit.csail.sdg.translator.A4Solution;
import java.util.Optional;
import kexeccheck.trace.Bounds;
import org.junit.jupiter.api.Test;

/**
 * The private fields of Alloy that {@link RunEnumerator} depends on are where {@link AlloyInternals}
 * looks for them: on an Alloy upgrade that moved them this fails first, naming the field, instead of
 * the matrix and the cross-check failing later with an internal error.
 */
class AlloyInternalsTest {

    private static final LoadedModel UPSTREAM = LoadedModel.load(ModelSource.resolve("upstream"),
            new Bounds(2, 2, BoundsPolicy.sufficientFrames(2, 2), BoundsPolicy.completeSteps(2), true));

    @Test
    void aSolutionFoundBySatHasItsLiveSolverWhereAlloyInternalsLooks() {
        A4Solution solution = UPSTREAM.solve(QueryText.runs("Kernel.profile in linux_6_1"),
                UPSTREAM.bounds().steps()).solution();
        assertDoesNotThrow(() -> AlloyInternals.requireFields(solution));
        Optional<AlloyInternals.LiveSolver> live = AlloyInternals.liveSolver(solution);
        assertTrue(live.isPresent());
        assertTrue(live.get().translation().cnf().numberOfVariables() > 0);
    }
}

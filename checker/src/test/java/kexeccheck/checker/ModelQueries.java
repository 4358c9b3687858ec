package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kexeccheck.trace.Bounds;

/**
 * Asks a shipped model questions in Alloy, for tests: is a situation
 * possible, and does an expectation hold in every run where it arises.
 * Each assertion also checks the situation is possible, so no test passes
 * because its premise is contradictory.
 */
final class ModelQueries {

    private final LoadedModel model;

    ModelQueries(String proposal, int kernels) {
        this.model = LoadedModel.load(ModelSource.resolve(proposal),
                new Bounds(kernels, 2, BoundsPolicy.sufficientFrames(kernels, 2), BoundsPolicy.completeSteps(kernels), true));
    }

    /** Every run from the cold boot in which {@code situation} holds also satisfies {@code expectation}. */
    void assertAlways(String situation, String expectation) {
        String runs = "init and (always step) and (" + situation + ")";
        assertTrue(model.solve(runs, model.bounds().steps()).found(), "the situation cannot arise: " + situation);
        assertFalse(model.solve(runs + " and not (" + expectation + ")", model.bounds().steps()).found(),
                "a run contradicts '" + expectation + "' when " + situation);
    }

    /** Some run from the cold boot satisfies {@code situation}. */
    void assertPossible(String situation) {
        assertTrue(model.solve("init and (always step) and (" + situation + ")", model.bounds().steps()).found(),
                "no run has " + situation);
    }

    /** No run from the cold boot satisfies {@code situation}. */
    void assertImpossible(String situation) {
        assertFalse(model.solve("init and (always step) and (" + situation + ")", model.bounds().steps()).found(),
                "a run has " + situation);
    }
}

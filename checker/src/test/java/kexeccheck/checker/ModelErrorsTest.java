package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelErrorsTest {

    private static final ModelSource UPSTREAM = ModelSource.resolve("upstream");

    @Test
    void editDistance() {
        assertEquals(0, ModelErrors.distance("coldBoot", "coldBoot"));
        assertEquals(1, ModelErrors.distance("coldBot", "coldBoot"));
        assertEquals(3, ModelErrors.distance("kitten", "sitting"));
        assertEquals(1, ModelErrors.distance("linux-4.91", "linux-4.19"), "a swap of neighbours is one edit");
        assertEquals("; did you mean linux-4.19?", ModelErrors.didYouMean("linux-4.91",
                java.util.List.of("linux-4.16", "linux-4.19", "linux-6.1")));
        assertEquals("", ModelErrors.didYouMean("arm", java.util.List.of("linux-4.19")), "nothing near: nothing said");
    }

    @Test
    void aMisspeltNameGetsTheDeclaredOneItMeans() {
        assertEquals(Optional.of("coldBoot"), ModelErrors.closest("coldBot", UPSTREAM));
        assertEquals(Optional.of("pageAllocator"), ModelErrors.closest("pageAlocator", UPSTREAM));
        assertEquals(Optional.of("kexecEvents"), ModelErrors.closest("kexecEvent", UPSTREAM));
    }

    @Test
    void aNameNothingResemblesGetsNoGuess() {
        assertEquals(Optional.empty(), ModelErrors.closest("frobnicateTheWidgets", UPSTREAM));
    }
}

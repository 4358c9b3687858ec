package kexeccheck.checker.sat;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/**
 * Whether tests of the native engine run: skipped where the library was not built, failed where
 * {@value SatEngines#REQUIRE}=1 says it must be there (CI), so CI really tests CaDiCaL.
 */
public final class CadicalAvailable {

    private CadicalAvailable() {}

    /** Skips (or, when required, fails) the calling test unless CaDiCaL loads. */
    public static void assumeLoaded() {
        Optional<String> failure = CadicalLibrary.load();
        if (failure.isPresent() && SatEngines.required()) {
            fail("CaDiCaL does not load from " + CadicalLibrary.path() + ": " + failure.get());
        }
        assumeTrue(failure.isEmpty(), () -> "CaDiCaL not built (native/build-cadical.sh): " + failure.get());
    }
}

package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.mit.csail.sdg.translator.A4Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kexeccheck.trace.Bounds;
import org.junit.jupiter.api.Test;

/** One translation, every valuation of the distinguishing relations once, and exclusions that carry over. */
class RunEnumeratorTest {

    private static final LoadedModel UPSTREAM = LoadedModel.load(ModelSource.resolve("upstream"),
            new Bounds(2, 2, BoundsPolicy.sufficientFrames(2, 2), BoundsPolicy.completeSteps(2), true));
    private static final String RUNS = QueryText.runs("Kernel.profile in linux_6_1");

    @Test
    void eachValuationComesOnce() {
        assertEquals(List.of("dt", "dt-preprogrammed", "efi", "efi-preprogrammed"), firmwares(RunEnumerator.start(UPSTREAM, RUNS,
                List.of("Config.firmware")), List.of()));
    }

    @Test
    void aValuationFoundInOneTranslationCanBeExcludedFromAnother() {
        RunEnumerator first = RunEnumerator.start(UPSTREAM, RUNS + " and Config.firmware = efi",
                List.of("Config.firmware"));
        first.next().orElseThrow();
        RunEnumerator.Valuation efi = first.valuation();
        // another formula, so another translation: tuple indices are what they share
        assertEquals(List.of("dt", "dt-preprogrammed", "efi-preprogrammed"), firmwares(RunEnumerator.start(UPSTREAM,
                RUNS + " and Config.hardware = sticky", List.of("Config.firmware")), List.of(efi)));
    }

    private static List<String> firmwares(RunEnumerator runs, List<RunEnumerator.Valuation> excluded) {
        excluded.forEach(runs::exclude);
        List<String> seen = new ArrayList<>();
        for (Optional<A4Solution> s = runs.next(); s.isPresent(); s = runs.next()) {
            seen.add(TraceExtractor.configuration(UPSTREAM, s.get()).options().get("firmware"));
        }
        return seen.stream().sorted().toList();
    }
}

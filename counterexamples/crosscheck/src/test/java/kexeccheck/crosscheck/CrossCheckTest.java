package kexeccheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.ConfigurationSpace;
import kexeccheck.checker.Shard;
import org.junit.jupiter.api.Test;

/** Both accounts over a small scope: every class alike, every run replayed, and progress told along the way. */
class CrossCheckTest {

    private static final ConfigurationSpace.Scope SCOPE = new ConfigurationSpace.Scope("upstream",
            List.of("linux-4.19", "linux-6.1"), Map.of("firmware", List.of("efi", "dt"), "hardware", List.of("sticky"),
                    "devices", List.of("active"), "kexec", List.of("normal"), "page-size", List.of("4k")), 2);

    @Test
    void theAccountsAgreeOnEveryConfigurationAndEveryReplayedState() {
        List<String> progress = new ArrayList<>();
        CrossCheck.Report r = CrossCheck.run(SCOPE, 5, Shard.WHOLE, progress::add);
        // 2 x 2 chains x 2 firmware x 2 reserved-memory x 2 dtb x 2 loader
        assertEquals(64, r.configurations());
        assertEquals(r.configurations(), r.agreements(), r.disagreements().toString());
        assertTrue(r.replayed() > 0);
        assertEquals(r.replayed(), r.stateAgreements(), r.stateDivergences().toString());
        assertTrue(r.agree());
        assertEquals("loading model upstream", progress.get(0));
        assertTrue(progress.contains("both accounts started on at most 64 configurations"), progress.toString());
        assertTrue(progress.get(progress.size() - 1).startsWith("checker done"), progress.toString());
    }

    @Test
    void aShardTakesTheChainsOfItsFirstKernelsOnly() {
        CrossCheck.Report first = CrossCheck.run(SCOPE, 5, Shard.parse("1/2"));
        CrossCheck.Report second = CrossCheck.run(SCOPE, 5, Shard.parse("2/2"));
        assertEquals(64, first.configurations() + second.configurations());
        assertTrue(first.agree() && second.agree());
    }
}

package kexeccheck.simulator.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput over every upstream profile pair × every option value (41 472
 * configurations), single-threaded. Off by default; run with
 * {@code -Dexplore.bench=all} (or a number: the first N configurations).
 */
@EnabledIfSystemProperty(named = "explore.bench", matches = ".+")
class ExplorerThroughputTest {

    @Test
    void configurationsPerSecond() {
        String limit = System.getProperty("explore.bench");
        long n = "all".equals(limit) ? Long.MAX_VALUE : Long.parseLong(limit);
        Map<String, Long> classes = new TreeMap<>();
        AtomicLong runs = new AtomicLong();
        long start = System.nanoTime();
        long count = Explorer.exploreAll(UpstreamProfiles.all(), UpstreamProfiles.all(), Map.of()).limit(n)
                .peek(r -> {
                    classes.merge(r.outcome().cliName(), 1L, Long::sum);
                    runs.addAndGet(r.runs());
                }).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("explored %d configurations (%d runs) in %.1f s: %.0f configurations/s; classes %s%n",
                count, runs.get(), seconds, count / seconds, classes);
        assertEquals(count, classes.values().stream().mapToLong(Long::longValue).sum());
    }
}

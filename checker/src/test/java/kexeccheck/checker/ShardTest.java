package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The N shards of a piece of work are disjoint and together are all of it, in any number. */
class ShardTest {

    @Property
    void theShardsPartitionTheWork(@ForAll @IntRange(min = 0, max = 60) int items, @ForAll @IntRange(min = 1, max = 9) int count) {
        List<Integer> work = IntStream.range(0, items).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            List<Integer> part = new Shard(i, count).select(work);
            assertTrue(part.size() <= items / count + 1, "round robin keeps the parts even");
            seen.addAll(part);
        }
        assertEquals(work, seen.stream().sorted().toList());
    }

    @Property
    void jobGroupsAreNonEmptyAndCoverTheWork(@ForAll @IntRange(min = 0, max = 40) int items, @ForAll @IntRange(min = 1, max = 8) int jobs) {
        List<Integer> work = IntStream.range(0, items).boxed().toList();
        List<List<Integer>> groups = Shard.groups(work, jobs);
        assertTrue(groups.size() <= Math.max(1, Math.min(jobs, items)));
        assertTrue(groups.stream().allMatch(g -> !g.isEmpty()));
        assertEquals(work, groups.stream().flatMap(List::stream).sorted().toList());
    }

    @Test
    void readsIOfNAndRefusesAnythingElse() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        for (String bad : List.of("0/4", "5/4", "2", "a/b", "2/0", "-1/3", "", "1/2/3")) {
            BadInputException e = assertThrows(BadInputException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--shard"), e.getMessage());
        }
    }
}

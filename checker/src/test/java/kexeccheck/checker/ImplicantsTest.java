package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The minimiser against brute force, on random sets over small multi-valued spaces: the description
 * holds of exactly the set among the valuations that can occur, every term is a prime implicant (every
 * cube of the space tried), and a cover said to be smallest is as small as any cover by primes.
 */
class ImplicantsTest {

    /** A random case: the option sizes, and per valuation 0 (cannot occur), 1 (outside the set) or 2 (in it). */
    record Case(List<Integer> sizes, List<Integer> classes) {
        OptionSpace space() {
            Map<String, List<String>> domains = new LinkedHashMap<>();
            for (int i = 0; i < sizes.size(); i++) {
                List<String> values = new ArrayList<>();
                for (int v = 0; v < sizes.get(i); v++) {
                    values.add("v" + v);
                }
                domains.put("o" + i, values);
            }
            return new OptionSpace(domains);
        }

        BitSet on() {
            return of(2);
        }

        BitSet care() {
            BitSet care = of(1);
            care.or(of(2));
            return care;
        }

        private BitSet of(int c) {
            BitSet out = new BitSet();
            for (int p = 0; p < classes.size(); p++) {
                if (classes.get(p) == c) out.set(p);
            }
            return out;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, 4).list().ofMinSize(0).ofMaxSize(4)
                .filter(sizes -> sizes.stream().reduce(1, (a, b) -> a * b) <= 144)
                .flatMap(sizes -> {
                    int n = sizes.stream().reduce(1, (a, b) -> a * b);
                    // mostly "in" or "out", some "cannot occur": the shape of real checks
                    return Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(3, 1),
                            Tuple.of(3, 2)).list().ofSize(n).map(classes -> new Case(sizes, classes));
                });
    }

    @Property(tries = 400)
    void theDescriptionIsExactOnWhatCanOccurAndEveryTermIsPrime(@ForAll("cases") Case c) {
        OptionSpace space = c.space();
        Set<List<Integer>> primes = bruteForcePrimes(space, c.on(), c.care());
        for (long limit : new long[] {Implicants.LATTICE_LIMIT, 0}) { // every prime searched, and grown primes only
            Condition d = Implicants.minimise(space, c.on(), c.care(), limit);
            for (int p = 0; p < space.size(); p++) {
                if (c.care().get(p)) {
                    assertEquals(c.on().get(p), d.test(space.valuation(p)), "valuation " + space.valuation(p) + " of " + d);
                }
            }
            for (Condition.Term t : d.terms()) {
                assertTrue(primes.contains(masks(space, t)), t.describe() + " is not a prime implicant; primes: " + primes);
                t.literals().forEach((option, values) -> assertTrue(!values.isEmpty()
                        && values.size() < space.values(space.options().indexOf(option)).size(), t.describe()));
            }
            assertEquals(c.on().isEmpty(), d.never());
        }
    }

    @Property(tries = 400)
    void everyPrimeIsFoundAndASmallestCoverIsSmallest(@ForAll("cases") Case c) {
        OptionSpace space = c.space();
        Set<List<Integer>> primes = bruteForcePrimes(space, c.on(), c.care());
        Set<List<Integer>> found = new HashSet<>();
        Implicants.primes(space, c.on(), c.care()).forEach(m -> found.add(toList(m)));
        assertEquals(primes, found);

        Condition d = Implicants.minimise(space, c.on(), c.care());
        if (d.minimum() && primes.size() <= 14) {
            assertEquals(smallestCover(space, new ArrayList<>(primes), c.on()), d.terms().size(), d.describe());
        }
    }

    @Test
    void failingWhereverItRunsIsAlwaysAndItsComplementNever() {
        OptionSpace space = new OptionSpace(Map.of("loader", List.of("honours-reserved", "ignores-reserved")));
        BitSet running = new BitSet();
        running.set(0, 2);
        Condition fails = Implicants.minimise(space, running, running);
        assertTrue(fails.always(), fails.describe());
        assertTrue(Implicants.minimise(space, new BitSet(), running).never());
    }

    @Test
    void writesTheIssuesExampleShape() {
        Map<String, List<String>> domains = new LinkedHashMap<>();
        domains.put("dtb", List.of("passthrough", "user-without-reserved"));
        domains.put("loader", List.of("honours-reserved", "ignores-reserved"));
        domains.put("syscall", List.of("kexec-load", "kexec-file-load", "kexec-file-load-unfinalised"));
        OptionSpace space = new OptionSpace(domains);
        BitSet on = new BitSet();
        BitSet care = new BitSet();
        for (int p = 0; p < space.size(); p++) {
            Map<String, String> v = space.valuation(p);
            care.set(p);
            boolean fails = v.get("loader").equals("ignores-reserved")
                    || (v.get("syscall").equals("kexec-load") && v.get("dtb").equals("user-without-reserved"));
            on.set(p, fails);
        }
        assertEquals("loader=ignores-reserved, or dtb=user-without-reserved and syscall=kexec-load",
                Implicants.minimise(space, on, care).describe());
        BitSet holds = (BitSet) care.clone();
        holds.andNot(on);
        assertEquals("dtb=passthrough and loader=honours-reserved, or loader=honours-reserved and"
                + " syscall=kexec-file-load|kexec-file-load-unfinalised", Implicants.minimise(space, holds, care).describe());
    }

    @Test
    void valuationsThatCannotOccurAreDontCares() {
        // firmware=dt-preprogrammed cannot run: "fails when firmware=dt|dt-preprogrammed" reads as "firmware=dt"
        OptionSpace space = new OptionSpace(Map.of("firmware", List.of("efi", "dt", "dt-preprogrammed")));
        BitSet on = new BitSet();
        on.set(1);
        BitSet care = new BitSet();
        care.set(0, 2);
        Condition d = Implicants.minimise(space, on, care);
        assertEquals("firmware=dt|dt-preprogrammed", d.describe());
        assertFalse(d.test(Map.of("firmware", "efi")));
    }

    @Test
    void refusesToDescribeWhatCannotOccur() {
        OptionSpace space = new OptionSpace(Map.of("kexec", List.of("normal", "crash")));
        BitSet on = new BitSet();
        on.set(1);
        BitSet care = new BitSet();
        care.set(0);
        assertThrows(IllegalArgumentException.class, () -> Implicants.minimise(space, on, care));
    }

    /** Every cube of the space, tried: the maximal ones inside the set and its don't-cares that meet the set. */
    private static Set<List<Integer>> bruteForcePrimes(OptionSpace space, BitSet on, BitSet care) {
        List<List<Integer>> implicants = new ArrayList<>();
        for (List<Integer> cube : allCubes(space, 0)) {
            List<Integer> points = points(space, cube);
            boolean inside = points.stream().allMatch(p -> on.get(p) || !care.get(p));
            if (inside && points.stream().anyMatch(on::get)) {
                implicants.add(cube);
            }
        }
        Set<List<Integer>> primes = new HashSet<>();
        for (List<Integer> cube : implicants) {
            boolean maximal = implicants.stream().noneMatch(other -> !other.equals(cube) && contains(other, cube));
            if (maximal) primes.add(cube);
        }
        return primes;
    }

    private static List<List<Integer>> allCubes(OptionSpace space, int from) {
        if (from == space.options().size()) {
            List<List<Integer>> one = new ArrayList<>();
            one.add(new ArrayList<>());
            return one;
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> rest : allCubes(space, from + 1)) {
            for (int m = 1; m < 1 << space.values(from).size(); m++) {
                List<Integer> cube = new ArrayList<>();
                cube.add(m);
                cube.addAll(rest);
                out.add(cube);
            }
        }
        return out;
    }

    private static List<Integer> points(OptionSpace space, List<Integer> cube) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < space.size(); p++) {
            boolean in = true;
            for (int i = 0; i < cube.size(); i++) {
                in &= (cube.get(i) & (1 << space.valueIndex(p, i))) != 0;
            }
            if (in) out.add(p);
        }
        return out;
    }

    private static boolean contains(List<Integer> big, List<Integer> small) {
        for (int i = 0; i < big.size(); i++) {
            if ((small.get(i) & ~big.get(i)) != 0) return false;
        }
        return true;
    }

    /** The fewest primes covering the set, by trying every subset, smallest first. */
    private static int smallestCover(OptionSpace space, List<List<Integer>> primes, BitSet on) {
        for (int size = 0; size <= primes.size(); size++) {
            if (coverOfSize(space, primes, on, size, 0, new BitSet())) return size;
        }
        throw new AssertionError("the primes cover nothing");
    }

    private static boolean coverOfSize(OptionSpace space, List<List<Integer>> primes, BitSet on, int left, int from,
            BitSet covered) {
        BitSet missing = (BitSet) on.clone();
        missing.andNot(covered);
        if (missing.isEmpty()) return true;
        if (left == 0) return false;
        for (int j = from; j < primes.size(); j++) {
            BitSet more = (BitSet) covered.clone();
            points(space, primes.get(j)).forEach(more::set);
            if (coverOfSize(space, primes, on, left - 1, j + 1, more)) return true;
        }
        return false;
    }

    private static List<Integer> masks(OptionSpace space, Condition.Term t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < space.options().size(); i++) {
            List<String> values = t.literals().getOrDefault(space.options().get(i), space.values(i));
            int m = 0;
            for (String v : values) m |= 1 << space.values(i).indexOf(v);
            out.add(m);
        }
        return out;
    }

    private static List<Integer> toList(int[] m) {
        List<Integer> out = new ArrayList<>();
        for (int x : m) out.add(x);
        return out;
    }
}

package kexeccheck.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest description of a set of option valuations: a cover of it by prime implicants, with
 * the valuations that cannot occur as don't-cares (multi-valued two-level minimisation).
 *
 * <p>A <em>cube</em> allows, for each option, a non-empty set of its values. It is an
 * <em>implicant</em> when every valuation it contains is in the set or a don't-care, and a
 * <em>prime</em> one when allowing any one more value of any option would take in a valuation
 * outside (implicants are closed under taking sub-cubes, so one value at a time suffices).
 *
 * <p>How:
 * <ol>
 *   <li>Primes. When the lattice of cubes (the product over options of 2^values − 1) has at most
 *       {@link #LATTICE_LIMIT} cubes — every space of the shipped models does: 1.6 million with
 *       every option open — every cube's implicant-ness is computed by dynamic programming (a cube
 *       is an implicant iff the two halves of one split option are), and every prime is found.
 *       Beyond that, each valuation not yet covered is grown into one prime, one value at a time:
 *       primes still, but not all of them.</li>
 *   <li>Cover. Essential primes first; then an exact branch and bound for the fewest terms (and,
 *       among those, the fewest literals), starting from the greedy cover as its bound. It is exact
 *       when every prime was found and the search ends within {@link #SEARCH_BUDGET} nodes (any
 *       description of a few options does); otherwise the best cover found, at worst the greedy one
 *       (most valuations still uncovered first), and {@link Condition#minimum()} says it is not
 *       known to be smallest.</li>
 * </ol>
 */
public final class Implicants {

    /** The most cubes the exhaustive prime search keeps one flag each for (two boolean arrays). */
    static final int LATTICE_LIMIT = 1 << 23;
    /** The most branch-and-bound nodes the exact cover may visit before the best cover so far is taken. */
    static final int SEARCH_BUDGET = 50_000;

    private Implicants() {}

    /**
     * A smallest disjunction of prime implicants that holds of exactly the valuations of {@code on}
     * among those of {@code care}; valuations outside {@code care} may fall either way.
     *
     * @param on the valuations to describe
     * @param care the valuations that can occur; must contain {@code on}
     * @throws IllegalArgumentException when {@code on} is not within {@code care}
     */
    public static Condition minimise(OptionSpace space, BitSet on, BitSet care) {
        return minimise(space, on, care, LATTICE_LIMIT);
    }

    /** As {@link #minimise(OptionSpace, BitSet, BitSet)}, searching every prime only up to {@code latticeLimit} cubes: for tests. */
    static Condition minimise(OptionSpace space, BitSet on, BitSet care, long latticeLimit) {
        BitSet outside = (BitSet) on.clone();
        outside.andNot(care);
        if (!outside.isEmpty() || on.length() > space.size()) {
            throw new IllegalArgumentException("valuations to describe that cannot occur: " + outside);
        }
        if (on.isEmpty()) {
            return new Condition(List.of(), true);
        }
        Cubes cubes = new Cubes(space, on, care);
        boolean everyPrime = cubes.latticeSize() <= latticeLimit;
        List<int[]> primes = everyPrime ? cubes.allPrimes() : cubes.growPrimes();
        Cover cover = new Cover(cubes, primes);
        List<int[]> chosen = cover.smallest();
        List<Condition.Term> terms = chosen.stream().sorted(cubes.readingOrder()).map(cubes::term).toList();
        return new Condition(terms, everyPrime && cover.exact());
    }

    /** All primes of {@code on} with don't-cares outside {@code care}, each as one value mask per option: for tests. */
    static List<int[]> primes(OptionSpace space, BitSet on, BitSet care) {
        return new Cubes(space, on, care).allPrimes();
    }

    /** Cubes over one space, as one bit mask of allowed values per option, against one set and its don't-cares. */
    private static final class Cubes {
        private final OptionSpace space;
        private final BitSet on;
        private final BitSet care;
        private final int n;
        private final int[] full;
        private final int[] pointStride;
        private final int[] cubeStride;
        private final long latticeSize;

        Cubes(OptionSpace space, BitSet on, BitSet care) {
            this.space = space;
            this.on = on;
            this.care = care;
            this.n = space.options().size();
            this.full = new int[n];
            this.pointStride = new int[n];
            this.cubeStride = new int[n];
            int points = 1;
            long cubes = 1;
            for (int i = 0; i < n; i++) {
                int k = space.values(i).size();
                if (k > 30) {
                    throw new IllegalArgumentException("option " + space.options().get(i) + " has more values than a mask holds");
                }
                full[i] = (1 << k) - 1;
                pointStride[i] = points;
                cubeStride[i] = (int) Math.min(cubes, Integer.MAX_VALUE); // only used when the lattice fits
                points *= k;
                cubes = Math.min(cubes * full[i], (long) Integer.MAX_VALUE + 1);
            }
            this.latticeSize = cubes;
        }

        /** How many cubes there are, capped just above what an int counts. */
        long latticeSize() {
            return latticeSize;
        }

        /**
         * Every prime, by dynamic programming over the dense lattice: cube number
         * {@code sum (mask_i - 1) * cubeStride_i}; splitting one option's mask into its lowest value and
         * the rest gives two cubes of smaller number, so one pass in number order decides each cube.
         */
        List<int[]> allPrimes() {
            int size = (int) latticeSize();
            boolean[] implicant = new boolean[size];
            boolean[] touchesOn = new boolean[size]; // a cube with none of the set is of no use to a cover
            int[] m = startMasks();
            for (int idx = 0; idx < size; idx++, advance(m)) {
                int split = firstSplittable(m);
                if (split < 0) {
                    int p = point(m);
                    implicant[idx] = on.get(p) || !care.get(p);
                    touchesOn[idx] = on.get(p);
                } else {
                    int low = m[split] & -m[split];
                    int rest = idx - low * cubeStride[split];
                    int lowOnly = idx - (m[split] - low) * cubeStride[split];
                    implicant[idx] = implicant[rest] && implicant[lowOnly];
                    touchesOn[idx] = touchesOn[rest] || touchesOn[lowOnly];
                }
            }
            List<int[]> primes = new ArrayList<>();
            m = startMasks();
            for (int idx = 0; idx < size; idx++, advance(m)) {
                if (implicant[idx] && touchesOn[idx] && !growsInLattice(m, idx, implicant)) {
                    primes.add(m.clone());
                }
            }
            return primes;
        }

        /** Whether one more value of some option keeps the cube an implicant (then it is not prime). */
        private boolean growsInLattice(int[] m, int idx, boolean[] implicant) {
            for (int i = 0; i < n; i++) {
                for (int missing = full[i] & ~m[i]; missing != 0; missing &= missing - 1) {
                    int bit = missing & -missing;
                    if (implicant[idx + bit * cubeStride[i]]) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Primes enough to cover the set, for lattices too large to search whole: each valuation not yet
         * covered is grown one value at a time, keeping each growth that stays an implicant. One pass is
         * prime: a growth refused once is refused in every larger cube too.
         */
        List<int[]> growPrimes() {
            List<int[]> primes = new ArrayList<>();
            BitSet covered = new BitSet();
            for (int p = on.nextSetBit(0); p >= 0; p = on.nextSetBit(p + 1)) {
                if (covered.get(p)) continue;
                int[] m = new int[n];
                for (int i = 0; i < n; i++) {
                    m[i] = 1 << space.valueIndex(p, i);
                }
                for (int i = 0; i < n; i++) {
                    for (int v = 0; v < space.values(i).size(); v++) {
                        int before = m[i];
                        m[i] |= 1 << v;
                        if (m[i] != before && !isImplicant(m)) {
                            m[i] = before;
                        }
                    }
                }
                primes.add(m);
                covered.or(onPointsOf(m));
            }
            return primes;
        }

        /** Whether no valuation of the cube is one that can occur outside the set. */
        private boolean isImplicant(int[] m) {
            BitSet points = pointsOf(m);
            points.and(care);
            points.andNot(on);
            return points.isEmpty();
        }

        /** The valuations of the set the cube contains. */
        BitSet onPointsOf(int[] m) {
            BitSet points = pointsOf(m);
            points.and(on);
            return points;
        }

        /** The valuations that can occur and that the set needs covered. */
        BitSet on() {
            return on;
        }

        private BitSet pointsOf(int[] m) {
            BitSet out = new BitSet();
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = Integer.numberOfTrailingZeros(m[i]);
            }
            while (true) {
                int p = 0;
                for (int i = 0; i < n; i++) {
                    p += v[i] * pointStride[i];
                }
                out.set(p);
                int i = 0;
                while (i < n) {
                    int next = nextValue(m[i], v[i]);
                    if (next >= 0) {
                        v[i] = next;
                        break;
                    }
                    v[i] = Integer.numberOfTrailingZeros(m[i]);
                    i++;
                }
                if (i == n) {
                    return out;
                }
            }
        }

        private static int nextValue(int mask, int after) {
            int higher = mask & ~((2 << after) - 1);
            return higher == 0 ? -1 : Integer.numberOfTrailingZeros(higher);
        }

        /** How many options the cube constrains: the literals of its term. */
        int literals(int[] m) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (m[i] != full[i]) count++;
            }
            return count;
        }

        /** Fewest literals first, then by the options' and values' order: the same input reads the same. */
        Comparator<int[]> readingOrder() {
            Comparator<int[]> byLiterals = Comparator.comparingInt(this::literals);
            return byLiterals.thenComparing((a, b) -> {
                for (int i = 0; i < n; i++) {
                    boolean ca = a[i] != full[i];
                    boolean cb = b[i] != full[i];
                    if (ca != cb) return ca ? -1 : 1; // constraining an earlier option reads first
                    if (a[i] != b[i]) return byValues(a[i], b[i]);
                }
                return 0;
            });
        }

        /** Two value masks as the lists of their values' positions, compared lexicographically. */
        private static int byValues(int a, int b) {
            while (a != 0 && b != 0) {
                int va = Integer.numberOfTrailingZeros(a);
                int vb = Integer.numberOfTrailingZeros(b);
                if (va != vb) return Integer.compare(va, vb);
                a &= a - 1;
                b &= b - 1;
            }
            return Integer.compare(a == 0 ? 0 : 1, b == 0 ? 0 : 1);
        }

        /** The cube as a term: each option it constrains with its allowed values, in order. */
        Condition.Term term(int[] m) {
            Map<String, List<String>> literals = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (m[i] == full[i]) continue;
                List<String> values = new ArrayList<>();
                for (int v = 0; v < space.values(i).size(); v++) {
                    if ((m[i] & (1 << v)) != 0) values.add(space.values(i).get(v));
                }
                literals.put(space.options().get(i), values);
            }
            return new Condition.Term(literals);
        }

        private int[] startMasks() {
            int[] m = new int[n];
            Arrays.fill(m, 1);
            return m;
        }

        /** The next cube in number order: an odometer over the masks {@code 1 .. full}. */
        private void advance(int[] m) {
            for (int i = 0; i < n; i++) {
                if (++m[i] <= full[i]) return;
                m[i] = 1;
            }
        }

        private static int firstSplittable(int[] m) {
            for (int i = 0; i < m.length; i++) {
                if ((m[i] & (m[i] - 1)) != 0) return i;
            }
            return -1;
        }

        /** The valuation of a cube of one value per option. */
        private int point(int[] m) {
            int p = 0;
            for (int i = 0; i < n; i++) {
                p += Integer.numberOfTrailingZeros(m[i]) * pointStride[i];
            }
            return p;
        }
    }

    /** The choice of primes that covers the set: essentials, then branch and bound from the greedy cover. */
    private static final class Cover {
        private final List<int[]> primes;
        private final List<BitSet> covers = new ArrayList<>();
        private final int[] literals;
        /** For each valuation of the set, the primes that contain it. */
        private final Map<Integer, int[]> coveredBy = new HashMap<>();
        private final BitSet on;
        private List<Integer> best;
        private int bestLiterals;
        private int nodes;
        private boolean exact = true;

        Cover(Cubes cubes, List<int[]> primes) {
            this.primes = primes;
            this.on = cubes.on();
            this.literals = new int[primes.size()];
            Map<Integer, List<Integer>> by = new HashMap<>();
            for (int j = 0; j < primes.size(); j++) {
                BitSet c = cubes.onPointsOf(primes.get(j));
                covers.add(c);
                literals[j] = cubes.literals(primes.get(j));
                for (int p = c.nextSetBit(0); p >= 0; p = c.nextSetBit(p + 1)) {
                    by.computeIfAbsent(p, x -> new ArrayList<>()).add(j);
                }
            }
            by.forEach((p, js) -> coveredBy.put(p, js.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** Whether the cover returned is known to be a smallest one. */
        boolean exact() {
            return exact;
        }

        List<int[]> smallest() {
            BitSet uncovered = (BitSet) on.clone();
            List<Integer> chosen = new ArrayList<>();
            // a valuation only one prime covers makes that prime part of every cover
            for (int p = on.nextSetBit(0); p >= 0; p = on.nextSetBit(p + 1)) {
                int[] js = coveredBy.get(p);
                if (js.length == 1 && !chosen.contains(js[0])) {
                    chosen.add(js[0]);
                }
            }
            chosen.forEach(j -> uncovered.andNot(covers.get(j)));
            best = greedy(uncovered, new ArrayList<>(chosen));
            bestLiterals = literalsOf(best);
            search(uncovered, chosen, literalsOf(chosen));
            return best.stream().map(primes::get).toList();
        }

        /** Most valuations still uncovered first, then fewest literals. */
        private List<Integer> greedy(BitSet uncoveredAtStart, List<Integer> chosen) {
            BitSet uncovered = (BitSet) uncoveredAtStart.clone();
            while (!uncovered.isEmpty()) {
                int pick = -1;
                int gain = 0;
                for (int j = 0; j < primes.size(); j++) {
                    BitSet c = (BitSet) covers.get(j).clone();
                    c.and(uncovered);
                    int g = c.cardinality();
                    if (g > gain || (g == gain && g > 0 && literals[j] < literals[pick])) {
                        pick = j;
                        gain = g;
                    }
                }
                chosen.add(pick);
                uncovered.andNot(covers.get(pick));
            }
            return chosen;
        }

        private void search(BitSet uncovered, List<Integer> chosen, int lits) {
            if (++nodes > SEARCH_BUDGET) {
                exact = false;
                return;
            }
            if (uncovered.isEmpty()) {
                if (chosen.size() < best.size() || (chosen.size() == best.size() && lits < bestLiterals)) {
                    best = List.copyOf(chosen);
                    bestLiterals = lits;
                }
                return;
            }
            if (chosen.size() + 1 > best.size()) {
                return; // one more term at least: no better than the best
            }
            // branch on the valuation fewest primes contain: one of them is in every cover
            int pivot = uncovered.nextSetBit(0);
            for (int p = pivot; p >= 0; p = uncovered.nextSetBit(p + 1)) {
                if (coveredBy.get(p).length < coveredBy.get(pivot).length) {
                    pivot = p;
                }
            }
            for (int j : coveredBy.get(pivot)) {
                if (!exact) return;
                BitSet rest = (BitSet) uncovered.clone();
                rest.andNot(covers.get(j));
                chosen.add(j);
                search(rest, chosen, lits + literals[j]);
                chosen.remove(chosen.size() - 1);
            }
        }

        private int literalsOf(List<Integer> chosen) {
            return chosen.stream().mapToInt(j -> literals[j]).sum();
        }
    }
}

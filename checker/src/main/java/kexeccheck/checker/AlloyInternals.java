package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import java.lang.reflect.Field;
import java.util.Optional;
import kodkod.ast.Relation;
import kodkod.engine.Explorer;
import kodkod.engine.Solution;
import kodkod.engine.fol2sat.Translation;
import kodkod.instance.PardinusBounds;

/**
 * The one class that reaches into Alloy's private fields, for {@link RunEnumerator}: Alloy has no API
 * to reach the incremental SAT solver behind a solution, nor to hand a model found on it back as an
 * {@link A4Solution}. The fields are those of Alloy {@value #ALLOY_VERSION} (pinned in the parent
 * pom); {@code AlloyInternalsTest} fails, naming the missing field, on a version where they moved.
 */
final class AlloyInternals {

    /** The Alloy version whose private fields this class reads. */
    static final String ALLOY_VERSION = "6.2.0";

    private AlloyInternals() {}

    /**
     * The live solver behind a solution.
     *
     * @param translation the translation whose CNF is still loaded in the solver
     * @param originalBounds the bounds before symmetry breaking and skolemization, to read models back
     */
    record LiveSolver(Translation.Whole translation, PardinusBounds originalBounds) {}

    /**
     * The live solver behind a solution: {@code A4Solution.kEnumerator.iterator.translation} and
     * {@code .originalBounds}. Empty when the formula was trivial (Alloy kept no solver) or the fields
     * are not where this Alloy version keeps them; {@link #requireFields} says which.
     */
    static Optional<LiveSolver> liveSolver(A4Solution solution) {
        try {
            return Optional.ofNullable(peek(solution));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks that the fields {@link #liveSolver} reads are there behind a solution found by a solver.
     *
     * @throws IllegalStateException naming the field that moved and the version these fields are Alloy's
     */
    static void requireFields(A4Solution solution) {
        try {
            if (peek(solution) == null) {
                throw new IllegalStateException("Alloy kept no solver behind a non-trivial solution");
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Alloy's private fields are not those of Alloy " + ALLOY_VERSION + ": " + e,
                    e);
        }
    }

    /** Makes {@code solution.next()} return exactly {@code found}, read back as an ordinary Alloy solution. */
    static void handBack(A4Solution solution, Solution found) {
        try {
            Field f = field(solution.getClass(), "kEnumerator");
            f.setAccessible(true);
            f.set(solution, new Handover(found));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot hand a run back to Alloy " + ALLOY_VERSION, e);
        }
    }

    private static LiveSolver peek(A4Solution solution) throws ReflectiveOperationException {
        Object peeker = get(solution, "kEnumerator");
        Object iterator = get(peeker, "iterator");
        Translation.Whole t = (Translation.Whole) get(iterator, "translation");
        PardinusBounds bounds = (PardinusBounds) get(iterator, "originalBounds");
        return t == null || t.trivial() ? null : new LiveSolver(t, bounds);
    }

    private static Object get(Object owner, String name) throws ReflectiveOperationException {
        if (owner == null) {
            throw new NoSuchFieldException("null owner of " + name);
        }
        Field f = field(owner.getClass(), name);
        f.setAccessible(true);
        return f.get(owner);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /** Gives Alloy exactly one solution: the one the enumerator found. */
    private static final class Handover implements Explorer<Solution> {
        private Solution solution;

        Handover(Solution solution) {
            this.solution = solution;
        }

        @Override
        public boolean hasNext() {
            return solution != null;
        }

        @Override
        public Solution next() {
            Solution s = solution;
            solution = null;
            return s;
        }

        @Override
        public Solution nextC() {
            throw new UnsupportedOperationException("configuration enumeration goes through RunEnumerator");
        }

        @Override
        public Solution nextP() {
            return next();
        }

        @Override
        public Solution nextS(int state, int delta, java.util.Set<Relation> change) {
            throw new UnsupportedOperationException("forks go through RunEnumerator");
        }

        @Override
        public boolean hasNextC() {
            return false;
        }

        @Override
        public boolean hasNextP() {
            return hasNext();
        }
    }
}

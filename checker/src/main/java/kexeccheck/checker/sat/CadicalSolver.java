package kexeccheck.checker.sat;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import kodkod.engine.satlab.SATAbortedException;
import kodkod.engine.satlab.SATSolver;

/**
 * Kodkod's incremental SAT solver interface over one CaDiCaL instance: clauses may be added after a
 * solve and the formula solved again, as {@code RunEnumerator} does with its blocking clauses.
 *
 * <p>A model is read back in one native call after each satisfiable solve, because Kodkod and the
 * enumeration then ask for variables one by one. It stays readable until the next solve, clauses
 * added since included, as SAT4J's does: {@code RunEnumerator} reads the first run's valuation after
 * excluding others. Variables no clause mentions are false: CaDiCaL has
 * never heard of them, and any value satisfies the formula.
 */
public final class CadicalSolver implements SATSolver {

    /** Frees the native solver of one that Alloy left unreachable without calling {@link #free()}. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private int variables;
    private int clauses;
    private int mentioned;
    private byte[] model;

    /** A new, empty solver; {@link CadicalLibrary#load()} must have succeeded. */
    public CadicalSolver() {
        this.handle = new Handle(CadicalNative.kexeccheck_init());
        this.cleanable = CLEANER.register(this, handle);
    }

    @Override
    public int numberOfVariables() {
        return variables;
    }

    @Override
    public int numberOfClauses() {
        return clauses;
    }

    @Override
    public void addVariables(int numVars) {
        if (numVars < 0) {
            throw new IllegalArgumentException("numVars < 0: " + numVars);
        }
        variables += numVars;
    }

    @Override
    public boolean addClause(int[] lits) {
        Pointer solver = handle.live();
        for (int lit : lits) {
            int var = Math.abs(lit);
            if (lit == 0 || var > variables) {
                throw new IllegalArgumentException("literal " + lit + " is not a variable 1.." + variables);
            }
            mentioned = Math.max(mentioned, var);
        }
        CadicalNative.kexeccheck_add_clause(solver, lits, lits.length);
        clauses++;
        return true;
    }

    @Override
    public boolean solve() throws SATAbortedException {
        Pointer solver = handle.live();
        int answer = CadicalNative.ccadical_solve(solver);
        if (answer == 10) {
            model = new byte[mentioned];
            CadicalNative.kexeccheck_values(solver, mentioned, model);
            return true;
        }
        model = null;
        if (answer == 20) {
            return false;
        }
        throw new SATAbortedException("CaDiCaL stopped without an answer (" + answer + ")");
    }

    @Override
    public boolean valueOf(int variable) {
        if (model == null) {
            throw new IllegalStateException("no model: the last solve was not satisfiable");
        }
        if (variable < 1 || variable > variables) {
            throw new IllegalArgumentException("variable " + variable + " is not in 1.." + variables);
        }
        return variable <= model.length && model[variable - 1] != 0;
    }

    @Override
    public void free() {
        cleanable.clean();
    }

    /** The native solver, released once, whether by {@link #free()} or by the cleaner. */
    private static final class Handle implements Runnable {
        private Pointer solver;

        Handle(Pointer solver) {
            if (solver == null) {
                throw new IllegalStateException("CaDiCaL created no solver");
            }
            this.solver = solver;
        }

        synchronized Pointer live() {
            if (solver == null) {
                throw new IllegalStateException("the solver was freed");
            }
            return solver;
        }

        @Override
        public synchronized void run() {
            if (solver != null) {
                CadicalNative.ccadical_release(solver);
                solver = null;
            }
        }
    }
}

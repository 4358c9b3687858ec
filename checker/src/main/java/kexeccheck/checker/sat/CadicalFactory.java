package kexeccheck.checker.sat;

import kodkod.engine.satlab.SATFactory;
import kodkod.engine.satlab.SATSolver;

/**
 * CaDiCaL as a Kodkod solver factory, for {@code A4Options.solver}. Incremental, so that Alloy keeps
 * the solver behind a solution (what {@code RunEnumerator} adds its clauses to). Only given to Alloy
 * after {@link CadicalLibrary#load()} succeeded.
 */
final class CadicalFactory extends SATFactory {

    private static final long serialVersionUID = 1L;

    static final CadicalFactory INSTANCE = new CadicalFactory();

    private CadicalFactory() {}

    @Override
    public String id() {
        return "cadical";
    }

    @Override
    public String type() {
        return "jna";
    }

    @Override
    public boolean incremental() {
        return true;
    }

    @Override
    protected SATSolver createSolver() {
        return new CadicalSolver();
    }
}

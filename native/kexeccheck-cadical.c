/*
 * Batched calls over CaDiCaL's C API, so that the Java side crosses JNA once per clause and once per
 * model instead of once per literal: Kodkod hands over 60-90k clauses per query, and Alloy reads back
 * every primary variable of every model found.
 */
#include <ccadical.h>

/*
 * A new solver that prints nothing: CaDiCaL reports some events ("found falsified original clause",
 * when a blocking clause makes the formula unsatisfiable) on stdout, which is kexec-check's report.
 */
CCaDiCaL *kexeccheck_init(void) {
    CCaDiCaL *solver = ccadical_init();
    if (solver) {
        ccadical_set_option(solver, "quiet", 1);
    }
    return solver;
}

/* Adds one clause of n literals (no terminating 0 in lits). */
void kexeccheck_add_clause(CCaDiCaL *solver, const int *lits, int n) {
    for (int i = 0; i < n; i++) {
        ccadical_add(solver, lits[i]);
    }
    ccadical_add(solver, 0);
}

/* After a satisfiable solve: out[v - 1] = 1 when variable v (1..n) is true, else 0. */
void kexeccheck_values(CCaDiCaL *solver, int n, signed char *out) {
    for (int v = 1; v <= n; v++) {
        out[v - 1] = ccadical_val(solver, v) > 0;
    }
}

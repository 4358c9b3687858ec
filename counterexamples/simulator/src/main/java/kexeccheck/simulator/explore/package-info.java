/**
 * The simulator's own account of a whole configuration: {@link kexeccheck.simulator.explore.Explorer}
 * simulates on the byte-level simulator every run that matters of one configuration's
 * chain (K1 → K2, or longer) and returns its outcome class, for comparison with
 * the checker's class of the same configuration. No Alloy, no checker code.
 */
package kexeccheck.simulator.explore;

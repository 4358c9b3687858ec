/**
 * The simulator's own account of a whole configuration: {@link kexeccheck.simulator.explore.Explorer}
 * runs every chain K1 → K2 that matters for one configuration on the
 * byte-level simulator and returns its outcome class, for comparison with
 * the checker's class of the same configuration. No Alloy, no checker code.
 */
package kexeccheck.simulator.explore;

/**
 * The SAT engines Alloy's translation is solved with: SAT4J (embedded, the default when nothing else
 * loads) and CaDiCaL (native, in-process through JNA, when {@code native/build-cadical.sh} has built
 * its library). {@link kexeccheck.checker.sat.SatEngines} picks one per process; every query and
 * every incremental enumeration then goes through Kodkod's {@link kodkod.engine.satlab.SATSolver}
 * interface, so the rest of the checker does not know which engine answers.
 */
package kexeccheck.checker.sat;

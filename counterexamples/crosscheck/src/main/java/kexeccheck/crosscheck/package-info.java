/**
 * The two accounts compared ({@link kexeccheck.crosscheck.CrossCheck}): every
 * configuration of a scope classified by the checker and by the concrete
 * simulator, and each of the checker's runs replayed on the simulator state by
 * state. It sits above both, so that neither account depends on the other.
 */
package kexeccheck.crosscheck;

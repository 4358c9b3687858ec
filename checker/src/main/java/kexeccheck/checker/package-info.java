/**
 * The checker: loads an Alloy model that follows kexec-check's conventions
 * (domain in {@code kexec/core}, {@code pred init}, {@code pred step},
 * annotated property predicates), composes queries from a
 * {@link kexeccheck.checker.CheckRequest}, solves them with Alloy 6 and
 * SAT4J or CaDiCaL ({@link kexeccheck.checker.sat}), and turns solutions into {@link kexeccheck.trace.Trace}s.
 *
 * <p>Entry point: {@link kexeccheck.checker.Checker#check(CheckRequest)}.
 */
package kexeccheck.checker;

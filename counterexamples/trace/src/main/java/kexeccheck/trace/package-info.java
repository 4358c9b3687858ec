/**
 * Abstract counterexample traces: what the checker found, as plain values.
 *
 * <p>A {@link kexeccheck.trace.Trace} names its model, the property it
 * violates, the bounds it was found within, the configuration the solver
 * chose (options, the chain of kernels, the board) and every state from the
 * cold boot to the first state where the property fails. Traces are written
 * and read as JSON ({@link kexeccheck.trace.TraceJson}) and validated against
 * {@code kexec-check/trace.schema.json} ({@link kexeccheck.trace.TraceSchema}).
 * Nothing here depends on Alloy: the simulator and the renderers read traces
 * without a solver.
 */
package kexeccheck.trace;

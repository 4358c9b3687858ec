/**
 * The gate's result ({@link kexeccheck.report.gate.GateResult}): each check's
 * report, its violations with their {@link kexeccheck.report.gate.Fingerprint}s,
 * which the {@link kexeccheck.report.gate.Baseline} accepts, and its JUnit XML and
 * SARIF 2.1.0 forms for CI systems.
 */
package kexeccheck.report.gate;

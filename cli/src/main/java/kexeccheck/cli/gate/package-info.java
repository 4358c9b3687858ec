/**
 * {@code kexec-check gate}: a project's checks read from {@code kexec-check.yml}
 * ({@link kexeccheck.cli.gate.GateConfig}), run, and compared with the baseline of
 * accepted violations ({@link kexeccheck.cli.gate.GateCommand}). Its results and its
 * JUnit and SARIF forms are in {@code kexeccheck.report.gate}.
 */
package kexeccheck.cli.gate;

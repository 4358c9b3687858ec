/**
 * Every report a person or CI reads, for every command: text, JSON (each kind with
 * its {@link kexeccheck.report.ReportKind schema} and {@code schemaVersion}), HTML
 * pages, and the trace and graph files written beside them
 * ({@link kexeccheck.report.TraceFiles}, {@link kexeccheck.report.GraphFiles}). The
 * reports only print: what a report says was decided by the checker, the
 * simulator or the cross-check before it was written.
 */
package kexeccheck.report;

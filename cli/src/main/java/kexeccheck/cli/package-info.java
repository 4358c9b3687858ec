/**
 * The {@code kexec-check} command line: one class per subcommand, output
 * through the command's writers so tests capture it, exit codes 0 (all
 * hold), 1 (a property is violated), 2 (bad input), 3 (internal error).
 */
package kexeccheck.cli;

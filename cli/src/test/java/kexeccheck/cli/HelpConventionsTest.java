package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kexeccheck.report.Version;
import kexeccheck.trace.ConfigurationOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every subcommand keeps the conventions its help advertises: {@code -V} prints the version, the
 * help lists the exit codes and leaves no line hanging on a ':' that is not a heading.
 */
class HelpConventionsTest {

    static List<String> subcommands() {
        return new CommandLine(new KexecCheck()).getSubcommands().keySet().stream().filter(n -> !n.equals("help"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void versionExitCodesAndNoDanglingColon(String command) {
        CliRun version = CliRun.of(command, "-V");
        assertEquals(KexecCheck.OK, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("kexec-check " + Version.current()), command + ": " + version.out());

        CliRun help = CliRun.of(command, "--help");
        assertTrue(help.out().contains("Exit codes:"), command + ": " + help.out());
        for (String line : help.out().lines().toList()) {
            boolean heading = line.equals("Exit codes:") || line.startsWith("Usage:");
            assertTrue(heading || !line.stripTrailing().endsWith(":"), command + ": a line ends in ':': " + line);
        }
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void theSummaryTheTopLevelHelpShowsIsAWholeSentence(String command) {
        // kexec-check --help lists each command by the first element of its description only
        String[] description = new CommandLine(new KexecCheck()).getSubcommands().get(command).getCommandSpec()
                .usageMessage().description();
        assertTrue(description.length > 0 && description[0].strip().endsWith("."),
                command + ": the summary is cut mid-sentence: " + (description.length > 0 ? description[0] : ""));
    }

    @Test
    void withoutASubcommandEveryOneIsNamed() {
        CliRun run = CliRun.of();
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        for (String command : subcommands()) {
            assertTrue(run.err().contains(command), command + " missing from: " + run.err());
        }
        assertTrue(run.err().strip().endsWith("(see kexec-check --help)"), run.err());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everyConfigurationOptionOffersExactlyItsDeclaredValues(String command) {
        CommandLine.Model.CommandSpec spec = new CommandLine(new KexecCheck()).getSubcommands().get(command)
                .getCommandSpec();
        if (spec.findOption("--firmware") == null) {
            return; // the command explores no configurations
        }
        for (ConfigurationOption o : ConfigurationOption.values()) {
            CommandLine.Model.OptionSpec option = spec.findOption("--" + o.cliName());
            assertNotNull(option, command + " lacks --" + o.cliName());
            assertEquals(String.join("|", o.choices()), option.paramLabel(), command + " --" + o.cliName());
        }
    }
}

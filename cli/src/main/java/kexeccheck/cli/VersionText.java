package kexeccheck.cli;

import kexeccheck.report.Version;
import picocli.CommandLine;

/** What {@code -V} prints on every subcommand: the version, and the engine it checks with. */
final class VersionText implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"kexec-check " + Version.current(),
            "Alloy 6.2.0 with SAT4J, Java " + System.getProperty("java.version")};
    }
}

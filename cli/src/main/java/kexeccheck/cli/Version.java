package kexeccheck.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (or "development" when run from classes). */
final class Version implements CommandLine.IVersionProvider {

    static String current() {
        String v = KexecCheck.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kexec-check " + current(), "Alloy 6.2.0 with SAT4J, Java " + System.getProperty("java.version")};
    }
}

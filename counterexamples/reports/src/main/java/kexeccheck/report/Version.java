package kexeccheck.report;

/** The version every report names: the jar's manifest, or "development" when run from classes. */
public final class Version {

    private Version() {}

    /** This build's version. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}

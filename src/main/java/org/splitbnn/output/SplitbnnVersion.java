package org.splitbnn.output;

/** The splitbnn version stamped on every output: the Maven project version from the jar's manifest. */
public final class SplitbnnVersion {

    private SplitbnnVersion() {
    }

    /** The version string, or "dev" when running from unpackaged classes. */
    public static String current() {
        String v = SplitbnnVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

package org.splitbnn.cli;

import picocli.CommandLine;

/** The splitbnn version, read from the jar's manifest (the Maven project version). */
public final class Version implements CommandLine.IVersionProvider {

    /** The version string, or "dev" when running from unpackaged classes. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"splitbnn " + current()};
    }
}

package org.splitbnn.cli;

import org.splitbnn.output.SplitbnnVersion;

import picocli.CommandLine;

/** Prints the splitbnn version for {@code --version}. */
public final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"splitbnn " + SplitbnnVersion.current()};
    }
}

package org.splitbnn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints. */
final class CommandLineTestSupport {

    /** Exit code and captured output of one invocation. */
    record Outcome(int exitCode, String out, String err) {
    }

    private CommandLineTestSupport() {
    }

    static Outcome execute(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }
}

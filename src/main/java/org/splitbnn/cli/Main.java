package org.splitbnn.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code splitbnn} command line: one subcommand per job. Exit codes: 0 done, 1 failed, 2 bad input. */
@Command(name = "splitbnn", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Full marginalisation of small Bayesian neural networks with nested sampling.",
        subcommands = {ValidateCommand.class, DataCommand.class, RunCommand.class, SweepCommand.class,
                ReportCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input: a malformed file, an impossible setting, an existing output. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            boolean badInput = ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                    || ex instanceof java.io.UncheckedIOException;
            err.println("splitbnn " + line.getCommandName() + ": " + oneLine(ex));
            err.flush();
            return badInput ? BAD_INPUT : 1;
        });
        return cl;
    }

    private static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            m = ex.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }
}

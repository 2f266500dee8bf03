package org.splitbnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.splitbnn.output.ErrorText;
import org.splitbnn.output.OutputWriteException;
import org.splitbnn.pipeline.SweepBusyException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code splitbnn} command line: one subcommand per job. An error ends it with one line on stderr that names the
 * file, key or path, and an exit code (the README's "Exit codes"): {@value #DONE} done, {@value #FAILED} a run failed,
 * {@value #BAD_INPUT} bad input (nothing written), {@value #BUSY} the output folder is in use by another invocation,
 * {@value #OUTPUT_ERROR} output could not be written (what was written before stays whole). {@code --verbose} adds
 * the stack trace.
 */
@Command(name = "splitbnn", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Full marginalisation of small Bayesian neural networks with nested sampling.",
        subcommands = {ValidateCommand.class, DataCommand.class, RunCommand.class, SweepCommand.class,
                ReportCommand.class})
public final class Main implements Runnable {

    /** Exit code: done. */
    public static final int DONE = 0;

    /** Exit code: a run failed (in a sweep: one or more runs, recorded as failed rows). */
    public static final int FAILED = 1;

    /** Exit code for bad input: a malformed file, an impossible setting, an output that may not be replaced. */
    public static final int BAD_INPUT = 2;

    /** Exit code: the output folder is in use by another invocation. */
    public static final int BUSY = 3;

    /** Exit code: output could not be written once the work had started (a full disk, a lost permission). */
    public static final int OUTPUT_ERROR = 4;

    /** The system property that makes the logging print stack traces; set by {@code --verbose}. */
    static final String LOG_TRACE = "splitbnn.log.trace";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != DONE || !yarnClusterDriver(System.getProperties())) {
            System.exit(code);
        }
    }

    /**
     * Whether these system properties are those of a driver that YARN's application master runs (cluster deploy
     * mode, where the master sets every Spark setting as a system property). Such a driver ends a successful
     * invocation by returning: the master takes {@code System.exit(0)} for a failure and starts the driver again.
     */
    static boolean yarnClusterDriver(Properties system) {
        return "yarn".equals(system.getProperty("spark.master"))
                && "cluster".equals(system.getProperty("spark.submit.deployMode"));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionStrategy(parsed -> {
            if (verbose(parsed)) {
                System.setProperty(LOG_TRACE, "full");
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("splitbnn " + ex.getCommandLine().getCommandName() + ": " + oneLine(ex) + " (see --help)");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("splitbnn " + line.getCommandName() + ": " + oneLine(ex));
            if (verbose(parsed)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return exitCode(ex);
        });
        return cl;
    }

    /** The documented exit code of an error. */
    static int exitCode(Throwable ex) {
        if (ex instanceof SweepBusyException) {
            return BUSY;
        }
        if (ex instanceof OutputWriteException || ex instanceof org.apache.hadoop.fs.FSError) {
            return OUTPUT_ERROR;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof IOException || ex instanceof UncheckedIOException) {
            return BAD_INPUT;
        }
        return FAILED;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(Throwable ex) {
        String m = ErrorText.of(ex);
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}

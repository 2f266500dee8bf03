package org.splitbnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.splitbnn.output.OutputDirectory;
import org.splitbnn.report.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code splitbnn report}: the figures and page of a run directory or a sweep folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write PNG figures and a self-contained report.html into DIR/report for a run directory "
                + "(summary.json) or a sweep folder (runs/)."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory or a sweep folder.")
    Path dir;

    @Option(names = "--force", description = "Replace an existing DIR/report.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        try {
            OutputDirectory.checkLocal(dir.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DIR '" + dir + "': " + e.getMessage());
        }
        Path out = Report.write(dir, force);
        PrintWriter o = spec.commandLine().getOut();
        o.println(out.resolve(Report.PAGE));
        o.flush();
        return 0;
    }
}

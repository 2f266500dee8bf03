package org.splitbnn.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.splitbnn.output.OutputDirectory;

/**
 * The report of a run directory (it has {@code summary.json}) or a sweep folder (it has a {@code runs} table):
 * PNG figures and a self-contained {@code report.html} that links to them, written into {@code DIR/report}, which
 * appears complete or not at all. Its inputs are read before anything is written, so that an error reading them is
 * bad input and an error writing is an {@link org.splitbnn.output.OutputWriteException}.
 */
public final class Report {

    /** The report's folder under the run or sweep directory. */
    public static final String FOLDER = "report";

    /** The page's file name. */
    public static final String PAGE = "report.html";

    /** Glob patterns of the names of the files a report writes (besides the marker). */
    private static final List<String> OWN_FILES = List.of(PAGE, "*.png");

    private Report() {
    }

    /**
     * Writes the report of {@code dir} into {@code dir/report} and returns that folder.
     *
     * @param force replace an existing report
     * @throws IllegalArgumentException when {@code dir} is neither a run nor a sweep, or a report exists and
     *                                  {@code force} is not set
     */
    public static Path write(Path dir, boolean force) throws IOException {
        System.setProperty("java.awt.headless", "true");
        boolean run = RunDirectory.isRun(dir);
        if (!run && !SweepTables.isSweep(dir)) {
            throw new IllegalArgumentException(dir + " is neither a run directory (summary.json) nor a sweep folder "
                    + "(runs/)");
        }
        Path out = dir.resolve(FOLDER);
        OutputDirectory.checkReplaceable(out, force, List.of(), OWN_FILES);
        OutputDirectory.checkWritable(out);
        RunDirectory runDir = run ? RunDirectory.read(dir) : null;
        SweepTables sweep = run ? null : SweepTables.read(dir);
        OutputDirectory.publish(out, force, List.of(), OWN_FILES, tmp -> {
            Html page = run ? RunPage.write(runDir, tmp) : SweepPage.write(sweep, tmp);
            Files.writeString(tmp.resolve(PAGE), page.text(), StandardCharsets.UTF_8);
        });
        return out;
    }
}

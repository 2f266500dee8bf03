package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.analysis.claims.Claim;
import org.splitbnn.analysis.claims.Convergence;
import org.splitbnn.analysis.claims.Verdict;

/**
 * The shipped quick study at reduced size (2 training seeds instead of 4, nlive 40 (and 80 in the convergence block),
 * half-widths 2 and 5, 50 posterior samples, 8 optimiser starts, 2 test sets): the same blocks and factors, and a
 * claims table with a row for every claim and a convergence column.
 */
@Tag("spark")
class StudyQuickTest {

    @TempDir
    Path tmp;

    @Test
    void shippedStudiesHaveTheirGrids() throws IOException {
        Sweep quick = SweepConfigReader.read(Path.of("conf/study-quick.yaml"));
        assertEquals(2 * 3 * 4 * 2 + (3 * 4 - 1) * 4 + 2 * 4, quick.runs().size(),
                "noise x size x seeds x priors; hidden x half-widths but (2, 5); nlive 300 x priors");
        Sweep study = SweepConfigReader.read(Path.of("conf/study.yaml"));
        assertEquals(3 * 3 * 40 * 2 + (3 * 4 - 1) * 20 + (3 * 2 - 1) * 2 * 40, study.runs().size(),
                "noise x size x seeds x priors; hidden x half-widths but (2, 5); sampler settings but (200, 45)");
        assertEquals(10, study.runs().get(0).tests().size());
        assertEquals(Set.of(200, 500, 1000), study.runs().stream().map(r -> r.settings().nlive())
                .collect(Collectors.toSet()));
        assertEquals(Set.of(18, 45), study.runs().stream().filter(r -> r.settings().hidden() == 2)
                .map(r -> r.settings().numRepeats()).collect(Collectors.toSet()),
                "2 and 5 x the dimension 9 of hidden 2 (45 the default)");
        Sweep datasets = SweepConfigReader.read(Path.of("conf/study-datasets.yaml"));
        assertEquals(3 * 2 * 20 * 2, datasets.runs().size(), "generators x sizes x seeds x priors");
        assertEquals(Set.of("moons", "circles", "blobs-d2"), datasets.runs().stream()
                .map(r -> r.condition().dataset()).collect(Collectors.toSet()));
        assertEquals(Set.of(100, 300), datasets.runs().stream().map(r -> r.train().size())
                .collect(Collectors.toSet()));
        RunSpec first = datasets.runs().get(0);
        assertEquals(5, first.tests().size());
        assertTrue(first.tests().stream().allMatch(t -> t.origin().equals(first.train().origin())
                && t.size() == first.train().size()), "test sets drawn with the training set's recipe");
    }

    @Test
    void reducedQuickStudyShowsEveryClaim() throws IOException {
        String yaml = Files.readString(Path.of("conf/study-quick.yaml"))
                .replace("nlive: 100", "nlive: 40\nbaseline_starts: 8")
                .replace("posterior_samples: 300", "posterior_samples: 50")
                .replace("{from: 1001, to: 1005}", "{from: 1001, to: 1002}")
                .replace("seeds: {from: 1, to: 4}", "seeds: {from: 1, to: 2}")
                .replace("nlive: [100, 300]", "nlive: [40, 80]")
                .replace("prior_half_width: [1, 2, 5, 10]", "prior_half_width: [2, 5]");
        Path config = tmp.resolve("study-quick-reduced.yaml");
        Files.writeString(config, yaml);
        Sweep sweep = SweepConfigReader.read(config);
        assertEquals(2 * 3 * 2 * 2 + (3 * 2 - 1) * 2 + 2 * 2, sweep.runs().size());
        Path out = tmp.resolve("out");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        SweepReport report = new SweepDriver(SharedSpark.session(), quiet, quiet)
                .run(sweep, out.toString(), false);
        assertEquals(0, report.failed());
        List<Row> claims = SharedSpark.session().read().parquet(out.resolve("claims").toString()).collectAsList();
        Set<String> ids = new TreeSet<>();
        claims.forEach(r -> ids.add(r.getAs("claim")));
        assertEquals(new TreeSet<>(Arrays.stream(Claim.values()).map(Claim::id).toList()), ids);
        List<String> verdicts = Arrays.stream(Verdict.values()).map(Verdict::label).toList();
        List<String> convergence = Arrays.stream(Convergence.values()).map(Convergence::label).toList();
        assertTrue(claims.stream().anyMatch(r -> r.getAs("convergence") != null), "the convergence block");
        for (Row r : claims) {
            assertTrue(verdicts.contains(r.<String>getAs("verdict")));
            String c = r.getAs("convergence");
            assertTrue(c == null || convergence.contains(c), c);
            assertTrue(r.<Integer>getAs("training_sets") >= 1);
        }
    }
}

package org.splitbnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.analysis.claims.Verdict;
import org.splitbnn.report.StudyTables.ClaimLine;
import org.splitbnn.report.StudyTables.StudyPoint;

class StudyFiguresTest {

    private static ClaimLine line(String claim, String prior, Integer size, double noise, Integer hidden) {
        return line(claim, prior, "xor", size, noise, hidden);
    }

    private static ClaimLine line(String claim, String prior, String dataset, Integer size, double noise,
                                  Integer hidden) {
        return new ClaimLine(claim, prior, dataset, size, noise, hidden, 5, new Condition.Sampling(200, 5, "slice"), 4, 8,
                "s", 0.5, 0.1, 0.9, 0, true, Verdict.SUPPORTED.label(), null);
    }

    private static final List<Object> MAIN = List.of(5.0, new Condition.Sampling(200, 5, "slice"));

    @Test
    void labelsNameOnlyTheFactorsThatVary() {
        List<ClaimLine> claims = List.of(line("C1", "constrained", 110, 0.5, 2), line("C3", "full", 220, 0.5, 2),
                line("C7", "full", null, 0.5, 2), line("C8a", "full", 220, 0.5, null));
        List<String> varying = StudyFigures.varyingFactors(claims);
        assertEquals(List.of("prior", "size", "hidden"), varying);
        assertEquals("constrained n110 h2", StudyFigures.label(claims.get(0), varying));
        assertEquals("full all sizes h2", StudyFigures.label(claims.get(2), varying));
        assertEquals("full n220 all h", StudyFigures.label(claims.get(3), varying));
        assertEquals("all", StudyFigures.label(claims.get(0), List.of()));
    }

    @Test
    void labelsNameTheDatasetWhereSeveralAreStudied() {
        List<ClaimLine> claims = List.of(line("C1", "ordered", "moons", 100, 0.01, 2),
                line("C1", "ordered", "blobs-d4", 100, 0.5, 2), line("C1", "ordered", "data/foo.csv", 100, Double.NaN,
                        2));
        List<String> varying = StudyFigures.varyingFactors(claims);
        assertEquals(List.of("dataset", "noise"), varying);
        assertEquals("moons v0.01", StudyFigures.label(claims.get(0), varying));
        assertEquals("data/foo.csv csv", StudyFigures.label(claims.get(2), varying));
    }

    @Test
    void settingsAreLabelledAndNonConvergedVerdictsLeftOutOfTheCounts() {
        Condition.Sampling cheap = new Condition.Sampling(200, 5, "slice");
        Condition.Sampling dear = new Condition.Sampling(1000, 2, "slice");
        List<ClaimLine> claims = List.of(
                converging("C3", cheap, Verdict.REFUTED, "converged"),
                converging("C3", dear, Verdict.SUPPORTED, "converged"),
                converging("C5", cheap, Verdict.SUPPORTED, "not converged"),
                converging("C5", dear, Verdict.INCONCLUSIVE, "not converged"),
                line("C4", "full", 220, 0.5, 2));
        List<String> varying = StudyFigures.varyingFactors(claims);
        assertEquals(List.of("nlive", "repeats"), varying);
        assertEquals("nl1000 r2d", StudyFigures.label(claims.get(1), varying));
        assertEquals("nl200 r5d not converged", StudyFigures.label(claims.get(2), varying));
        assertEquals(List.of(claims.get(1), claims.get(4)), StudyTables.counted(claims),
                "the dearer setting of a converged condition, the only line of a condition run at one setting");
        assertEquals("Verdicts, one per claim and condition (at its most expensive sampler setting where it was run "
                + "at several): 2 supported, 0 refuted, 0 inconclusive. Left out of these counts: 1 claim and "
                + "condition whose verdict has not converged.", StudyPage.verdictCounts(claims));
        StudyTables study = new StudyTables(claims, List.of());
        assertTrue(drawn(StudyFigures.forest(study), 0, PanelGrid.TITLE_BAND, StudyFigures.PANEL_WIDTH, 110),
                "C3's panel, its settings side by side");
    }

    private static ClaimLine converging(String claim, Condition.Sampling sampling, Verdict verdict,
                                        String convergence) {
        return new ClaimLine(claim, "full", "xor", 220, 0.5, 2, 5, sampling, 4, 8, "s", 0.5, 0.1, 0.9, 0, true,
                verdict.label(), convergence);
    }

    @Test
    void figuresHaveAPanelPerClaimAndPrior() {
        List<StudyPoint> runs = List.of(
                new StudyPoint("full", "xor-1", 110, 0.5, 2, MAIN, 6, 2, -0.40, -0.45),
                new StudyPoint("full", "xor-2", 110, 0.5, 2, MAIN, 8, 2, -0.42, -0.44),
                new StudyPoint("full", "xor-3", 220, 0.5, 2, MAIN, 9, 2, -0.38, -0.39),
                new StudyPoint("full", "xor-4", 220, 0.5, 2, MAIN, 7, 1, -0.37, -0.37),
                new StudyPoint("constrained", "xor-1", 110, 0.5, 2, MAIN, 2, Double.NaN, -0.41, -0.44));
        StudyTables study = new StudyTables(List.of(line("C1", "constrained", 110, 0.5, 2),
                line("C3", "full", 110, 0.5, 2), line("C3", "full", 220, 0.5, 2)), runs);
        int band = PanelGrid.TITLE_BAND;
        int width = StudyFigures.PANEL_WIDTH;
        BufferedImage forest = StudyFigures.forest(study);
        // two claims fill one row of three panels, each tall enough for C3's two conditions
        int forestPanel = 110 + 22 * 2;
        assertEquals(List.of(3 * width, band + forestPanel), List.of(forest.getWidth(), forest.getHeight()));
        assertTrue(drawn(forest, 0, band, width, forestPanel), "C1's panel");
        assertTrue(drawn(forest, width, band, width, forestPanel), "C3's panel");
        assertFalse(drawn(forest, 2 * width, band, width, forestPanel), "no third claim: the last cell stays blank");
        BufferedImage counts = StudyFigures.counts(study);
        int height = StudyFigures.PANEL_HEIGHT;
        assertEquals(List.of(2 * width, band + 2 * height), List.of(counts.getWidth(), counts.getHeight()),
                "a column per prior, a row each for modes and functions");
        BufferedImage advantage = StudyFigures.advantage(study);
        assertEquals(List.of(2 * width, band + height), List.of(advantage.getWidth(), advantage.getHeight()),
                "a panel per prior");
    }

    /** Whether the rectangle at ({@code x}, {@code y}) of the image holds a pixel that is not white. */
    private static boolean drawn(BufferedImage image, int x, int y, int width, int height) {
        for (int i = x; i < x + width; i++) {
            for (int j = y; j < y + height; j++) {
                if ((image.getRGB(i, j) & 0xFFFFFF) != 0xFFFFFF) {
                    return true;
                }
            }
        }
        return false;
    }
}

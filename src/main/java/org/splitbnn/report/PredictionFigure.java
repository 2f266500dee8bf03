package org.splitbnn.report;

import java.awt.image.BufferedImage;

import org.splitbnn.analysis.Solution;

/** Figure 1b: the training points coloured by class over the full solution's prediction map. */
public final class PredictionFigure {

    /** Width in pixels. */
    public static final int WIDTH = 760;

    /** Height in pixels. */
    public static final int HEIGHT = 640;

    private PredictionFigure() {
    }

    /** The figure for {@code run}. */
    public static BufferedImage draw(RunFigureInput run) {
        String title = "Full solution's mean prediction, " + run.description()
                + (run.training() == null ? " (training set not found)" : ", with the training set");
        return PredictionMapChart.of(title, run.predictions().get(Solution.FULL), run.training(), true)
                .createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }
}

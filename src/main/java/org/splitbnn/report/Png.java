package org.splitbnn.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;

/** Writes figures as PNG files. */
public final class Png {

    private Png() {
    }

    /** Writes {@code image} to {@code file}. */
    public static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }

    /** Draws {@code chart} at {@code width} x {@code height} pixels into {@code file}. */
    public static void write(JFreeChart chart, int width, int height, Path file) throws IOException {
        write(chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null), file);
    }
}

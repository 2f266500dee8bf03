package org.splitbnn.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Writes figures as PNG files. */
public final class Png {

    private Png() {
    }

    /** Writes {@code image} to {@code file} and returns it. */
    public static BufferedImage write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        return image;
    }
}

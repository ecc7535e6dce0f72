package org.daesweep;

import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.ModelFile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Image files and small untrained models for tests, written with ImageIO. */
public final class Pictures {
    private Pictures() {
    }

    /** A PNG (or any ImageIO format) of the given BufferedImage type, filled with a seeded pattern. */
    public static Path write(Path file, int type, int height, int width, long seed) throws IOException {
        return write(file, image(type, height, width, seed), file.getFileName().toString().replaceAll(".*\\.", ""));
    }

    public static Path write(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    public static BufferedImage image(int type, int height, int width, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        var raster = image.getRaster();
        int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        for (int b = 0; b < raster.getNumBands(); b++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    raster.setSample(x, y, b, random.nextInt(max + 1));
                }
            }
        }
        return image;
    }

    /** An untrained CAE of few filters: what a model file holds, in a fraction of a second. */
    public static DenoisingNetwork smallNetwork(int height, int width) {
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 4);
        return DenoisingNetwork.create(hp, height, width, 7, 10);
    }

    public static Path modelFile(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelFile.write(smallNetwork(28, 28), out);
        }
        return file;
    }
}

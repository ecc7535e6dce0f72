package org.daesweep.data;

import org.daesweep.Pictures;
import org.daesweep.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderReaderTest {
    @TempDir
    Path dir;

    private final Storage storage = Storage.standalone();

    @Test
    void aFolderGivenByARelativePathIsReadAndPhotographsKeepTheirSizes() throws Exception {
        // As the README writes it: data.images = "data/my-images", relative to the working directory.
        Path folder = Path.of("target", "relative-images-" + System.nanoTime());
        try {
            org.daesweep.Pictures.write(folder.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 20, 30, 1);
            org.daesweep.Pictures.write(folder.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, 24, 16, 2);
            Gallery photos = new ImageSource(folder.toString(), "auto", null).readGallery(storage);
            assertEquals(2, photos.count());
            assertEquals(20, photos.image(0).height());
            assertEquals(16, photos.image(1).width());
            assertEquals(2, new ImageSource(folder.toString(), "auto", new ImageSize(8, 8)).read(storage).count());
        } finally {
            try (var files = java.nio.file.Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void readsAFolderInPathOrderAsGrayAndLeavesOtherFilesOut() throws Exception {
        Pictures.write(dir.resolve("b/second.png"), BufferedImage.TYPE_BYTE_GRAY, 8, 6, 2);
        Pictures.write(dir.resolve("a/first.png"), BufferedImage.TYPE_BYTE_GRAY, 8, 6, 1);
        Pictures.write(dir.resolve("c.bmp"), BufferedImage.TYPE_3BYTE_BGR, 8, 6, 3);
        Files.writeString(dir.resolve("README.txt"), "not an image");
        ImageSet images = new ImageSource(dir.toString(), "auto", null).read(storage);
        assertEquals(3, images.count());
        assertEquals(8, images.height());
        assertEquals(6, images.width());
        BufferedImage first = javax.imageio.ImageIO.read(dir.resolve("a/first.png").toFile());
        assertEquals(first.getRaster().getSample(2, 3, 0) / 255f, images.pixels()[3 * 6 + 2], 1e-7);
        BufferedImage colour = javax.imageio.ImageIO.read(dir.resolve("c.bmp").toFile());
        int rgb = colour.getRGB(1, 1);
        double luma = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
        assertEquals(luma / 255, images.pixels()[2 * 48 + 6 + 1], 1e-6);
    }

    @Test
    void imagesOfAnotherSizeAreRefusedOrFitted() throws Exception {
        Pictures.write(dir.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 8, 8, 1);
        Pictures.write(dir.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, 10, 6, 2);
        UserException e = assertThrows(UserException.class, () -> new ImageSource(dir.toString(), "images", null).read(storage));
        assertTrue(e.getMessage().contains("b.png: is 10x6 where the images before it are 8x8")
                && e.getMessage().contains("data.size"), e.getMessage());
        ImageSet fitted = new ImageSource(dir.toString(), "images", new ImageSize(8, 8)).read(storage);
        assertEquals(2, fitted.count());
        assertEquals(8, fitted.height());
    }

    @Test
    void anUnreadableImageIsNamed() throws Exception {
        Pictures.write(dir.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 8, 8, 1);
        Files.write(dir.resolve("broken.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        UserException e = assertThrows(UserException.class, () -> new ImageSource(dir.toString(), "auto", null).read(storage));
        assertTrue(e.getMessage().contains("broken.png: not a readable image"), e.getMessage());
    }

    @Test
    void sizesParse() {
        assertEquals(new ImageSize(28, 28), ImageSize.parse("28"));
        assertEquals(new ImageSize(64, 32), ImageSize.parse("64x32"));
        assertThrows(IllegalArgumentException.class, () -> ImageSize.parse("big"));
    }
}

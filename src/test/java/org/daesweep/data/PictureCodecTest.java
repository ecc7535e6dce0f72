package org.daesweep.data;

import org.daesweep.Pictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PictureCodecTest {
    @TempDir
    Path dir;

    @Test
    void grayPngValuesAreTheFileSamplesAndComeBackUnchanged() throws Exception {
        BufferedImage image = Pictures.image(BufferedImage.TYPE_BYTE_GRAY, 5, 7, 1);
        Picture p = PictureCodec.decode(png(image));
        assertEquals(1, p.planes().length);
        assertEquals(8, p.bitDepth());
        assertNull(p.alpha());
        assertEquals(image.getRaster().getSample(3, 2, 0) / 255f, p.planes()[0][2 * 7 + 3], 1e-7);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PictureCodec.png(p)));
        assertArrayEquals(image.getRaster().getSamples(0, 0, 7, 5, 0, (int[]) null),
                back.getRaster().getSamples(0, 0, 7, 5, 0, (int[]) null));
    }

    @Test
    void aFloatTiffIsReadAsItsValuesOutsideZeroToOneIncluded() throws Exception {
        // What the literature's noisy images are: clean + sigma x N(0,1), neither clipped nor rounded.
        float[] values = {-0.31f, 0.5f, 1.42f, 0.0001f, 0.9999f, 2.5f};
        var cm = new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(
                java.awt.color.ColorSpace.CS_GRAY), false, false, java.awt.Transparency.OPAQUE,
                java.awt.image.DataBuffer.TYPE_FLOAT);
        var raster = cm.createCompatibleWritableRaster(3, 2);
        raster.setSamples(0, 0, 3, 2, 0, values);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(new BufferedImage(cm, raster, false, null), "tiff", tiff));
        Picture p = PictureCodec.decode(tiff.toByteArray());
        assertEquals(Picture.FLOAT, p.bitDepth());
        assertArrayEquals(values, p.planes()[0]);
        Picture back = PictureCodec.decode(PictureCodec.encode(p, "out.png"));
        assertEquals(16, back.bitDepth(), "written at 16 bits");
        assertEquals(0f, back.planes()[0][0], "clipped to what an image file holds");
        assertEquals(1f, back.planes()[0][2]);
    }

    @Test
    void sixteenBitGrayKeepsItsDepth() throws Exception {
        BufferedImage image = Pictures.image(BufferedImage.TYPE_USHORT_GRAY, 6, 4, 2);
        Picture p = PictureCodec.decode(png(image));
        assertEquals(16, p.bitDepth());
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PictureCodec.png(p)));
        assertEquals(16, back.getColorModel().getComponentSize(0));
        assertArrayEquals(image.getRaster().getSamples(0, 0, 4, 6, 0, (int[]) null),
                back.getRaster().getSamples(0, 0, 4, 6, 0, (int[]) null));
    }

    @Test
    void colourWithAlphaKeepsEveryPlane() throws Exception {
        BufferedImage image = Pictures.image(BufferedImage.TYPE_INT_ARGB, 3, 5, 3);
        Picture p = PictureCodec.decode(png(image));
        assertTrue(p.isColour());
        assertEquals(5 * 3, p.alpha().length);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PictureCodec.png(p)));
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(image.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aGrayPaletteIsGrayAndLumaWeighsColours() throws Exception {
        BufferedImage palette = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_BINARY);
        palette.getRaster().setSample(1, 2, 0, 1);
        Picture p = PictureCodec.decode(png(palette));
        assertFalse(p.isColour());
        assertEquals(1f, p.planes()[0][2 * 4 + 1]);
        assertEquals(0f, p.planes()[0][0]);

        Picture red = new Picture(1, 1, new float[][]{{1f}, {0f}, {0f}}, null, 8);
        assertEquals(0.299f, red.luma()[0], 1e-6);
    }

    @Test
    void damagedFilesAreRefusedWithAReason() throws Exception {
        byte[] good = png(Pictures.image(BufferedImage.TYPE_BYTE_GRAY, 40, 40, 4));
        assertThrows(PictureCodec.BadImageException.class, () -> PictureCodec.decode(Arrays.copyOf(good, good.length / 2)));
        assertThrows(PictureCodec.BadImageException.class, () -> PictureCodec.decode("not an image".getBytes()));
        Path jpeg = Pictures.write(dir.resolve("a.jpg"), BufferedImage.TYPE_BYTE_GRAY, 64, 64, 5);
        byte[] bytes = Files.readAllBytes(jpeg);
        PictureCodec.decode(bytes);
        assertThrows(PictureCodec.BadImageException.class, () -> PictureCodec.decode(Arrays.copyOf(bytes, bytes.length * 2 / 3)),
                "a truncated JPEG decodes with a warning, which counts as damage");
    }

    @Test
    void aHeaderClaimingMoreThanTheLimitIsRefusedBeforeAnyPixelIsRead() throws Exception {
        byte[] bytes = png(Pictures.image(BufferedImage.TYPE_BYTE_GRAY, 4, 4, 6));
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes);
        header.putInt(16, 5000).putInt(20, 5000); // IHDR's width and height
        PictureCodec.BadImageException e = assertThrows(PictureCodec.BadImageException.class, () -> PictureCodec.decode(bytes));
        assertTrue(e.getMessage().contains("5000x5000 is more than the 16777216 pixels"), e.getMessage());
    }

    @Test
    void imageNamesAreKnownBySuffix() {
        assertTrue(PictureCodec.isImageName("a/B.PNG"));
        assertTrue(PictureCodec.isImageName("x.jpeg"));
        assertFalse(PictureCodec.isImageName("notes.txt"));
        assertFalse(PictureCodec.isImageName("png"));
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

package org.daesweep.plots;

import org.daesweep.data.ImageSet;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Side-by-side image rows as PNG: noisy / denoised / clean, and the residual the model removed. */
public final class ImageGrids {
    private static final int SCALE = 3;
    private static final int GAP = 4;
    private static final int LABEL = 80;

    private ImageGrids() {
    }

    /** Rows noisy, denoised and clean for the first {@code columns} images. */
    public static byte[] comparison(ImageSet noisy, ImageSet denoised, ImageSet clean, int columns) {
        return grid(List.of("noisy", "denoised", "clean"), List.of(noisy, denoised, clean), columns, false);
    }

    /** noisy - denoised: what the model took away, red where it darkened, blue where it brightened. */
    public static byte[] residual(ImageSet noisy, ImageSet denoised, int columns) {
        float[] diff = new float[noisy.pixels().length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = noisy.pixels()[i] - denoised.pixels()[i];
        }
        ImageSet residual = new ImageSet(diff, noisy.count(), noisy.height(), noisy.width());
        return grid(List.of("noisy", "removed"), List.of(noisy, residual), columns, true);
    }

    private static byte[] grid(List<String> labels, List<ImageSet> rows, int columns, boolean signedLastRow) {
        ImageSet first = rows.get(0);
        int n = Math.min(columns, first.count());
        int cw = first.width() * SCALE;
        int ch = first.height() * SCALE;
        BufferedImage img = new BufferedImage(LABEL + n * (cw + GAP), rows.size() * (ch + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int r = 0; r < rows.size(); r++) {
            int y0 = r * (ch + GAP);
            g.drawString(labels.get(r), 6, y0 + ch / 2 + 5);
            boolean signed = signedLastRow && r == rows.size() - 1;
            for (int c = 0; c < n; c++) {
                draw(img, rows.get(r), c, LABEL + c * (cw + GAP), y0, signed);
            }
        }
        g.dispose();
        return encode(img);
    }

    private static void draw(BufferedImage img, ImageSet set, int index, int x0, int y0, boolean signed) {
        int w = set.width();
        int offset = index * set.imageSize();
        for (int y = 0; y < set.height() * SCALE; y++) {
            for (int x = 0; x < w * SCALE; x++) {
                float v = set.pixels()[offset + (y / SCALE) * w + x / SCALE];
                img.setRGB(x0 + x, y0 + y, signed ? diverging(v) : gray(v));
            }
        }
    }

    private static int gray(float v) {
        int g = Math.round(Math.max(0, Math.min(1, v)) * 255);
        return (g << 16) | (g << 8) | g;
    }

    private static int diverging(float v) {
        int a = Math.round(Math.min(1, Math.abs(v)) * 255);
        return v >= 0 ? (255 << 16) | ((255 - a) << 8) | (255 - a) : ((255 - a) << 16) | ((255 - a) << 8) | 255;
    }

    private static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

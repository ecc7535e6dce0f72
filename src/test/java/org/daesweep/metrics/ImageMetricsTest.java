package org.daesweep.metrics;

import org.daesweep.data.ImageSet;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MSE, PSNR and SSIM against values scikit-image computed (scripts/dev/metric-fixtures.py). */
class ImageMetricsTest {
    record Fixture(String name, int height, int width, double mse, double psnr, double ssim, float[] clean, float[] candidate) {
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ImageMetricsTest.class.getResourceAsStream("/metrics/skimage-fixtures.txt")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] h = line.split(" ");
                int height = Integer.parseInt(h[1]);
                int width = Integer.parseInt(h[2]);
                float[] clean = rows(in, height, width);
                float[] candidate = rows(in, height, width);
                out.add(new Fixture(h[0], height, width, Double.parseDouble(h[3]), Double.parseDouble(h[4]),
                        Double.parseDouble(h[5]), clean, candidate));
            }
        }
        return out;
    }

    private static float[] rows(BufferedReader in, int height, int width) throws IOException {
        float[] px = new float[height * width];
        for (int r = 0; r < height; r++) {
            String[] v = in.readLine().split(" ");
            for (int c = 0; c < width; c++) {
                px[r * width + c] = Float.parseFloat(v[c]);
            }
        }
        return px;
    }

    @Test
    void matchesScikitImage() throws IOException {
        List<Fixture> fixtures = fixtures();
        assertEquals(4, fixtures.size());
        for (Fixture f : fixtures) {
            int size = f.height() * f.width();
            double mse = ImageMetrics.mse(f.candidate(), f.clean(), 0, size);
            assertEquals(f.mse(), mse, 1e-12, f.name());
            assertEquals(f.psnr(), ImageMetrics.psnr(mse), 1e-9, f.name());
            assertEquals(f.ssim(), ImageMetrics.ssim(f.candidate(), f.clean(), 0, f.height(), f.width()), 1e-9, f.name());
        }
    }

    @Test
    void scoresEveryImageOfASetAtItsOffset() throws IOException {
        List<Fixture> same = fixtures().stream().filter(f -> f.height() == 28).toList();
        int size = 28 * 28;
        float[] clean = new float[same.size() * size];
        float[] candidate = new float[same.size() * size];
        for (int i = 0; i < same.size(); i++) {
            System.arraycopy(same.get(i).clean(), 0, clean, i * size, size);
            System.arraycopy(same.get(i).candidate(), 0, candidate, i * size, size);
        }
        ImageScores scores = ImageScores.of(new ImageSet(candidate, same.size(), 28, 28), new ImageSet(clean, same.size(), 28, 28));
        for (int i = 0; i < same.size(); i++) {
            assertEquals(same.get(i).ssim(), scores.ssim()[i], 1e-9);
            assertEquals(same.get(i).psnr(), scores.psnr()[i], 1e-9);
        }
        assertEquals(same.stream().mapToDouble(Fixture::ssim).average().orElseThrow(), scores.meanSsim(), 1e-9);
    }

    @Test
    void identicalImagesScorePerfectly() {
        float[] a = {0.1f, 0.5f, 0.9f, 0.3f, 0.2f, 0.7f, 0.6f, 0.4f, 0.8f, 0f, 1f, 0.5f, 0.25f, 0.75f, 0.33f, 0.66f,
                0.1f, 0.5f, 0.9f, 0.3f, 0.2f, 0.7f, 0.6f, 0.4f, 0.8f, 0f, 1f, 0.5f, 0.25f, 0.75f, 0.33f, 0.66f,
                0.1f, 0.5f, 0.9f, 0.3f, 0.2f, 0.7f, 0.6f, 0.4f, 0.8f, 0f, 1f, 0.5f, 0.25f, 0.75f, 0.33f, 0.66f, 0.5f};
        assertEquals(0.0, ImageMetrics.mse(a, a, 0, 49));
        assertEquals(ImageMetrics.MAX_PSNR, ImageMetrics.psnr(0.0));
        assertEquals(1.0, ImageMetrics.ssim(a, a, 0, 7, 7), 1e-12);
    }
}

package org.daesweep.denoise;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** What a denoising run did, over all its shares: counts, mean scores, skipped inputs, speed. */
public record DenoiseReport(int inputs, int denoised, List<ImageScore> scores, List<ShareResult.Skipped> skipped,
                            double seconds) {

    public static DenoiseReport of(int inputs, List<ShareResult> shares, double seconds) {
        List<ShareResult> ordered = shares.stream().sorted(Comparator.comparingInt(ShareResult::share)).toList();
        return new DenoiseReport(inputs, ordered.stream().mapToInt(ShareResult::denoised).sum(),
                ordered.stream().flatMap(s -> s.scores().stream()).toList(),
                ordered.stream().flatMap(s -> s.skipped().stream()).toList(), seconds);
    }

    public double imagesPerSecond() {
        return denoised / Math.max(seconds, 1e-9);
    }

    public double mean(ToDoubleFunction<ImageScore> metric) {
        return scores.stream().mapToDouble(metric).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}

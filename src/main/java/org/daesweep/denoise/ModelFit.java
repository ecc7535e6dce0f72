package org.daesweep.denoise;

import org.daesweep.data.Picture;
import org.daesweep.data.Storage;
import org.daesweep.metrics.Median;
import org.daesweep.metrics.NoiseLevel;
import org.daesweep.model.TrainedOn;
import org.daesweep.noise.NoiseModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the first inputs with what the model learned from, before any work: photographs given
 * to a model of small whole images, or noise stronger than it trained on. Says so in one line,
 * naming the shipped profile that fits; says nothing when the inputs fit or the model file does
 * not record what it learned from.
 */
public final class ModelFit {
    /** Inputs looked at: enough for a median, few enough to cost nothing. */
    static final int SAMPLE = 16;
    /** An input side this many times the model's training side is another kind of image. */
    private static final int LARGER = 4;
    /** Noise within this much of the training range still counts as in it (on [0,1]): the estimate's own spread. */
    private static final double SLACK = 3 / 255.0;

    private ModelFit() {
    }

    /** The one line for a request, from a sample of its inputs; empty when they fit. */
    public static Optional<String> check(DenoiseRequest request, Storage storage, TrainedOn trainedOn, int modelSide) {
        List<Picture> sample = new ArrayList<>();
        try (Inputs.Stream items = request.input().open(storage, 0, Math.min(SAMPLE, request.count()))) {
            items.next(SAMPLE).stream().filter(Item::ok).forEach(i -> sample.add(i.picture()));
        }
        return check(sample, request.noise(), trainedOn, modelSide);
    }

    /** @param added the noise {@code --add-noise} puts on the inputs, or null */
    static Optional<String> check(List<Picture> sample, NoiseModel added, TrainedOn trainedOn, int modelSide) {
        if (sample.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        int side = (int) Median.of(sample.stream().mapToDouble(p -> Math.min(p.height(), p.width())).toArray());
        boolean photographs = side >= LARGER * modelSide;
        if (photographs && !trainedOn.patches()) {
            problems.add(String.format(Locale.ROOT, "the inputs are images of %d px and more, the model learned from "
                    + "whole %dx%d images", side, modelSide, modelSide));
        }
        double std = noiseStd(sample, added);
        if (!Double.isNaN(trainedOn.noiseStd()) && std > trainedOn.noiseStd() + SLACK) {
            problems.add(String.format(Locale.ROOT, "%s noise (sigma about %.0f on 0-255) is beyond what it learned "
                    + "(up to %.0f)", problems.isEmpty() ? "the inputs'" : "their", std * 255, trainedOn.noiseStd() * 255));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String profile = photographs ? "conf/photos.conf (photographs, sigma 0-55)"
                : "conf/blind.conf (small images, Gaussian 0-0.9, salt-and-pepper, Poisson)";
        return Optional.of("Note: " + String.join("; ", problems) + ": a model from " + profile + " fits them better");
    }

    /** The median of the sample's estimated noise, with what {@code --add-noise} adds on top (independent noises add in variance). */
    private static double noiseStd(List<Picture> sample, NoiseModel added) {
        double own = Median.of(sample.stream().mapToDouble(p -> NoiseLevel.estimate(p.luma(), p.height(), p.width()))
                .toArray());
        double extra = added == null ? 0 : added.strongestGaussianStd().orElse(0);
        return Math.sqrt(own * own + extra * extra);
    }
}

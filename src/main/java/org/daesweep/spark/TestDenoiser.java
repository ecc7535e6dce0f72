package org.daesweep.spark;

import org.daesweep.data.ImageSet;
import org.daesweep.data.Picture;
import org.daesweep.denoise.ImageDenoiser;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.training.Denoiser;

import java.util.ArrayList;
import java.util.List;

/**
 * Denoises test images of any size with a model trained at one: images of the model's own size
 * in its graph, as the trials were validated; others, such as whole photographs from a model
 * trained on patches, as denoise takes them (padded to the poolings, tiled when large).
 */
final class TestDenoiser {
    private final DenoisingNetwork model;
    private final Denoiser own;
    private final ImageDenoiser any;

    TestDenoiser(DenoisingNetwork model, boolean selfEnsemble) {
        this.model = model;
        this.own = new Denoiser(model, selfEnsemble);
        this.any = new ImageDenoiser(model, selfEnsemble, true); // other sizes than its own: it learned from patches
    }

    ImageSet denoise(ImageSet noisy) {
        if (noisy.height() == model.height() && noisy.width() == model.width()) {
            return own.denoise(noisy);
        }
        List<Picture> pictures = new ArrayList<>(noisy.count());
        for (int i = 0; i < noisy.count(); i++) {
            pictures.add(Picture.gray(noisy.image(i), noisy.height(), noisy.width()));
        }
        float[] out = new float[noisy.pixels().length];
        List<Picture> denoised = any.denoise(pictures);
        for (int i = 0; i < denoised.size(); i++) {
            System.arraycopy(denoised.get(i).planes()[0], 0, out, i * noisy.imageSize(), noisy.imageSize());
        }
        return new ImageSet(out, noisy.count(), noisy.height(), noisy.width());
    }
}

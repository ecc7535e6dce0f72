package org.daesweep.training;

import org.daesweep.UserException;
import org.daesweep.data.DataSplit;
import org.daesweep.data.Gallery;
import org.daesweep.data.ImageSet;
import org.daesweep.data.ImageSize;
import org.daesweep.data.PatchSpec;
import org.daesweep.data.SplitSpec;
import org.daesweep.noise.NoiseSetup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The images of a sweep after split and noise: training data for the trials (what is
 * broadcast) and the test split, which stays on the driver for the final evaluation, in groups
 * of one size each (one group, unless whole photographs of several sizes are tested).
 */
public record SweepData(TrainingData training, List<TestImages> test) {

    /** Test images of one size with their noise, and their positions in the source. */
    public record TestImages(ImageSet noisy, ImageSet clean, int[] indices) {
    }

    /** Each split gets its own noise seed derived from {@code noiseSeed}, so splits never share a noise draw. */
    public static SweepData prepare(ImageSet images, SplitSpec split, NoiseSetup noise, long noiseSeed) {
        DataSplit parts = DataSplit.of(images, split);
        return new SweepData(
                new TrainingData(noise.training().apply(parts.train(), noiseSeed), parts.train(),
                        noise.evaluation().apply(parts.validation(), noiseSeed + 1), parts.validation(),
                        noise.fresh() ? noise.training() : null),
                List.of(new TestImages(noise.evaluation().apply(parts.test(), noiseSeed + 2), parts.test(),
                        parts.testIndices())));
    }

    /**
     * Patches: the images are split whole, so no test or validation image lends a patch to
     * training; training crops are drawn afresh every epoch with fresh noise, validation is on
     * fixed crops, and the test on whole images at their own sizes.
     */
    public static SweepData prepare(Gallery images, PatchSpec patches, SplitSpec split, NoiseSetup noise,
                                    long noiseSeed) {
        DataSplit.Positions parts = DataSplit.positions(images.count(), split);
        Gallery train = images.select(parts.train());
        Gallery validation = images.select(parts.validation());
        ImageSet trainCrops = train.crops(patches.size(), patches.perImage(), noiseSeed);
        ImageSet validationCrops = validation.crops(patches.size(), patches.perImage(), noiseSeed + 1);
        TrainingData training = new TrainingData(noise.training().apply(trainCrops, noiseSeed), trainCrops,
                noise.evaluation().apply(validationCrops, noiseSeed + 1), validationCrops, noise.training(),
                new Patches(train, validation, patches.size(), patches.perImage()));
        Gallery test = images.select(parts.test());
        List<TestImages> groups = new ArrayList<>();
        int g = 0;
        for (Map.Entry<ImageSize, int[]> size : test.bySize().entrySet()) {
            ImageSet clean = test.asSet(size.getValue());
            int[] indices = new int[size.getValue().length];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = parts.test()[size.getValue()[i]];
            }
            groups.add(new TestImages(noise.evaluation().apply(clean, noiseSeed + 2 + 1000L * g++), clean, indices));
        }
        return new SweepData(training, groups);
    }

    /** The test images when they share one size: a sweep of same-size images, as denoise --split takes them. */
    public TestImages single() {
        if (test.size() != 1) {
            throw new UserException("the test images have " + test.size() + " sizes; this takes images of "
                    + "one size");
        }
        return test.get(0);
    }

    public ImageSet noisyTest() {
        return single().noisy();
    }

    public ImageSet cleanTest() {
        return single().clean();
    }

    public int[] testIndices() {
        return single().indices();
    }

    public int testCount() {
        return test.stream().mapToInt(t -> t.clean().count()).sum();
    }
}

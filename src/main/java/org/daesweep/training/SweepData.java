package org.daesweep.training;

import org.daesweep.data.DataSplit;
import org.daesweep.data.ImageSet;
import org.daesweep.data.SplitSpec;
import org.daesweep.noise.NoiseSetup;

/**
 * The images of a sweep after split and noise: training data for the trials (what is
 * broadcast) and the test split, which stays on the driver for the final evaluation.
 */
public record SweepData(TrainingData training, ImageSet noisyTest, ImageSet cleanTest, int[] testIndices) {

    /** Each split gets its own noise seed derived from {@code noiseSeed}, so splits never share a noise draw. */
    public static SweepData prepare(ImageSet images, SplitSpec split, NoiseSetup noise, long noiseSeed) {
        DataSplit parts = DataSplit.of(images, split);
        return new SweepData(
                new TrainingData(noise.training().apply(parts.train(), noiseSeed), parts.train(),
                        noise.evaluation().apply(parts.validation(), noiseSeed + 1), parts.validation(),
                        noise.fresh() ? noise.training() : null),
                noise.evaluation().apply(parts.test(), noiseSeed + 2), parts.test(), parts.testIndices());
    }
}

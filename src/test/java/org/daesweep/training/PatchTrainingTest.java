package org.daesweep.training;

import org.daesweep.data.Gallery;
import org.daesweep.data.ImageSet;
import org.daesweep.data.ImageSize;
import org.daesweep.data.PatchSpec;
import org.daesweep.data.SplitSpec;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.noise.AdditiveGaussianNoise;
import org.daesweep.noise.NoiseSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on patches of images of any sizes: split by image, fresh crops every epoch, whole test images. */
class PatchTrainingTest {
    /** 30 images of 6 sizes, each filled with its own value (its position / 100), so a pixel says its image. */
    private static Gallery labelled() {
        List<ImageSet> images = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int h = 20 + 4 * (i % 3);
            int w = 24 + 8 * (i % 2);
            float[] pixels = new float[h * w];
            Arrays.fill(pixels, i / 100f);
            images.add(new ImageSet(pixels, 1, h, w));
        }
        return new Gallery(images);
    }

    private static Set<Integer> sources(ImageSet set) {
        Set<Integer> out = new HashSet<>();
        for (float v : set.pixels()) {
            out.add(Math.round(v * 100));
        }
        return out;
    }

    private static final NoiseSetup NOISE = new NoiseSetup(new AdditiveGaussianNoise(25), new AdditiveGaussianNoise(25), true);

    @Test
    void imagesAreSplitWholeSoNoTestOrValidationImageLendsAPatchToTraining() {
        SweepData data = SweepData.prepare(labelled(), new PatchSpec(16, 4), new SplitSpec(0.2, 0.2, 42), NOISE, 7);
        Set<Integer> test = new HashSet<>();
        data.test().forEach(t -> Arrays.stream(t.indices()).forEach(test::add));
        assertEquals(6, test.size(), "a fifth of 30 images");
        Set<Integer> training = sources(data.training().cleanTrain());
        for (int epoch = 2; epoch <= 4; epoch++) {
            training.addAll(sources(EpochImages.of(data.training(), true, 11, epoch).clean()));
        }
        Set<Integer> validation = sources(data.training().cleanValidation());
        assertTrue(training.stream().noneMatch(test::contains), "training crops come from training images only");
        assertTrue(validation.stream().noneMatch(test::contains) && validation.stream().noneMatch(training::contains));
        assertEquals(30, training.size() + validation.size() + test.size(), "every image in one split");
        assertEquals(16, data.training().cleanTrain().height());
        assertEquals(4 * training.size(), data.training().cleanTrain().count(), "per-image crops of every training image");
        for (SweepData.TestImages t : data.test()) {
            for (int i = 0; i < t.indices().length; i++) {
                int source = t.indices()[i];
                assertEquals(20 + 4 * (source % 3), t.clean().height(), "tested whole, at its own size");
                assertEquals(Set.of(source), sources(t.clean().select(new int[]{i})));
            }
        }
        assertTrue(data.test().size() > 1, "test groups by size");
    }

    @Test
    void cropsAreDrawnAfreshEveryEpochWithFreshUnclippedNoise() {
        SweepData data = SweepData.prepare(labelled(), new PatchSpec(16, 4), new SplitSpec(0.2, 0.2, 42), NOISE, 7);
        TrainingData training = data.training();
        EpochImages first = EpochImages.of(training, false, 11, 1);
        assertArrayEquals(training.cleanTrain().pixels(), first.clean().pixels(), "the first epoch's are the driver's");
        EpochImages second = EpochImages.of(training, false, 11, 2);
        EpochImages third = EpochImages.of(training, false, 11, 3);
        assertFalse(Arrays.equals(second.noisy().pixels(), third.noisy().pixels()));
        assertArrayEquals(second.noisy().pixels(), EpochImages.of(training, false, 11, 2).noisy().pixels(),
                "the same seed and epoch give the same crops and noise");
        float outside = 0;
        for (float v : second.noisy().pixels()) {
            outside += v < 0 || v > 1 ? 1 : 0;
        }
        assertTrue(outside > 0, "unclipped noise");
        assertEquals(training.cleanTrain().count(), second.clean().count());
        TrainingData merged = training.merged();
        assertEquals(training.cleanTrain().count() + training.cleanValidation().count(), merged.cleanTrain().count());
        assertEquals(training.patches().train().count() + training.patches().validation().count(),
                merged.patches().train().count(), "the retrain cuts patches from training and validation images");
    }

    @Test
    void aTrialCutsCropsOfItsOwnSideAndCountFromTheFirstEpochAndIsValidatedOnTheSweepsCrops() {
        TrainingData sweep = SweepData.prepare(labelled(), new PatchSpec(16, 4), new SplitSpec(0.2, 0.2, 42), NOISE, 7)
                .training();
        Hyperparameters own = Hyperparameters.referenceBaseline().with(Hyperparameter.PATCH_SIZE, 8)
                .with(Hyperparameter.PATCHES_PER_IMAGE, 2);
        assertEquals(new ImageSize(8, 8), sweep.trainingSize(own), "known before the crops are cut");
        assertEquals(2 * sweep.patches().train().count(), sweep.trainingCount(own));
        TrainingData trial = sweep.forTrial(own, 11);
        assertEquals(new ImageSize(8, 8), new ImageSize(trial.height(), trial.width()));
        assertEquals(2 * sweep.patches().train().count(), trial.cleanTrain().count(), "its count from the first epoch");
        assertSame(sweep.noisyValidation(), trial.noisyValidation(), "validated on the sweep's crops, as every trial");
        assertFalse(Arrays.equals(trial.noisyTrain().pixels(), trial.cleanTrain().pixels()), "with noise");
        assertArrayEquals(trial.noisyTrain().pixels(), sweep.forTrial(own, 11).noisyTrain().pixels(),
                "a resumed trial cuts the same first epoch");
        EpochImages second = EpochImages.of(trial, false, 11, 2);
        assertEquals(8, second.clean().height());
        assertEquals(trial.cleanTrain().count(), second.clean().count(), "later epochs keep the trial's side and count");
        assertFalse(Arrays.equals(trial.noisyTrain().pixels(), second.noisy().pixels()), "drawn afresh");

        assertSame(sweep, sweep.forTrial(Hyperparameters.referenceBaseline(), 11), "0: the sweep's crops");
        assertSame(sweep, sweep.forTrial(own.with(Hyperparameter.PATCH_SIZE, 16).with(Hyperparameter.PATCHES_PER_IMAGE, 4),
                11), "the sweep's own side and count, asked for");
        TrainingData retrain = sweep.merged().forTrial(own, 11);
        assertEquals(2 * (sweep.patches().train().count() + sweep.patches().validation().count()),
                retrain.cleanTrain().count(), "the retrain cuts the trial's crops from training and validation images");
    }

    @Test
    void aTrialOfSmallerCropsTrainsAtItsSizeAndIsJudgedOnTheSweepsCrops() {
        TrainingData sweep = SweepData.prepare(labelled(), new PatchSpec(16, 4), new SplitSpec(0.2, 0.2, 42), NOISE, 7)
                .training();
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 4)
                .with(Hyperparameter.PATCH_SIZE, 8).withTraining(2, 16);
        TrainingRun run = new TrialTrainer().train(hp, sweep, 3, Duration.ZERO, e -> {
        });
        assertEquals(8, run.network().height(), "the network is built at the trial's crop size");
        assertEquals(2, run.epochs().size());
        assertTrue(Double.isFinite(run.lastValidationMse()), "validated on the sweep's 16x16 crops");
        assertTrue(MemoryCheck.neededBytes(hp.with(Hyperparameter.PATCH_SIZE, 32), sweep) > MemoryCheck.neededBytes(hp, sweep),
                "the memory check sizes a trial by its own crops");
    }

    @Test
    void aCropIsCutAtARandomPlaceAndExtendedByReflectionWhenTheImageIsSmaller() {
        float[] ramp = new float[10 * 40];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i / 400f; // every pixel its own value
        }
        Gallery one = new Gallery(List.of(new ImageSet(ramp, 1, 10, 40)));
        ImageSet crops = one.crops(16, 50, 3);
        Set<Float> starts = new HashSet<>();
        for (int k = 0; k < crops.count(); k++) {
            float[] crop = crops.image(k);
            starts.add(crop[0]);
            assertEquals(crop[8 * 16], crop[10 * 16], "row 10 of a 10-row image is its row 8, reflected");
            assertEquals(crop[0] + 1 / 400f, crop[1], 1e-6, "a crop is a window of the image");
        }
        assertTrue(starts.size() > 10, "cut at many places: " + starts.size());
        assertFalse(Arrays.equals(crops.pixels(), one.crops(16, 50, 4).pixels()), "another seed, other places");
    }
}

package org.daesweep.training;

import org.daesweep.TestData;
import org.daesweep.data.Dihedral;
import org.daesweep.data.ImageSet;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.runtime.NativeRuntime;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DenoiserTest {
    @Test
    void batchesOfOneSizeGiveEveryImageTheOutputItGetsInABatchOfItsOwn() {
        NativeRuntime.configure(1);
        // 301 images at batches of at most 256: two of 151, the second padded with a blank image.
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 8)
                .with(Hyperparameter.BATCH_NORM, true);
        DenoisingNetwork network = DenoisingNetwork.create(hp, 28, 28, 3, 1);
        ImageSet images = TestData.strokeImages(301, 28, 28);
        float[] all = new Denoiser(network).denoise(images).pixels();

        int size = images.imageSize();
        float[] tail = network.predict(Batches.range(images, 151, 301)).dup('c').data().asFloat();
        assertArrayEquals(tail, Arrays.copyOfRange(all, 151 * size, 301 * size));
        float[] head = network.predict(Batches.range(images, 0, 7)).dup('c').data().asFloat();
        assertArrayEquals(head, Arrays.copyOfRange(all, 0, 7 * size));
    }

    @Test
    void aSelfEnsembleTurnsWithItsInputWhereOnePassDoesNot() {
        NativeRuntime.configure(1);
        DenoisingNetwork network = DenoisingNetwork.create(Hyperparameters.referenceBaseline()
                .with(Hyperparameter.FILTERS, 8), 16, 16, 5, 1);
        ImageSet images = TestData.strokeImages(6, 16, 16);
        for (int t : new int[]{1, 5}) {
            ImageSet turned = Dihedral.apply(images, t);
            Denoiser ensemble = new Denoiser(network, true);
            float[] expected = Dihedral.apply(ensemble.denoise(images), t).pixels();
            float[] actual = ensemble.denoise(turned).pixels();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, "t=" + t + " pixel " + i);
            }
            Denoiser single = new Denoiser(network);
            assertFalse(Arrays.equals(
                    Dihedral.apply(single.denoise(images), t).pixels(), single.denoise(turned).pixels()),
                    "a random network is not symmetric by itself");
        }
    }
}

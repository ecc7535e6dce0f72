package org.daesweep.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryEstimateTest {
    @Test
    void countsTheReferenceCaesTensorsAsWorkedOutByHand() {
        // 28x28 in; ReLU commutes with pooling, so each level pools before its activation:
        // conv 32@28 (25088), pool and ReLU 32@14 (2 x 6272), conv 32@14, pool and ReLU 32@7 (6272 + 2 x 1568),
        // dropout and the bottom decoder level's conv and ReLU at 7x7 (3 x 1568), upsample, conv and ReLU
        // at 14x14 (3 x 6272), upsample to 28x28 (25088) and the 1-channel output conv (784).
        long expected = 25088 + 2 * 6272 + 6272 + 2 * 1568 + 3 * 1568 + 3 * 6272 + 25088 + 784;
        MemoryEstimate estimate = MemoryEstimate.of(Hyperparameters.referenceBaseline(), 28, 28);
        assertEquals(expected, estimate.activationFloats());
    }

    @Test
    void countsTheParametersTheNetworkHas() {
        Hyperparameters unet = Hyperparameters.referenceBaseline().with(Hyperparameter.MODEL, "unet")
                .with(Hyperparameter.CONVS, 2).with(Hyperparameter.BATCH_NORM, true).with(Hyperparameter.FILTERS, 16);
        for (Hyperparameters hp : new Hyperparameters[]{Hyperparameters.referenceBaseline(), unet}) {
            DenoisingNetwork network = DenoisingNetwork.create(hp, 28, 28, 1, 10);
            assertEquals(network.parameterCount(), MemoryEstimate.of(hp, 28, 28).parameterCount(), hp.model().label());
        }
    }

    @Test
    void growsWithTheBatchAndTheImage() {
        MemoryEstimate small = MemoryEstimate.of(Hyperparameters.referenceBaseline(), 28, 28);
        MemoryEstimate large = MemoryEstimate.of(Hyperparameters.referenceBaseline(), 56, 56);
        assertEquals(4 * small.activationFloats(), large.activationFloats());
        assertTrue(small.trainingBytes(1600, 240) > 10 * (small.trainingBytes(64, 240) - small.trainingBytes(1, 240)));
        assertEquals("1.5 GB", MemoryEstimate.readable(3L << 29));
        assertEquals("420 MB", MemoryEstimate.readable(420L << 20));
    }
}

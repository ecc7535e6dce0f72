package org.daesweep.model;

import org.daesweep.TestData;
import org.daesweep.UserException;
import org.daesweep.runtime.NativeRuntime;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DL4J-layer twin that dl4j-spark trains must be the same network as the SameDiff graph. */
class LayerGraphTest {
    @BeforeAll
    static void threads() {
        NativeRuntime.configure(2);
    }

    @Test
    void aTrainedLayerGraphConvertsToTheSameDenoiser() {
        INDArray x = Nd4j.create(TestData.strokeImages(16, 16, 16).pixels(), new long[]{16, 1, 16, 16}, 'c');
        INDArray noisy = x.mul(0.7).add(0.1);
        Hyperparameters cae = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 8)
                .with(Hyperparameter.BATCH_NORM, true).with(Hyperparameter.LOSS, "bce");
        Hyperparameters unet = cae.with(Hyperparameter.MODEL, "unet").with(Hyperparameter.CONVS, 2)
                .with(Hyperparameter.DROPOUT, 0.2).with(Hyperparameter.ACTIVATION, "elu");
        for (Hyperparameters hp : List.of(cae, unet)) {
            LayerGraph layers = new LayerGraph(hp, 16, 16);
            ComputationGraph graph = layers.build(3);
            for (int i = 0; i < 5; i++) {
                graph.fit(new DataSet(noisy, x));
            }
            DenoisingNetwork net = layers.toNetwork(graph, 3);
            INDArray expected = graph.outputSingle(false, noisy);
            INDArray actual = net.predict(noisy);
            assertTrue(expected.equalsWithEps(actual, 1e-4), hp.model() + ": max difference "
                    + expected.sub(actual).amaxNumber());
        }
    }

    @Test
    void residualLearningHasNoLayerForm() {
        Hyperparameters residual = Hyperparameters.referenceBaseline().with(Hyperparameter.RESIDUAL, true);
        UserException e = assertThrows(UserException.class, () -> new LayerGraph(residual, 16, 16));
        assertTrue(e.getMessage().startsWith("retrain.distributed: residual learning"), e.getMessage());
    }
}

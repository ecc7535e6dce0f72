package org.daesweep.model;

import org.daesweep.TestData;
import org.daesweep.UserException;
import org.daesweep.data.ImageSet;
import org.daesweep.training.NativeRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenoisingNetworkTest {
    @BeforeAll
    static void threads() {
        NativeRuntime.configure(2);
    }

    private static Hyperparameters hp(int depth, int filters, boolean halve, boolean bn, String loss) {
        return new Hyperparameters("cae", depth, filters, halve, 3, bn, "relu", loss, 1e-3, 16, 1);
    }

    private static INDArray batch(int n, int h, int w) {
        ImageSet images = TestData.strokeImages(n, h, w);
        return Nd4j.create(images.pixels(), new long[]{n, 1, h, w}, 'c');
    }

    @Test
    void outputHasTheInputShapeInUnitRange() {
        int[][] cases = {{28, 28, 2}, {32, 32, 3}, {16, 24, 3}};
        for (int[] c : cases) {
            DenoisingNetwork net = DenoisingNetwork.create(hp(c[2], 8, true, true, "mse"), c[0], c[1], 1);
            INDArray out = net.predict(batch(3, c[0], c[1]));
            assertArrayEquals(new long[]{3, 1, c[0], c[1]}, out.shape());
            assertTrue(out.minNumber().doubleValue() >= 0 && out.maxNumber().doubleValue() <= 1);
        }
    }

    @Test
    void referenceBaselineHasTheReferenceParameterCount() {
        // Conv32(1->32) + Conv32 + Conv32 + Conv32 + Conv1: 320 + 9248 + 9248 + 9248 + 289 (Keras reports 28,353).
        DenoisingNetwork net = DenoisingNetwork.create(Hyperparameters.referenceBaseline(), 28, 28, 1);
        assertEquals(28_353, net.parameterCount());
    }

    @Test
    void imageSidesMustDivideByTwoToTheDepth() {
        UserException e = assertThrows(UserException.class, () -> DenoisingNetwork.create(hp(3, 8, false, false, "mse"), 28, 28, 1));
        assertTrue(e.getMessage().contains("divisible by 8"), e.getMessage());
    }

    @Test
    void trainingLowersTheLossForEveryLoss() {
        INDArray clean = batch(32, 16, 16);
        INDArray noisy = clean.add(Nd4j.rand(DataType.FLOAT, 32, 1, 16, 16).mul(0.3));
        for (String loss : new String[]{"mse", "bce", "l1"}) {
            DenoisingNetwork net = DenoisingNetwork.create(hp(2, 8, false, true, loss), 16, 16, 3);
            double first = net.fit(noisy, clean);
            double last = first;
            for (int i = 0; i < 30; i++) {
                last = net.fit(noisy, clean);
            }
            assertTrue(Double.isFinite(first) && last < first * 0.9, loss + ": " + first + " -> " + last);
        }
    }

    @Test
    void sameSeedSameInitialNetwork() {
        INDArray x = batch(4, 16, 16);
        INDArray a = DenoisingNetwork.create(hp(2, 8, false, false, "mse"), 16, 16, 5).predict(x);
        INDArray b = DenoisingNetwork.create(hp(2, 8, false, false, "mse"), 16, 16, 5).predict(x);
        INDArray c = DenoisingNetwork.create(hp(2, 8, false, false, "mse"), 16, 16, 6).predict(x);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void batchNormGradientsMatchFiniteDifferences() {
        // BatchNorm is built from elementary ops (CaeGraph.batchNorm); check its backward pass.
        // tanh, not ReLU: finite differences across ReLU kinks are off by percents in float32.
        Hyperparameters h = new Hyperparameters("cae", 1, 4, false, 3, true, "tanh", "mse", 1e-3, 16, 1);
        CaeGraph graph = new CaeGraph(h, 8, 8);
        java.util.Map<String, INDArray> params = graph.initialParameters(3);
        params.get("bn_gamma").assign(Nd4j.createFromArray(0.5f, 1.5f, 1f, 2f));
        params.get("bn_beta").assign(Nd4j.createFromArray(0.1f, -0.2f, 0.3f, 0f));
        INDArray x = batch(6, 8, 8);
        INDArray y = x.mul(0.8).add(0.1);
        java.util.Map<String, INDArray> feed = java.util.Map.of(CaeGraph.INPUT, x, CaeGraph.LABEL, y);
        org.nd4j.autodiff.samediff.SameDiff sd = graph.training(params);
        java.util.Map<String, INDArray> grads = sd.calculateGradients(feed, "bn_gamma", "bn_beta", "w0");
        for (String name : new String[]{"bn_gamma", "bn_beta", "w0"}) {
            INDArray p = sd.getVariable(name).getArr();
            INDArray g = grads.get(name);
            for (int i = 0; i < 4; i++) {
                float original = p.getFloat(i);
                double step = 1e-2;
                p.putScalar(i, original + step);
                double up = sd.output(feed, CaeGraph.LOSS).get(CaeGraph.LOSS).getDouble(0);
                p.putScalar(i, original - step);
                double down = sd.output(feed, CaeGraph.LOSS).get(CaeGraph.LOSS).getDouble(0);
                p.putScalar(i, original);
                double numeric = (up - down) / (2 * step);
                double analytic = g.getDouble(i);
                assertEquals(numeric, analytic, 1e-2 * Math.abs(numeric) + 1e-5, name + "[" + i + "]");
            }
        }
    }

    @Test
    void batchNormUsesPopulationStatisticsAfterRecalibration() {
        DenoisingNetwork net = DenoisingNetwork.create(hp(2, 8, false, true, "mse"), 16, 16, 1);
        INDArray x = batch(16, 16, 16);
        INDArray before = net.predict(x);
        net.recalibrate(java.util.List.of(x));
        INDArray mean = net.parameters().get(CaeGraph.BN_MEAN);
        assertTrue(mean.sumNumber().doubleValue() != 0, "population mean set");
        assertNotEquals(before, net.predict(x));
        // Prediction of one image no longer depends on the rest of the batch.
        INDArray single = net.predict(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1))).dup();
        INDArray inBatch = net.predict(x).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1));
        assertTrue(single.equalsWithEps(inBatch, 1e-5));
    }

    @Test
    void modelFileRoundTripsPredictions() {
        DenoisingNetwork net = DenoisingNetwork.create(hp(2, 8, true, true, "bce"), 16, 16, 1);
        INDArray x = batch(8, 16, 16);
        net.fit(x, x);
        net.recalibrate(java.util.List.of(x));
        DenoisingNetwork loaded = ModelFile.read(new ByteArrayInputStream(ModelFile.toBytes(net)), "test");
        assertEquals(net.hyperparameters(), loaded.hyperparameters());
        assertEquals(net.predict(x), loaded.predict(x));
    }

    @Test
    void modelFileRejectsForeignContent() {
        UserException e = assertThrows(UserException.class,
                () -> ModelFile.read(new ByteArrayInputStream("not a zip at all".getBytes()), "x.zip"));
        assertTrue(e.getMessage().startsWith("x.zip: not a dae-sweep model"), e.getMessage());
    }
}

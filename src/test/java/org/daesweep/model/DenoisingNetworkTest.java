package org.daesweep.model;

import org.daesweep.TestData;
import org.daesweep.UserException;
import org.daesweep.data.ImageSet;
import org.daesweep.runtime.NativeRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.ByteArrayInputStream;
import java.util.Map;

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
        return Hyperparameters.referenceBaseline().with(Hyperparameter.DEPTH, depth).with(Hyperparameter.FILTERS, filters)
                .with(Hyperparameter.HALVE_SECOND, halve).with(Hyperparameter.BATCH_NORM, bn).with(Hyperparameter.LOSS, loss)
                .withTraining(1, 16);
    }

    private static DenoisingNetwork create(Hyperparameters hp, int height, int width, long seed) {
        return DenoisingNetwork.create(hp, height, width, seed, 1);
    }

    private static INDArray batch(int n, int h, int w) {
        ImageSet images = TestData.strokeImages(n, h, w);
        return Nd4j.create(images.pixels(), new long[]{n, 1, h, w}, 'c');
    }

    @Test
    void outputHasTheInputShapeInUnitRange() {
        int[][] cases = {{28, 28, 2}, {32, 32, 3}, {16, 24, 3}};
        for (int[] c : cases) {
            DenoisingNetwork net = create(hp(c[2], 8, true, true, "mse"), c[0], c[1], 1);
            INDArray out = net.predict(batch(3, c[0], c[1]));
            assertArrayEquals(new long[]{3, 1, c[0], c[1]}, out.shape());
            assertTrue(out.minNumber().doubleValue() >= 0 && out.maxNumber().doubleValue() <= 1);
        }
    }

    @Test
    void theCaeComputesTheTextbookOrderOfItsLayers() {
        // The graph pools before a monotonic activation (swish keeps the order) and convolves
        // upsampled tensors as sub-pixel convolutions: cheaper forms of the same function.
        String[][] cases = {{"relu", "3"}, {"tanh", "5"}, {"swish", "3"}, {"relu", "7"}};
        for (String[] c : cases) {
            String activation = c[0];
            int k = Integer.parseInt(c[1]);
            Hyperparameters h = hp(2, 4, false, false, "mse").with(Hyperparameter.ACTIVATION, activation)
                    .with(Hyperparameter.KERNEL, k);
            Map<String, INDArray> params = scaledParameters(h);
            INDArray x = batch(2, 12, 8);
            assertComputes(h, params, x, textbookCae(x, params, activation, k, a -> a), activation + ", kernel " + k);
        }
    }

    @Test
    void theUnetComputesTheTextbookOrderOfItsLayers() {
        // depth 1: the decoder convolves the concatenation of the upsampled bottleneck and the skip
        Hyperparameters unet = hp(1, 8, false, false, "bce").with(Hyperparameter.MODEL, "unet");
        Map<String, INDArray> params = scaledParameters(unet);
        INDArray x = batch(2, 12, 8);
        INDArray skip = Transforms.relu(conv(x, params, 0, 3), true);
        INDArray bottom = Transforms.relu(conv(maxPool(skip), params, 1, 3), true);
        INDArray decoded = Transforms.relu(conv(Nd4j.concat(1, upsample(bottom), skip), params, 2, 3), true);
        assertComputes(unet, params, x, Transforms.sigmoid(conv(decoded, params, 3, 3)), "U-Net");
    }

    @Test
    void batchNormIsTheTextbookFormWithBatchStatisticsInTrainingAndPopulationOnesInInference() {
        // Scales of both signs: a negative one turns the max pooling that follows into a min of its input.
        Hyperparameters h = hp(2, 4, false, true, "mse");
        Map<String, INDArray> params = scaledParameters(h);
        params.get("bn0_gamma").assign(Nd4j.create(new float[]{1.5f, -0.7f, 0.9f, -2f}));
        params.get("bn0_beta").assign(Nd4j.create(new float[]{0.2f, -0.4f, 0.1f, 0.5f}));
        params.get("bn0_mean").assign(Nd4j.create(new float[]{1f, 0.5f, 2f, 0.2f}));
        params.get("bn0_var").assign(Nd4j.create(new float[]{0.5f, 2f, 1f, 4f}));
        INDArray x = batch(2, 12, 8);
        INDArray population = textbookCae(x, params, "relu", 3,
                a -> normalise(a, params.get("bn0_mean"), params.get("bn0_var"), params));
        INDArray batch = textbookCae(x, params, "relu", 3,
                a -> normalise(a, a.mean(0, 2, 3), a.var(false, 0, 2, 3), params));
        INDArray inference = DenoisingNetwork.withParameters(h, 12, 8, params, 1, 1).predict(x);
        INDArray training = new SameDiffGraph(h, 12, 8).training(params, 1)
                .output(Map.of(SameDiffGraph.INPUT, x), SameDiffGraph.OUTPUT).get(SameDiffGraph.OUTPUT);
        assertTrue(population.stdNumber().doubleValue() > 0.1 && batch.stdNumber().doubleValue() > 0.1, "outputs vary");
        assertTrue(population.equalsWithEps(inference, 1e-5), "inference: " + population.sub(inference).amaxNumber());
        assertTrue(batch.equalsWithEps(training, 1e-5), "training: " + batch.sub(training).amaxNumber());
    }

    /** BatchNorm of bn0 in its textbook form, with the given statistics per channel. */
    private static INDArray normalise(INDArray a, INDArray mean, INDArray variance, Map<String, INDArray> params) {
        long[] perChannel = {1, a.size(1), 1, 1};
        INDArray std = Transforms.sqrt(variance.add(SameDiffGraph.BN_EPS));
        INDArray scale = params.get("bn0_gamma").div(std).reshape(perChannel);
        return a.sub(mean.reshape(perChannel)).mul(scale).add(params.get("bn0_beta").reshape(perChannel));
    }

    /** Initial parameters with kernels times 3 and random biases, so that the output varies widely. */
    private static Map<String, INDArray> scaledParameters(Hyperparameters h) {
        Map<String, INDArray> params = new SameDiffGraph(h, 12, 8).initialParameters(3);
        java.util.Random random = new java.util.Random(7);
        params.replaceAll((name, p) -> name.startsWith("b")
                ? p.assign(Nd4j.create(random.doubles(p.length(), -3, 1).toArray()).reshape(p.shape())) : p.mul(3));
        return params;
    }

    /**
     * The CAE of depth 2 with one convolution per level, in the textbook order of its layers;
     * {@code norm} acts between the first activation and its pooling.
     */
    private static INDArray textbookCae(INDArray x, Map<String, INDArray> params, String activation, int k,
                                        java.util.function.UnaryOperator<INDArray> norm) {
        INDArray y = x;
        for (int conv = 0; conv < 2; conv++) {
            INDArray a = activate(conv(y, params, conv, k), activation);
            y = maxPool(conv == 0 ? norm.apply(a) : a);
        }
        for (int conv = 2; conv < 4; conv++) {
            y = upsample(activate(conv(y, params, conv, k), activation));
        }
        return Transforms.sigmoid(conv(y, params, 4, k));
    }

    /** Both the inference and the training graph compute {@code expected} on 12x8 images. */
    private static void assertComputes(Hyperparameters h, Map<String, INDArray> params, INDArray x, INDArray expected,
                                       String what) {
        INDArray inference = DenoisingNetwork.withParameters(h, 12, 8, params, 1, 1).predict(x);
        INDArray training = new SameDiffGraph(h, 12, 8).training(params, 1)
                .output(Map.of(SameDiffGraph.INPUT, x), SameDiffGraph.OUTPUT).get(SameDiffGraph.OUTPUT);
        assertTrue(expected.stdNumber().doubleValue() > 0.1, what + ": the output varies across pixels");
        assertTrue(expected.equalsWithEps(inference, 1e-5), what + ", inference: " + expected.sub(inference).amaxNumber());
        assertTrue(expected.equalsWithEps(training, 1e-5), what + ", training: " + expected.sub(training).amaxNumber());
    }

    private static INDArray conv(INDArray x, Map<String, INDArray> params, int index, int k) {
        return Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(x, params.get("w" + index), params.get("b" + index))
                .addIntegerArguments(k, k, 1, 1, 0, 0, 1, 1, 1, 0, 0).build())[0];
    }

    private static INDArray activate(INDArray x, String activation) {
        return switch (activation) {
            case "relu" -> Transforms.relu(x, true);
            case "tanh" -> Transforms.tanh(x, true);
            default -> x.mul(Transforms.sigmoid(x, true));
        };
    }

    private static INDArray maxPool(INDArray x) {
        return Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x)
                .addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0).build())[0];
    }

    private static INDArray upsample(INDArray x) {
        return Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x)
                .addIntegerArguments(2, 2, 1).build())[0];
    }

    @Test
    void referenceBaselineHasTheReferenceParameterCount() {
        // Conv32(1->32) + Conv32 + Conv32 + Conv32 + Conv1: 320 + 9248 + 9248 + 9248 + 289 (Keras reports 28,353).
        DenoisingNetwork net = create(Hyperparameters.referenceBaseline(), 28, 28, 1);
        assertEquals(28_353, net.parameterCount());
    }

    @Test
    void imageSidesMustDivideByTwoToTheDepth() {
        UserException e = assertThrows(UserException.class, () -> create(hp(3, 8, false, false, "mse"), 28, 28, 1));
        assertTrue(e.getMessage().contains("divisible by 8"), e.getMessage());
    }

    @Test
    void trainingLowersTheLossForEveryLoss() {
        INDArray clean = batch(32, 16, 16);
        INDArray noisy = clean.add(Nd4j.rand(DataType.FLOAT, 32, 1, 16, 16).mul(0.3));
        for (String loss : new String[]{"mse", "bce", "l1"}) {
            DenoisingNetwork net = create(hp(2, 8, false, true, loss), 16, 16, 3);
            assertTrainingLowersTheLoss(net, noisy, clean, loss);
        }
    }

    @Test
    void everyModelFamilyTrains() {
        INDArray clean = batch(32, 16, 16);
        INDArray noisy = clean.add(Nd4j.rand(DataType.FLOAT, 32, 1, 16, 16).mul(0.3));
        Hyperparameters unet = hp(2, 8, false, true, "bce").with(Hyperparameter.MODEL, "unet");
        for (Hyperparameters h : java.util.List.of(unet, unet.with(Hyperparameter.DROPOUT, 0.3),
                unet.with(Hyperparameter.RESIDUAL, true), hp(2, 8, false, true, "bce").with(Hyperparameter.CONVS, 2))) {
            assertTrainingLowersTheLoss(create(h, 16, 16, 3), noisy, clean, h.toString());
        }
    }

    private static void assertTrainingLowersTheLoss(DenoisingNetwork net, INDArray noisy, INDArray clean, String what) {
        double first = net.fit(noisy, clean);
        double last = first;
        for (int i = 0; i < 30; i++) {
            last = net.fit(noisy, clean);
        }
        assertTrue(Double.isFinite(first) && last < first * 0.9, what + ": " + first + " -> " + last);
    }

    @Test
    void sameSeedSameInitialNetwork() {
        INDArray x = batch(4, 16, 16);
        INDArray a = create(hp(2, 8, false, false, "mse"), 16, 16, 5).predict(x);
        INDArray b = create(hp(2, 8, false, false, "mse"), 16, 16, 5).predict(x);
        INDArray c = create(hp(2, 8, false, false, "mse"), 16, 16, 6).predict(x);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void batchNormGradientsMatchFiniteDifferences() {
        // BatchNorm is built from elementary ops (SameDiffGraph.batchNorm); check its backward pass.
        // tanh, not ReLU: finite differences across ReLU kinks are off by percents in float32.
        Hyperparameters h = hp(1, 4, false, true, "mse").with(Hyperparameter.ACTIVATION, "tanh");
        assertGradientsMatchFiniteDifferences(h, false, "bn0_gamma", "bn0_beta", "w0");
        // Negative scales, whose pooling picks the smallest input of a window. Not w0 here: a step
        // of w0 moves every pixel, and the elements a window picks change often enough to put
        // central differences 10% off.
        assertGradientsMatchFiniteDifferences(h, true, "bn0_gamma", "bn0_beta");
    }

    @Test
    void unetGradientsMatchFiniteDifferences() {
        // w2 is the decoder convolution behind the concatenation of the skip connection. (Not w0:
        // BatchNorm right behind a 1-channel input makes the loss so curved in w0 that central
        // differences only approach the analytic gradient as the step shrinks to float32's noise.)
        Hyperparameters h = hp(1, 4, false, true, "bce").with(Hyperparameter.ACTIVATION, "tanh")
                .with(Hyperparameter.MODEL, "unet");
        assertGradientsMatchFiniteDifferences(h, false, "w1", "bn1_gamma", "w2", "bn2_beta", "w3");
    }

    /** @param mixedSigns every other BatchNorm scale negative */
    private static void assertGradientsMatchFiniteDifferences(Hyperparameters h, boolean mixedSigns, String... names) {
        SameDiffGraph graph = new SameDiffGraph(h, 8, 8);
        Map<String, INDArray> params = graph.initialParameters(3);
        Nd4j.getRandom().setSeed(11);
        for (String layer : SameDiffGraph.batchNormLayers(params)) {
            INDArray gamma = params.get(layer + "_gamma");
            gamma.assign(Nd4j.rand(DataType.FLOAT, gamma.shape()).add(0.5));
            for (int c = 1; mixedSigns && c < gamma.length(); c += 2) {
                gamma.putScalar(c, -gamma.getFloat(c));
            }
            params.get(layer + "_beta").assign(Nd4j.rand(DataType.FLOAT, params.get(layer + "_beta").shape()).sub(0.5));
        }
        INDArray x = batch(6, 8, 8);
        INDArray y = x.mul(0.8).add(0.1);
        Map<String, INDArray> feed = Map.of(SameDiffGraph.INPUT, x, SameDiffGraph.LABEL, y);
        org.nd4j.autodiff.samediff.SameDiff sd = graph.training(params, 1);
        Map<String, INDArray> grads = sd.calculateGradients(feed, names);
        for (String name : names) {
            INDArray p = sd.getVariable(name).getArr();
            INDArray g = grads.get(name);
            for (int i = 0; i < 4; i++) {
                float original = p.getFloat(i);
                double step = 1e-2;
                p.putScalar(i, original + step);
                double up = sd.output(feed, SameDiffGraph.LOSS).get(SameDiffGraph.LOSS).getDouble(0);
                p.putScalar(i, original - step);
                double down = sd.output(feed, SameDiffGraph.LOSS).get(SameDiffGraph.LOSS).getDouble(0);
                p.putScalar(i, original);
                double numeric = (up - down) / (2 * step);
                double analytic = g.getDouble(i);
                // float32 losses: allow a little against the parameter's largest gradient too
                double tolerance = 1e-2 * Math.abs(numeric) + 1e-2 * g.amaxNumber().doubleValue() + 1e-5;
                assertEquals(numeric, analytic, tolerance, name + "[" + i + "]");
            }
        }
    }

    @Test
    void unetHasSkipConnectionsAndDoublesFiltersPerLevel() {
        // conv 1->4 (40) | bottleneck 4->8 (296) | concat 8+4 -> 4 (436) | out 4->1 (37)
        Hyperparameters unet = hp(1, 4, false, false, "bce").with(Hyperparameter.MODEL, "unet");
        assertEquals(40 + 296 + 436 + 37, create(unet, 16, 16, 1).parameterCount());
        Hyperparameters deep = unet.with(Hyperparameter.DEPTH, 2).with(Hyperparameter.CONVS, 2)
                .with(Hyperparameter.BATCH_NORM, true);
        DenoisingNetwork net = create(deep, 16, 16, 1);
        assertEquals(10, SameDiffGraph.batchNormLayers(net.parameters()).size(), "BatchNorm after each of 10 convolutions");
        assertArrayEquals(new long[]{5, 1, 16, 16}, net.predict(batch(5, 16, 16)).shape());
    }

    @Test
    void aResidualNetworkStartsFromItsInput() {
        // With the last convolution zeroed, the correction is zero and the output is the input
        // (clamped to [0.01, 0.99], where its logit is finite).
        DenoisingNetwork net = create(hp(2, 8, false, true, "bce").with(Hyperparameter.RESIDUAL, true), 16, 16, 1);
        net.parameters().get("w4").assign(0);
        INDArray x = batch(4, 16, 16);
        INDArray expected = Transforms.min(
                Transforms.max(x, 0.01), 0.99);
        assertTrue(expected.equalsWithEps(net.predict(x), 1e-5));
    }

    @Test
    void aLinearResidualNetworkSubtractsItsEstimateAndPredictsWithinTheUnitRange() {
        // Zeroed, the last convolution adds only its bias: the prediction is the input plus that
        // bias, unclamped inside [0, 1] and clipped outside it, as a float image holding noise is.
        Hyperparameters h = hp(2, 8, false, true, "mse").with(Hyperparameter.RESIDUAL, true)
                .with(Hyperparameter.OUTPUT, "linear");
        DenoisingNetwork net = create(h, 16, 16, 1);
        net.parameters().get("w4").assign(0);
        net.parameters().get("b4").assign(0.05);
        INDArray clean = batch(4, 16, 16);
        INDArray x = clean.mul(1.4).sub(0.2);
        INDArray expected = Transforms.min(Transforms.max(x.add(0.05), 0.0), 1.0);
        assertTrue(expected.equalsWithEps(net.predict(x), 1e-6));
        assertTrue(x.minNumber().doubleValue() < 0 && x.maxNumber().doubleValue() > 1, "the input leaves [0, 1]");
        assertTrainingLowersTheLoss(create(h, 16, 16, 3), x, clean, "linear residual");
    }

    @Test
    void crossEntropyRefusesALinearOutput() {
        Hyperparameters h = hp(2, 8, false, true, "bce").with(Hyperparameter.OUTPUT, "linear");
        UserException e = assertThrows(UserException.class, () -> new SameDiffGraph(h, 16, 16));
        assertTrue(e.getMessage().contains("output = sigmoid"), e.getMessage());
    }

    @Test
    void dropoutActsWhileTrainingOnly() {
        Hyperparameters h = hp(2, 8, false, false, "bce").with(Hyperparameter.DROPOUT, 0.5);
        DenoisingNetwork net = create(h, 16, 16, 1);
        SameDiffGraph graph = new SameDiffGraph(h, 16, 16);
        INDArray x = batch(4, 16, 16);
        org.nd4j.autodiff.samediff.SameDiff training = graph.training(net.parameters(), 1);
        java.util.function.Function<INDArray, INDArray> train = mask -> training.output(
                Map.of(SameDiffGraph.INPUT, x, SameDiffGraph.DROPOUT_MASK, mask), SameDiffGraph.OUTPUT).get(SameDiffGraph.OUTPUT);
        INDArray mask = net.dropoutMask(4, 0.5);
        double kept = mask.neq(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertEquals(0.5, kept, 0.05);
        assertEquals(2.0, mask.maxNumber().doubleValue(), 1e-6, "kept units are scaled by 1/keep");
        assertEquals(net.predict(x), train.apply(net.dropoutMask(4, 0)), "no mask = inference");
        assertNotEquals(net.predict(x), train.apply(mask));
    }

    @Test
    void theLearningRateScheduleAdvancesWithEveryStep() {
        // Step schedule over 2 steps: the first step uses the base rate, the second a tenth of it.
        // So the first step matches a constant rate and the second does not.
        INDArray clean = batch(8, 16, 16);
        INDArray noisy = clean.mul(0.5);
        Hyperparameters constant = hp(2, 8, false, false, "mse");
        DenoisingNetwork a = DenoisingNetwork.create(constant, 16, 16, 1, 2);
        DenoisingNetwork b = DenoisingNetwork.create(constant.with(Hyperparameter.LR_SCHEDULE, "step"), 16, 16, 1, 2);
        a.fit(noisy, clean);
        b.fit(noisy, clean);
        assertEquals(a.parameters().get("w0"), b.parameters().get("w0"));
        a.fit(noisy, clean);
        b.fit(noisy, clean);
        assertNotEquals(a.parameters().get("w0"), b.parameters().get("w0"));
    }

    @Test
    void batchNormUsesPopulationStatisticsAfterRecalibration() {
        DenoisingNetwork net = create(hp(2, 8, false, true, "mse"), 16, 16, 1);
        INDArray x = batch(16, 16, 16);
        INDArray before = net.predict(x);
        net.recalibrate(java.util.List.of(x));
        INDArray mean = net.parameters().get("bn0_mean");
        assertTrue(mean.sumNumber().doubleValue() != 0, "population mean set");
        assertNotEquals(before, net.predict(x));
        // Prediction of one image no longer depends on the rest of the batch.
        INDArray single = net.predict(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1))).dup();
        INDArray inBatch = net.predict(x).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1));
        assertTrue(single.equalsWithEps(inBatch, 1e-5));
    }

    @Test
    void modelFileRoundTripsPredictions() {
        DenoisingNetwork net = create(hp(2, 8, true, true, "bce"), 16, 16, 1);
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

package org.daesweep.model;

import org.daesweep.TestData;
import org.daesweep.data.ImageSet;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.runtime.OpTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedPassTest {
    private static final int STEPS = 4;

    @BeforeAll
    static void threads() {
        NativeRuntime.configure(2);
    }

    private static Hyperparameters base() {
        return Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 8).withTraining(1, 6);
    }

    /** Every op family of the graphs: activations, losses, BatchNorm, dropout, residuals, outputs, U-Net, schedules. */
    private static List<Hyperparameters> variants() {
        return List.of(
                base(),
                base().with(Hyperparameter.BATCH_NORM, true).with(Hyperparameter.HALVE_SECOND, true)
                        .with(Hyperparameter.LOSS, "mse").with(Hyperparameter.LR_SCHEDULE, "cosine"),
                base().with(Hyperparameter.ACTIVATION, "swish").with(Hyperparameter.LOSS, "l1")
                        .with(Hyperparameter.DROPOUT, 0.3).with(Hyperparameter.RESIDUAL, true),
                base().with(Hyperparameter.ACTIVATION, "leakyrelu").with(Hyperparameter.CONVS, 2)
                        .with(Hyperparameter.LR_SCHEDULE, "step"),
                base().with(Hyperparameter.ACTIVATION, "elu").with(Hyperparameter.MODEL, "unet")
                        .with(Hyperparameter.BATCH_NORM, true),
                base().with(Hyperparameter.ACTIVATION, "tanh").with(Hyperparameter.MODEL, "unet")
                        .with(Hyperparameter.DEPTH, 1).with(Hyperparameter.DROPOUT, 0.2),
                base().with(Hyperparameter.MODEL, "unet").with(Hyperparameter.RESIDUAL, true)
                        .with(Hyperparameter.OUTPUT, "linear"));
    }

    @Test
    void replayedStepsTrainExactlyAsSameDiffDoes() {
        ImageSet images = TestData.strokeImages(6 * STEPS + 4, 16, 16);
        INDArray all = Nd4j.create(images.pixels(), new long[]{images.count(), 1, 16, 16}, 'c');
        for (Hyperparameters hp : variants()) {
            DenoisingNetwork planned = DenoisingNetwork.create(hp, 16, 16, 3, STEPS + 1);
            DenoisingNetwork sameDiff = DenoisingNetwork.create(hp, 16, 16, 3, STEPS + 1);
            // Another listener makes the network run every step through SameDiff.
            sameDiff.addTrainingListener(new BaseListener() {
                @Override
                public boolean isActive(Operation operation) {
                    return false;
                }
            });
            for (int s = 0; s < STEPS; s++) {
                INDArray clean = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(6 * s, 6 * s + 6));
                INDArray noisy = clean.mul(0.8).addi(0.1);
                assertEquals(sameDiff.fit(noisy, clean), planned.fit(noisy, clean), hp + ": loss of step " + s);
            }
            // A batch of another shape (an epoch's last) goes through SameDiff, and the plan stays valid.
            INDArray last = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(6 * STEPS, 6 * STEPS + 4));
            assertEquals(sameDiff.fit(last, last), planned.fit(last, last), hp + ": loss of a smaller batch");
            INDArray again = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6));
            assertEquals(sameDiff.fit(again, again), planned.fit(again, again), hp + ": loss after the smaller batch");
            assertEquals(sameDiff.iteration(), planned.iteration());
            assertSame(sameDiff.parameters(), planned.parameters(), hp + ": parameter ");
            assertSame(sameDiff.optimizerState(), planned.optimizerState(), hp + ": optimiser state ");
        }
    }

    @Test
    void replayedInferenceIsSameDiffs() {
        ImageSet images = TestData.strokeImages(12, 16, 16);
        INDArray all = Nd4j.create(images.pixels(), new long[]{12, 1, 16, 16}, 'c');
        INDArray first = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6));
        INDArray second = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(6, 12));
        for (Hyperparameters hp : variants()) {
            DenoisingNetwork net = DenoisingNetwork.create(hp, 16, 16, 3, 2);
            net.fit(first, first);
            net.fit(second, second);
            INDArray bySameDiff = net.predict(first); // the first inference runs through SameDiff and is planned
            INDArray replayed = net.predict(first);
            assertArrayEquals(bySameDiff.data().asFloat(), replayed.data().asFloat(), hp.toString());
            float[] kept = replayed.data().asFloat();
            INDArray other = net.predict(second);
            assertArrayEquals(kept, replayed.data().asFloat(), hp + ": a later batch overwrote an earlier output");
            assertNotEquals(replayed, other);
            // The plan reads the live parameters: trained further and recalibrated, it predicts what a
            // network newly made from those parameters does.
            net.fit(first, first);
            net.recalibrate(List.of(second));
            Map<String, INDArray> copy = new java.util.HashMap<>();
            net.parameters().forEach((name, value) -> copy.put(name, value.dup()));
            INDArray fresh = DenoisingNetwork.withParameters(hp, 16, 16, copy, 2, 3).predict(first);
            assertArrayEquals(fresh.data().asFloat(), net.predict(first).data().asFloat(), hp + ": after training on");
        }
    }

    @Test
    void releasedPlansFreeTheirBuffersAndTrainingGoesOnExactly() throws ReflectiveOperationException {
        ImageSet images = TestData.strokeImages(12, 16, 16);
        INDArray all = Nd4j.create(images.pixels(), new long[]{12, 1, 16, 16}, 'c');
        INDArray first = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6));
        INDArray second = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(6, 12));
        for (Hyperparameters hp : List.of(variants().get(1), variants().get(4))) {
            DenoisingNetwork released = DenoisingNetwork.create(hp, 16, 16, 3, 6);
            DenoisingNetwork kept = DenoisingNetwork.create(hp, 16, 16, 3, 6);
            for (DenoisingNetwork net : List.of(released, kept)) {
                net.fit(first, first);
                net.fit(second, second); // replays the plan the first step recorded
                net.predict(first);
            }
            INDArray loss = plan(released, "plan").get(SameDiffGraph.PIXEL_LOSS);
            INDArray output = plan(released, "inferencePlan").get(SameDiffGraph.OUTPUT);
            released.releasePlans();
            assertTrue(loss.wasClosed() && output.wasClosed(), hp + ": the plans' buffers are freed");
            for (INDArray batch : List.of(first, second, first)) {
                assertEquals(kept.fit(batch, batch), released.fit(batch, batch), hp + ": loss after the release");
            }
            assertSame(kept.parameters(), released.parameters(), hp + ": parameter ");
            assertSame(kept.optimizerState(), released.optimizerState(), hp + ": optimiser state ");
            assertArrayEquals(kept.predict(second).data().asFloat(), released.predict(second).data().asFloat(),
                    hp + ": prediction after the release");
        }
    }

    private static RecordedPass plan(DenoisingNetwork net, String field) throws ReflectiveOperationException {
        java.lang.reflect.Field f = DenoisingNetwork.class.getDeclaredField(field);
        f.setAccessible(true);
        return (RecordedPass) f.get(net);
    }

    @Test
    void aPlannedNetworkLearns() {
        // Guards the comparison above against both sides doing nothing.
        Hyperparameters hp = base();
        DenoisingNetwork net = DenoisingNetwork.create(hp, 16, 16, 3, 10);
        INDArray w = net.parameters().get("w0").dup();
        ImageSet images = TestData.strokeImages(6, 16, 16);
        INDArray clean = Nd4j.create(images.pixels(), new long[]{6, 1, 16, 16}, 'c');
        double first = net.fit(clean, clean);
        double last = first;
        for (int s = 0; s < 9; s++) {
            last = net.fit(clean, clean);
        }
        assertNotEquals(w, net.parameters().get("w0"));
        assertTrue(last < first, "loss " + first + " -> " + last);
    }

    @Test
    void aProfileTimesTheReplayedStepsAndLeavesTheirResultsAlone() {
        Hyperparameters hp = base().with(Hyperparameter.MODEL, "unet");
        DenoisingNetwork profiled = DenoisingNetwork.create(hp, 16, 16, 3, STEPS + 1);
        DenoisingNetwork plain = DenoisingNetwork.create(hp, 16, 16, 3, STEPS + 1);
        OpTimes times = new OpTimes();
        profiled.addTrainingListener(times);
        ImageSet images = TestData.strokeImages(6, 16, 16);
        INDArray clean = Nd4j.create(images.pixels(), new long[]{6, 1, 16, 16}, 'c');
        for (int s = 0; s < STEPS; s++) {
            assertEquals(plain.fit(clean, clean), profiled.fit(clean, clean), "loss of step " + s);
        }
        // The first step runs through SameDiff to record the plan; the profile sees the replays.
        assertEquals(STEPS - 1, times.passes());
        assertTrue(times.byTime().stream().anyMatch(e -> e.op().startsWith("maxpool2d_bp ")), "pooling's backward timed");
        assertTrue(times.byTime().stream().allMatch(e -> e.calls() == STEPS - 1), "each op once per replayed step");
    }

    private static void assertSame(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, value) -> assertArrayEquals(value.data().asFloat(), actual.get(name).data().asFloat(),
                what + name));
    }
}

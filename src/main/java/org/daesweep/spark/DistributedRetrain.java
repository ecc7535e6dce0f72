package org.daesweep.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Permutation;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.LayerGraph;
import org.daesweep.model.ModelFile;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.training.EpochImages;
import org.daesweep.training.TrainingData;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialStatus;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * retrain.distributed: the best configuration retrained data-parallel with dl4j-spark's
 * parameter averaging, on its DL4J-layer twin ({@link LayerGraph}); the result converts back to
 * the sweep's own network, so evaluation and the saved model are the same as after a
 * single-task retrain. docs/history/BENCHMARKS-2026-11.md has the measured comparison: slower and
 * worse than the single-task retrain on a small cluster, so it is off by default.
 */
final class DistributedRetrain {
    private static final Logger log = LoggerFactory.getLogger(DistributedRetrain.class);

    private DistributedRetrain() {
    }

    static TrialTasks.Retrained run(JavaSparkContext jsc, TrainingData data, Hyperparameters hp, long seed,
                                    int averagingFrequency, int threadsPerTask) {
        TrainingData all = data.merged().forTrial(hp, seed);
        LayerGraph layers = new LayerGraph(hp, all.height(), all.width());
        ComputationGraph graph = layers.build(seed);
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(hp.batchSize())
                .batchSizePerWorker(hp.batchSize()).averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(0).rddTrainingApproach(RDDTrainingApproach.Direct).rngSeed(seed)
                .trainingHooks(new Threads(threadsPerTask)).build();
        SparkComputationGraph spark = new SparkComputationGraph(jsc, graph, master);
        List<EpochStats> epochs = new ArrayList<>();
        Random shuffle = new Random(seed);
        for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
            long start = System.nanoTime();
            EpochImages images = EpochImages.of(all, hp.augmentsPoses(), seed, epoch);
            JavaRDD<DataSet> batches = jsc.parallelize(batches(images, hp.batchSize(), shuffle), jsc.defaultParallelism());
            spark.fit(batches);
            double seconds = (System.nanoTime() - start) / 1e9;
            epochs.add(new EpochStats(epoch, spark.getScore(), Double.NaN, Double.NaN, seconds,
                    System.currentTimeMillis(), Double.NaN));
            log.info("distributed retrain epoch {}/{}: score {} in {} s", epoch, hp.epochs(),
                    String.format("%.5f", spark.getScore()), Math.round(seconds));
        }
        DenoisingNetwork net = layers.toNetwork(spark.getNetwork(), seed);
        return TrialTasks.Retrained.ended(ModelFile.toBytes(net), epochs, TrialStatus.OK, "");
    }

    /** An epoch's training images as shuffled minibatches (the driver holds them already). */
    private static List<DataSet> batches(EpochImages images, int batchSize, Random shuffle) {
        ImageSet noisy = images.noisy();
        ImageSet clean = images.clean();
        int[] order = Permutation.identity(noisy.count());
        Permutation.shuffle(order, shuffle);
        List<DataSet> out = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int[] part = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            out.add(new DataSet(array(noisy.select(part)), array(clean.select(part))));
        }
        return out;
    }

    private static INDArray array(ImageSet images) {
        return Nd4j.create(images.pixels(), new long[]{images.count(), 1, images.height(), images.width()}, 'c');
    }

    /** Gives each worker's training thread the ND4J threads its task slot owns, as trials get. */
    private record Threads(int count) implements TrainingHook {
        @Override
        public void preUpdate(org.nd4j.linalg.dataset.api.DataSet minibatch, Model model) {
            NativeRuntime.configure(count);
        }

        @Override
        public void postUpdate(org.nd4j.linalg.dataset.api.DataSet minibatch, Model model) {
            // nothing after the step
        }

        @Override
        public void preUpdate(MultiDataSet minibatch, Model model) {
            NativeRuntime.configure(count);
        }

        @Override
        public void postUpdate(MultiDataSet minibatch, Model model) {
            // nothing after the step
        }
    }
}

package org.daesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daesweep.UserException;
import org.daesweep.config.SweepConfig;
import org.daesweep.data.IdxImageReader;
import org.daesweep.data.ImageSet;
import org.daesweep.metrics.ImageScores;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.ModelFile;
import org.daesweep.noise.NoiseModel;
import org.daesweep.plots.ImageGrids;
import org.daesweep.plots.LossCurves;
import org.daesweep.results.ResultStore;
import org.daesweep.results.TrialJournal;
import org.daesweep.results.SweepSummary;
import org.daesweep.results.Tables;
import org.daesweep.search.SweepProgress;
import org.daesweep.search.TrialSpec;
import org.daesweep.training.Denoiser;
import org.daesweep.training.NativeRuntime;
import org.daesweep.training.SweepData;
import org.daesweep.training.TrainingData;
import org.daesweep.training.TrialResult;
import org.daesweep.training.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a sweep on the driver: load, split, add noise and broadcast once; one Spark task per
 * trial; pick the best by validation MSE; retrain it on train+validation; evaluate on test;
 * write the tables, the model and the plots.
 */
public final class SweepDriver {
    private static final Logger log = LoggerFactory.getLogger(SweepDriver.class);
    public static final String MODEL_FILE = "best-model.zip";
    private static final int GRID_COLUMNS = 10;

    private final SweepConfig config;
    private final boolean restart;

    /** @param restart discard the trials an earlier run of this sweep finished, instead of resuming */
    public SweepDriver(SweepConfig config, boolean restart) {
        this.config = config;
        this.restart = restart;
    }

    public SweepSummary run() {
        ImageSet images = new IdxImageReader().read(config.images()).head(config.limit());
        List<TrialSpec> specs = specs(images);
        SweepData data = SweepData.prepare(images, config.split(), config.noise(), config.seed());
        log.info("{} images of {}x{}: {} train, {} validation, {} test; noise {}", images.count(), images.height(),
                images.width(), data.training().cleanTrain().count(), data.training().cleanValidation().count(),
                data.cleanTest().count(), config.noise().describe());

        SparkSession spark = session();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int threads = jsc.getConf().getInt("spark.task.cpus", 1);
            ResultStore store = new ResultStore(spark, config.sweepDir());
            TrialJournal journal = new TrialJournal(store);
            Map<String, TrialResult> finished = journal.open(TrialJournal.plan(dataDescription(), specs), restart);
            store.writeFile("config.conf", config.rendered().getBytes(StandardCharsets.UTF_8));
            List<TrialSpec> remaining = specs.stream().filter(s -> !finished.containsKey(s.id())).toList();
            if (!finished.isEmpty()) {
                log.info("resuming: {} of {} trials finished earlier, {} to run", finished.size(), specs.size(),
                        remaining.size());
            }
            Broadcast<TrainingData> broadcast = jsc.broadcast(data.training());
            log.info("training data: broadcast {}, read once per executor", broadcast.id());

            long start = System.nanoTime();
            Map<String, TrialResult> byId = new HashMap<>(finished);
            SweepProgress progress = new SweepProgress(specs.size(), finished.values());
            Consumer<TrialResult> onResult = r -> {
                journal.record(r);
                log.info(progress.finished(r));
            };
            TrialTasks.runTrials(jsc, broadcast, remaining, threads, config.trialTimeout(), onResult)
                    .forEach(r -> byId.put(r.spec().id(), r));
            List<TrialResult> trials = specs.stream().map(s -> byId.get(s.id())).toList();
            double trialSeconds = (System.nanoTime() - start) / 1e9;
            log.info("{} trials in {} s", remaining.size(), Math.round(trialSeconds));
            List<Row> epochRows = new ArrayList<>();
            trials.forEach(t -> t.epochs().forEach(e -> epochRows.add(Tables.epochRow(t.spec().id(), Tables.PHASE_SEARCH, e))));
            store.writeTable(Tables.TRIALS, Tables.trialsSchema(), trials.stream().map(Tables::trialRow).toList());
            store.writeTable(Tables.EPOCHS, Tables.epochsSchema(), epochRows);
            store.writeFile("loss-curves.png", LossCurves.png(trials));

            TrialResult best = best(trials);
            Hyperparameters retrainHp = best.spec().hyperparameters()
                    .withTraining(config.retrain().epochs(), config.retrain().batchSize());
            TrialTasks.Retrained retrained = TrialTasks.retrain(jsc, broadcast, retrainHp, best.spec().seed());
            if (retrained.status() != TrialStatus.OK) {
                throw new UserException("retraining " + best.spec().id() + " " + retrained.status().label()
                        + ": " + retrained.message());
            }
            retrained.epochs().forEach(e -> epochRows.add(Tables.epochRow(best.spec().id(), Tables.PHASE_RETRAIN, e)));
            store.writeTable(Tables.EPOCHS, Tables.epochsSchema(), epochRows);
            store.writeFile(MODEL_FILE, retrained.model());
            broadcast.destroy();

            // The trials are done: the driver may use every core it has for the evaluation.
            NativeRuntime.configure(Math.max(1, Runtime.getRuntime().availableProcessors()));
            Denoiser denoiser = new Denoiser(load(retrained.model()));
            ImageSet denoised = denoiser.denoise(data.noisyTest());
            ImageScores model = ImageScores.of(denoised, data.cleanTest());
            ImageScores noisy = ImageScores.of(data.noisyTest(), data.cleanTest());
            String noise = config.noise().evaluation().describe();
            List<Row> metrics = new ArrayList<>(List.of(
                    Tables.metricsRow("best", "test", noise, model),
                    Tables.metricsRow("noisy-input", "test", noise, noisy)));
            metrics.addAll(robustnessRows(denoiser, data.cleanTest()));
            store.writeTable(Tables.METRICS, Tables.metricsSchema(), metrics);
            store.writeTable(Tables.PER_IMAGE, Tables.perImageSchema(), Tables.perImageRows(data.testIndices(), model, noisy));
            store.writeFile("denoised-grid.png", ImageGrids.comparison(data.noisyTest(), denoised, data.cleanTest(), GRID_COLUMNS));
            store.writeFile("residual.png", ImageGrids.residual(data.noisyTest(), denoised, GRID_COLUMNS));
            store.close();
            return new SweepSummary(store.location(), trials, best, model, noisy, remaining.size(), trialSeconds, (System.nanoTime() - start) / 1e9);
        } finally {
            spark.stop();
        }
    }

    /**
     * The best model and the noisy input scored under each evaluate.robustness noise other than
     * the evaluation noise (whose rows are already there), with seeds apart from the split's.
     */
    private List<Row> robustnessRows(Denoiser denoiser, ImageSet clean) {
        List<Row> rows = new ArrayList<>();
        List<NoiseModel> noises = config.robustness();
        for (int i = 0; i < noises.size(); i++) {
            NoiseModel noise = noises.get(i);
            if (noise.equals(config.noise().evaluation())) {
                continue;
            }
            ImageSet noisy = noise.apply(clean, config.seed() + 3 + i);
            ImageScores model = ImageScores.of(denoiser.denoise(noisy), clean);
            ImageScores input = ImageScores.of(noisy, clean);
            log.info("robustness, {}: {} dB / SSIM {} (noisy input {} dB / {})", noise.describe(),
                    String.format("%.2f", model.meanPsnr()), String.format("%.3f", model.meanSsim()),
                    String.format("%.2f", input.meanPsnr()), String.format("%.3f", input.meanSsim()));
            rows.add(Tables.metricsRow("best", "test", noise.describe(), model));
            rows.add(Tables.metricsRow("noisy-input", "test", noise.describe(), input));
        }
        return rows;
    }

    /** What the trials' data depends on, for the journal's plan. */
    private String dataDescription() {
        return "images=" + config.images() + " limit=" + config.limit() + " " + config.split()
                + " noise=" + config.noise().describe() + " seed=" + config.seed();
    }

    private List<TrialSpec> specs(ImageSet images) {
        List<Hyperparameters> configs = config.sampler().sample(config.space(), config.trials(), config.searchSeed());
        List<TrialSpec> specs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Hyperparameters hp = configs.get(i);
            int scale = 1 << hp.depth();
            if (images.height() % scale != 0 || images.width() % scale != 0) {
                throw new UserException("depth " + hp.depth() + " (trial " + i + ") needs image sides divisible by "
                        + scale + ", but " + config.images() + " holds " + images.height() + "x" + images.width()
                        + " images: limit the depth in search.space or trial.depth");
            }
            specs.add(TrialSpec.of(i, config.seed(), hp));
        }
        return specs;
    }

    private static TrialResult best(List<TrialResult> trials) {
        return trials.stream()
                .filter(t -> t.status() == TrialStatus.OK && Double.isFinite(t.bestValidationMse()))
                .min(Comparator.comparingDouble(TrialResult::bestValidationMse))
                .orElseThrow(() -> new UserException("all " + trials.size() + " trials failed; the trials table "
                        + "has each one's status and error"));
    }

    private SparkSession session() {
        SparkConf conf = new SparkConf().setAppName("dae-sweep " + config.name());
        if (!conf.contains("spark.master")) {
            conf.setMaster(config.master());
        }
        if (!conf.contains("spark.task.cpus")) {
            conf.set("spark.task.cpus", Integer.toString(config.taskCpus()));
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private static DenoisingNetwork load(byte[] model) {
        return ModelFile.read(new ByteArrayInputStream(model), "the retrained model");
    }
}

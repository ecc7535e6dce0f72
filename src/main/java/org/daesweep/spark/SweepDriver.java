package org.daesweep.spark;

import org.apache.hadoop.conf.Configuration;
import org.daesweep.results.SweepDirectory;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daesweep.SweepFailedException;
import org.daesweep.UserException;
import org.daesweep.config.SweepConfig;
import org.daesweep.data.Gallery;
import org.daesweep.data.ImageSet;
import org.daesweep.data.ImageSize;
import org.daesweep.data.PatchSpec;
import org.daesweep.data.Storage;
import org.daesweep.metrics.ImageScores;
import org.daesweep.metrics.MeanScores;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.ModelFile;
import org.daesweep.model.TrainedOn;
import org.daesweep.model.Topology;
import org.daesweep.noise.NoiseModel;
import org.daesweep.plots.ImageGrids;
import org.daesweep.plots.LossCurves;
import org.daesweep.results.Publication;
import org.daesweep.results.Report;
import org.daesweep.results.ResultStore;
import org.daesweep.results.SweepLock;
import org.daesweep.results.SweepOutcome;
import org.daesweep.results.SweepSummary;
import org.daesweep.results.Tables;
import org.daesweep.results.TrialJournal;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.runtime.WarmUp;
import org.daesweep.search.SweepLoop;
import org.daesweep.search.SweepProgress;
import org.daesweep.search.scheduler.Scheduler;
import org.daesweep.search.space.Domain;
import org.daesweep.training.SweepData;
import org.daesweep.training.TrainingData;
import org.daesweep.training.TrainingWarmUp;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs a sweep on the driver: load, split, add noise and broadcast once; the search loop runs
 * the pieces of trials as Spark tasks; pick the best by validation MSE; retrain it on
 * train+validation; evaluate on test; write the tables, the model and the plots.
 */
public final class SweepDriver {
    private static final Logger log = LoggerFactory.getLogger(SweepDriver.class);
    private static final int GRID_COLUMNS = 10;
    private static final int GRID_SIDE = 96;

    /** The blocks of a sweep file that decide its search; retrain and evaluate have keys of their own. */
    private static final String[] SEARCH_BLOCKS = {"sweep", "data", "noise", "trial", "search"};

    private final SweepConfig config;
    private final Request request;
    private final TrialTasks.PieceBody pieceBody;

    /**
     * What a run is asked beyond the configuration.
     *
     * @param restart discard the trials an earlier run of this sweep finished, instead of resuming
     * @param extend  trials to add to the ones an earlier run of this sweep holds (0: none)
     * @param retrain retrain and evaluate the best again even when their settings are unchanged
     */
    public record Request(boolean restart, int extend, boolean retrain) {
        /** Whatever an earlier run finished is kept. */
        public static final Request RESUME = new Request(false, 0, false);
    }

    public SweepDriver(SweepConfig config, boolean restart, int extend) {
        this(config, new Request(restart, extend, false));
    }

    public SweepDriver(SweepConfig config, Request request) {
        this(config, request, TrialTasks.TRAINING);
    }

    /** A sweep whose tasks run {@code pieceBody} instead of training: the driver under load, alone. */
    SweepDriver(SweepConfig config, Request request, TrialTasks.PieceBody pieceBody) {
        this.config = config;
        this.request = request;
        this.pieceBody = pieceBody;
    }

    /** Load, split, broadcast, search, retrain, evaluate, write: the whole sweep, or what an earlier run left to do. */
    public SweepSummary run() {
        long start = System.nanoTime();
        SparkConf sparkConf = sparkConf(config);
        Storage storage = SparkStorage.of(sparkConf);
        requireReachable(storage);
        Optional<SweepSummary> done = finishedEarlier(storage.hadoop(), start);
        if (done.isPresent()) {
            return done.get();
        }
        // Every driver uses ND4J, if only to evaluate the best model: its loading overlaps the
        // reading of the data and Spark's start.
        WarmUp.loadLibraries();
        SweepData data = prepare(sparkConf, storage);
        noteBatchSizes(data);
        SparkSession spark = SparkSessions.start(sparkConf, config.spark().executorWait());
        try {
            return runOn(spark, data);
        } finally {
            spark.stop();
        }
    }

    private SweepSummary runOn(SparkSession spark, SweepData data) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CompletableFuture<Void> sparkWarmUp = TrialTasks.warmUp(jsc);
        if (spark.sparkContext().uiWebUrl().isDefined()) {
            log.info("Spark UI: {} (one job per piece of a trial)", spark.sparkContext().uiWebUrl().get());
        }
        ResultStore store = new ResultStore(spark, config.sweepDir());
        try (SweepLock lock = SweepLock.take(store);
             Interruption ignored = Interruption.install(jsc, config.sweepDir(), () -> {
                 store.clearStaging();
                 lock.close();
             })) {
            return runLocked(spark, jsc, store, data, sparkWarmUp);
        }
    }

    /**
     * The summary of an earlier run that did all this run is asked, read from the sweep directory
     * without loading data or starting Spark; empty when anything is left to do.
     */
    private Optional<SweepSummary> finishedEarlier(Configuration hadoop, long start) {
        if (request.restart() || request.extend() > 0 || request.retrain()) {
            return Optional.empty();
        }
        Optional<ResultStore> store = ResultStore.existing(hadoop, config.sweepDir());
        if (store.isEmpty() || store.get().exists(SweepDirectory.MANIFEST)) {
            return Optional.empty();
        }
        TrialJournal journal = new TrialJournal(store.get());
        Optional<SweepOutcome> outcome = journal.outcome();
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        List<TrialResult> trials = journal.pieces().values().stream().map(TrialPiece::result).toList();
        TrialResult best = best(trials);
        if (outcome.get().trials() != trials.size() || !outcome.get().keys().equals(keys(best))) {
            return Optional.empty();
        }
        return Optional.of(summary(store.get(), trials, best, outcome.get(), 0, 0, start, true));
    }

    /** The sweep itself, while this driver owns the sweep directory. */
    private SweepSummary runLocked(SparkSession spark, JavaSparkContext jsc, ResultStore store, SweepData data,
                                   CompletableFuture<Void> sparkWarmUp) {
        store.recover();
        TrialJournal journal = new TrialJournal(store);
        Map<String, TrialPiece> earlier = openJournal(store, journal);
        Optional<SweepOutcome> previous = journal.outcome();
        Broadcast<TrainingData> broadcast = jsc.broadcast(data.training());
        log.info("training data: broadcast {}, read once per executor", broadcast.id());
        Scheduler scheduler = config.search().scheduler().create(config.search().space().base().epochs());
        // Spark's one-time costs belong to the sweep's start, not to its first trials: until the
        // warm-up job ends, a trial's job only queues. If it failed, the trials' jobs meet the
        // same failure and report it (TrialTasks.runJob).
        sparkWarmUp.exceptionally(e -> null).join();
        long start = System.nanoTime();
        SearchOutcome search = previous.filter(o -> request.extend() == 0 && o.trials() == earlier.size()
                        && o.keys().search().equals(config.renderedSections(SEARCH_BLOCKS))).isPresent()
                ? new SearchOutcome(earlier.values().stream().map(TrialPiece::result).toList(), 0)
                : search(jsc, broadcast, store, journal, earlier, scheduler);
        double trialSeconds = (System.nanoTime() - start) / 1e9;
        Publication out = store.stage(spark);
        List<Row> epochRows = stageSearchTables(out, search.trials(), scheduler);
        TrialResult best = best(search.trials());
        SweepOutcome.Keys keys = keys(best);
        Optional<SweepOutcome> kept = previous.filter(o -> !request.retrain() && o.keys().retrain().equals(keys.retrain())
                && store.exists(SweepDirectory.MODEL));
        SweepOutcome outcome = kept.isPresent()
                ? keptRetrain(store, kept.get(), keys, search.trials().size(), data, out)
                : retrainAndEvaluate(jsc, data, broadcast, journal, best, search.trials().size(), keys, out);
        broadcast.destroy();
        outcome.retrainEpochs().forEach(e -> epochRows.add(Tables.EPOCHS.row(new Tables.EpochEntry(best.spec().id(), Tables.PHASE_RETRAIN, e))));
        out.writeTable(Tables.EPOCHS, epochRows);
        out.writeFile(SweepDirectory.OUTCOME, TrialJournal.encode(outcome));
        out.publish();
        journal.discardRetrain();
        Report.fromTables(spark, store);
        store.clearStaging();
        return summary(store, search.trials(), best, outcome, search.trialsRun(), trialSeconds, start, false);
    }

    /** The best trial retrained and its model evaluated, both staged. */
    private SweepOutcome retrainAndEvaluate(JavaSparkContext jsc, SweepData data, Broadcast<TrainingData> broadcast,
                                            TrialJournal journal, TrialResult best, int trials, SweepOutcome.Keys keys,
                                            Publication out) {
        TrialTasks.Retrained retrained = retrain(jsc, data, broadcast, journal, best);
        byte[] model = ModelFile.withTrainedOn(retrained.model(), trainedOn(data));
        out.writeFile(SweepDirectory.MODEL, model);
        Evaluation evaluation = evaluate(out, load(model), data);
        return evaluation.outcome(keys, trials, best.spec().id(), retrained.epochs());
    }

    /** What the model learned from, for denoise to compare its inputs with. */
    private TrainedOn trainedOn(SweepData data) {
        float[] clean = data.training().cleanTrain().pixels();
        double mean = 0;
        for (float v : clean) {
            mean += v;
        }
        NoiseModel noise = config.noise().training();
        return new TrainedOn(config.data().patches().size() > 0, mean / Math.max(1, clean.length),
                noise.strongestGaussianStd().orElse(Double.NaN), noise.describe());
    }

    /** The earlier run's retrained model, evaluated again only when the evaluation's settings changed. */
    private SweepOutcome keptRetrain(ResultStore store, SweepOutcome kept, SweepOutcome.Keys keys, int trials,
                                     SweepData data, Publication out) {
        log.info("retrain: the model of {} from an earlier run is kept (retrain settings unchanged; --retrain "
                + "trains it again)", kept.bestTrial());
        if (kept.keys().evaluation().equals(keys.evaluation())) {
            return kept.withKeys(keys, trials);
        }
        byte[] model = store.readFile(SweepDirectory.MODEL).orElseThrow();
        return evaluate(out, load(model), data).outcome(keys, trials, kept.bestTrial(), kept.retrainEpochs());
    }

    /** What each stage's result depends on, for deciding what a rerun must do again. */
    private SweepOutcome.Keys keys(TrialResult best) {
        String retrain = "best=" + best.spec().id() + " seed=" + best.spec().seed() + " "
                + best.spec().hyperparameters().toMap() + "\n" + config.renderedSections("retrain");
        return new SweepOutcome.Keys(config.renderedSections(SEARCH_BLOCKS), retrain,
                retrain + config.renderedSections("evaluate"));
    }

    private static SweepSummary summary(ResultStore store, List<TrialResult> trials, TrialResult best,
                                        SweepOutcome outcome, int trialsRun, double trialSeconds, long start,
                                        boolean finishedEarlier) {
        return new SweepSummary(store.location(), trials, best, outcome.best(),
                Optional.ofNullable(outcome.selfEnsembled()), outcome.noisy(),
                new SweepSummary.ThisRun(trialsRun, trialSeconds, (System.nanoTime() - start) / 1e9, finishedEarlier));
    }

    /** Every store the sweep reads or writes answers, before any work: a wrong endpoint fails now, not after training. */
    private void requireReachable(Storage storage) {
        storage.requireReachable(storage.path(config.data().images().location()));
        storage.requireReachable(storage.path(config.output().dir()));
    }

    /** The images read, split and noised; a local sweep's JVM starts warming up for them meanwhile. */
    private SweepData prepare(SparkConf sparkConf, Storage storage) {
        PatchSpec patches = config.data().patches();
        SweepData data;
        if (patches.on()) {
            Gallery images = config.data().images().readGallery(storage).head(config.data().limit());
            checkDepths(patches.size(), patches.size());
            checkCropDepths();
            warmUp(sparkConf, patches.size(), patches.size());
            data = SweepData.prepare(images, patches, config.data().split(), config.noise(), config.sweep().seed());
            log.info("{} images of {} sizes, split by image; {} validation crops; {} test images at their own sizes; "
                    + "training on {} crops of {}x{} per image, drawn afresh every epoch; noise {}", images.count(),
                    images.bySize().size(), data.training().cleanValidation().count(), data.testCount(),
                    patches.perImage(), patches.size(), patches.size(), config.noise().describe());
        } else {
            ImageSet images = config.data().images().read(storage).head(config.data().limit());
            checkDepths(images.height(), images.width());
            warmUp(sparkConf, images.height(), images.width());
            data = SweepData.prepare(images, config.data().split(), config.noise(), config.sweep().seed());
            log.info("{} images of {}x{}: {} train, {} validation, {} test; noise {}", images.count(), images.height(),
                    images.width(), data.training().cleanTrain().count(), data.training().cleanValidation().count(),
                    data.testCount(), config.noise().describe());
        }
        return data;
    }

    private void warmUp(SparkConf sparkConf, int height, int width) {
        String master = sparkConf.get("spark.master");
        if (master.equals("local") || master.startsWith("local[")) {
            // The trials run in this JVM: it warms up for them while the driver prepares the
            // data and Spark starts. A cluster's executors start after that, and their first
            // task arrives with them, so there a warm-up has nothing to overlap.
            WarmUp.startOnce(new TrainingWarmUp(config.search().space().base(), height, width,
                    sparkConf.getInt("spark.task.cpus", 1)));
        }
    }

    /** The trials an earlier run of this sweep finished, by id; the configuration is saved beside them. */
    private Map<String, TrialPiece> openJournal(ResultStore store, TrialJournal journal) {
        long start = System.nanoTime();
        Map<String, TrialPiece> earlier = journal.open(plan(), request.restart());
        if (!earlier.isEmpty()) {
            log.info("journal: {} trials read in {} s", earlier.size(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
        }
        if (request.extend() > 0 && earlier.isEmpty()) {
            throw new UserException(store.location() + ": nothing to extend (no trials of this sweep there yet)");
        }
        store.writeFile(SweepDirectory.CONFIG, config.rendered().getBytes(StandardCharsets.UTF_8));
        return earlier;
    }

    /** The trials, rungs and importance tables and the loss curves; returns the search's epoch rows, to which the retrain's are added. */
    private List<Row> stageSearchTables(Publication out, List<TrialResult> trials, Scheduler scheduler) {
        Report.Rows rows = Report.Rows.ofSearch(config.search().space(), trials, scheduler.rungs(), true);
        out.writeTable(Tables.TRIALS, rows.trials());
        out.writeTable(Tables.RUNGS, rows.rungs());
        out.writeTable(Tables.IMPORTANCE, rows.importance());
        out.writeFile(SweepDirectory.LOSS_CURVES, LossCurves.png(trials));
        return new ArrayList<>(rows.epochs());
    }

    /** The best configuration trained again on train+validation, in checkpointed tasks or data-parallel. */
    private TrialTasks.Retrained retrain(JavaSparkContext jsc, SweepData data, Broadcast<TrainingData> broadcast,
                                         TrialJournal journal, TrialResult best) {
        Hyperparameters hp = best.spec().hyperparameters()
                .withTraining(config.retrain().epochs(), config.retrain().batchSize());
        long start = System.nanoTime();
        TrialTasks.Retrained retrained = config.retrain().distributed()
                ? DistributedRetrain.run(jsc, data.training(), hp, best.spec().seed(),
                        config.retrain().averagingFrequency(), jsc.getConf().getInt("spark.task.cpus", 1))
                : CheckpointedRetrain.run(jsc, broadcast, hp, best.spec().seed(), journal, CheckpointedRetrain.PIECE);
        log.info("retrain of {}: {} epochs in {} s ({})", best.spec().id(), hp.epochs(),
                Math.round((System.nanoTime() - start) / 1e9),
                config.retrain().distributed() ? "distributed with dl4j-spark" : "one task at a time");
        if (retrained.status() != TrialStatus.OK) {
            throw new SweepFailedException("retraining " + best.spec().id() + " " + retrained.status().label()
                    + ": " + retrained.message());
        }
        return retrained;
    }

    private record SearchOutcome(List<TrialResult> trials, int trialsRun) {
    }

    /** The search loop over Spark tasks, journaling every piece as it ends and showing progress. */
    private SearchOutcome search(JavaSparkContext jsc, Broadcast<TrainingData> broadcast, ResultStore store,
                                 TrialJournal journal, Map<String, TrialPiece> earlier, Scheduler scheduler) {
        int threads = jsc.getConf().getInt("spark.task.cpus", 1);
        int slots = Math.max(1, jsc.defaultParallelism() / threads);
        int maxTrials = Math.max(config.search().trials(), earlier.size()) + request.extend();
        long capacity = config.search().sampler().capacity(config.search().space());
        if (capacity >= 0 && maxTrials > capacity) {
            throw new UserException("search.trials: " + maxTrials + " trials asked but the grid holds only " + capacity);
        }
        if (!earlier.isEmpty()) {
            log.info("resuming: {} trials journaled earlier; up to {} trials in all", earlier.size(), maxTrials);
        }
        log.info("search: {} sampler, {}, {} task slots", config.search().sampler().name(),
                scheduler.describe(), slots);
        SweepLoop loop = new SweepLoop(config.search().space(), config.search().sampler(), config.search().seed(), config.sweep().seed(), scheduler,
                config.search().budget(), maxTrials, slots);
        Set<String> ran = new HashSet<>();
        LiveReport report = new LiveReport(store, config.search().space(), scheduler.rungs(),
                earlier.values().stream().map(TrialPiece::result).toList());
        SweepLoop.Listener listener = listener(journal, ran, report);
        List<TrialResult> trials;
        try (TrialTasks tasks = new TrialTasks(jsc, broadcast, threads, config.search().trialTimeout(),
                config.search().space().domains().keySet(), pieceBody)) {
            trials = loop.run(earlier, tasks, listener);
        }
        if (loop.stopReason() != null) {
            log.info("search stopped: {}", loop.stopReason());
        }
        return new SearchOutcome(trials, ran.size());
    }

    /** Journals every piece that ended (not one Spark gave up on) and shows progress; notes the trials that ran. */
    private SweepLoop.Listener listener(TrialJournal journal, Set<String> ran, LiveReport report) {
        SweepProgress progress = new SweepProgress(System.console() != null ? System.out : null, log::info,
                config.search().space().domains().keySet());
        return new SweepLoop.Listener() {
            @Override
            public void pieceEnded(TrialPiece piece, TrialResult merged) {
                ran.add(merged.spec().id());
                if (!piece.retryable()) {
                    journal.record(new TrialPiece(merged, piece.checkpoint(), false));
                }
                report.pieceEnded(merged);
            }

            @Override
            public void progress(SweepLoop.Counts counts) {
                progress.update(counts);
            }
        };
    }

    private record Evaluation(MeanScores model, Optional<MeanScores> selfEnsembled, MeanScores noisy) {
        SweepOutcome outcome(SweepOutcome.Keys keys, int trials, String bestTrial, List<EpochStats> retrainEpochs) {
            return new SweepOutcome(keys, trials, bestTrial, retrainEpochs, model, selfEnsembled.orElse(null), noisy);
        }
    }

    /** Scores the retrained model on the test split (and under the robustness noises) and stages the tables and images. */
    private Evaluation evaluate(Publication store, DenoisingNetwork model, SweepData data) {
        // The trials are done: the driver may use every core it has for the evaluation.
        NativeRuntime.configure(Math.max(1, Runtime.getRuntime().availableProcessors()));
        TestDenoiser denoiser = new TestDenoiser(model, false);
        List<ImageSet> denoised = data.test().stream().map(t -> denoiser.denoise(t.noisy())).toList();
        ImageScores scores = scores(data, g -> denoised.get(g));
        ImageScores noisy = scores(data, g -> data.test().get(g).noisy());
        String noise = config.noise().evaluation().describe();
        List<Row> metrics = new ArrayList<>(List.of(
                Tables.METRICS.row(new Tables.MetricsEntry("best", "test", noise, scores)),
                Tables.METRICS.row(new Tables.MetricsEntry("noisy-input", "test", noise, noisy))));
        Optional<MeanScores> selfEnsembled = Optional.empty();
        if (config.evaluate().selfEnsemble()) {
            TestDenoiser ensemble = new TestDenoiser(model, true);
            ImageScores ensembled = scores(data, g -> ensemble.denoise(data.test().get(g).noisy()));
            selfEnsembled = Optional.of(ensembled.means());
            log.info("self-ensembled over flips and quarter turns: {} dB / SSIM {} (one pass: {} dB / {})",
                    String.format("%.2f", ensembled.meanPsnr()), String.format("%.3f", ensembled.meanSsim()),
                    String.format("%.2f", scores.meanPsnr()), String.format("%.3f", scores.meanSsim()));
            metrics.add(Tables.METRICS.row(new Tables.MetricsEntry("best-self-ensemble", "test", noise, ensembled)));
        }
        metrics.addAll(robustnessRows(denoiser, data));
        int[] indices = data.test().stream().flatMapToInt(t -> Arrays.stream(t.indices())).toArray();
        store.writeTable(Tables.METRICS, metrics);
        store.writeTable(Tables.PER_IMAGE, Tables.PER_IMAGE.rows(Tables.images(indices, scores, noisy)));
        SweepData.TestImages first = data.test().get(0);
        store.writeFile(SweepDirectory.DENOISED_GRID, ImageGrids.comparison(gridView(first.noisy()), gridView(denoised.get(0)),
                gridView(first.clean()), GRID_COLUMNS));
        store.writeFile(SweepDirectory.RESIDUAL, ImageGrids.residual(gridView(first.noisy()), gridView(denoised.get(0)),
                GRID_COLUMNS));
        return new Evaluation(scores.means(), selfEnsembled, noisy.means());
    }

    /** Every test image's scores, group after group: {@code candidates} gives a group's images to score. */
    private static ImageScores scores(SweepData data, IntFunction<ImageSet> candidates) {
        List<ImageScores> parts = new ArrayList<>();
        for (int g = 0; g < data.test().size(); g++) {
            parts.add(ImageScores.of(candidates.apply(g), data.test().get(g).clean()));
        }
        return ImageScores.concat(parts);
    }

    /** Photographs are shown by their centres in the pictures, at the size of a few digits. */
    private static ImageSet gridView(ImageSet images) {
        return images.height() > GRID_SIDE || images.width() > GRID_SIDE
                ? images.head(Math.min(images.count(), GRID_COLUMNS)).fittedTo(new ImageSize(GRID_SIDE, GRID_SIDE)) : images;
    }

    /**
     * The best model and the noisy input scored under each evaluate.robustness noise other than
     * the evaluation noise (whose rows are already there), with seeds apart from the split's.
     */
    private List<Row> robustnessRows(TestDenoiser denoiser, SweepData data) {
        List<Row> rows = new ArrayList<>();
        List<NoiseModel> noises = config.evaluate().robustness();
        for (int i = 0; i < noises.size(); i++) {
            NoiseModel noise = noises.get(i);
            if (noise.equals(config.noise().evaluation())) {
                continue;
            }
            long seed = config.sweep().seed() + 3 + i;
            List<ImageSet> noisy = new ArrayList<>();
            for (int g = 0; g < data.test().size(); g++) {
                noisy.add(noise.apply(data.test().get(g).clean(), seed + 1000L * g));
            }
            ImageScores model = scores(data, g -> denoiser.denoise(noisy.get(g)));
            ImageScores input = scores(data, noisy::get);
            log.info("robustness, {}: {} dB / SSIM {} (noisy input {} dB / {})", noise.describe(),
                    String.format("%.2f", model.meanPsnr()), String.format("%.3f", model.meanSsim()),
                    String.format("%.2f", input.meanPsnr()), String.format("%.3f", input.meanSsim()));
            rows.add(Tables.METRICS.row(new Tables.MetricsEntry("best", "test", noise.describe(), model)));
            rows.add(Tables.METRICS.row(new Tables.MetricsEntry("noisy-input", "test", noise.describe(), input)));
        }
        return rows;
    }

    /** What earlier trial results depend on, for the journal's plan (the trial count may grow: --extend). */
    private Map<String, Object> plan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("images", config.data().images().location());
        plan.put("data-format", config.data().images().format());
        plan.put("data-size", config.data().images().size() == null ? "" : config.data().images().size().toString());
        plan.put("limit", config.data().limit());
        if (config.data().patches().on()) { // absent otherwise, so plans written before patches still match
            plan.put("patches", config.data().patches().size() + "x" + config.data().patches().size() + ", "
                    + config.data().patches().perImage() + " per image");
        }
        plan.put("split", Map.of("test-fraction", config.data().split().testFraction(),
                "validation-fraction", config.data().split().validationFraction(), "seed", config.data().split().seed()));
        plan.put("noise", config.noise().describe());
        plan.put("seed", config.sweep().seed());
        plan.put("search-seed", config.search().seed());
        plan.put("sampler", config.search().sampler().name());
        plan.put("scheduler", Map.of("type", config.search().scheduler().type(), "min-epochs", config.search().scheduler().minEpochs(),
                "reduction", config.search().scheduler().reduction()));
        plan.put("timeout", config.search().trialTimeout().toString());
        Map<String, Object> space = new TreeMap<>();
        config.search().space().domains().forEach((h, d) -> space.put(h.key(), d.describe()));
        plan.put("space", space);
        plan.put("base", config.search().space().base().toMap());
        return plan;
    }

    /** Every depth the space can give must fit the training images (or patches), or no trial could run. */
    private void checkDepths(int height, int width) {
        for (Object v : searched(Hyperparameter.DEPTH)) {
            Topology.sizeProblem((Integer) v, height, width).ifPresent(problem -> {
                throw new UserException(problem + " (" + config.data().images()
                        + "): limit the depth in search.space or trial.depth");
            });
        }
    }

    /** Every crop side a trial may ask for fits every depth the search may try (0: the sweep's, checked already). */
    private void checkCropDepths() {
        for (Object side : searched(Hyperparameter.PATCH_SIZE)) {
            int s = (Integer) side;
            for (Object depth : searched(Hyperparameter.DEPTH)) {
                int d = (Integer) depth;
                if (s > 0 && Topology.sizeProblem(d, s, s).isPresent()) {
                    throw new UserException("patch-size " + s + ": depth " + d + " needs crop sides divisible by "
                            + (1 << d) + "; give search.space or trial.patch-size sides that are");
                }
            }
        }
    }

    /** The values the search may give a hyperparameter: its domain's, or the base configuration's one. */
    private List<Object> searched(Hyperparameter h) {
        Domain domain = config.search().space().domains().get(h);
        return domain == null ? List.of(config.search().space().base().values().get(h)) : domain.gridValues();
    }

    /** A batch larger than the training set trains on the whole set at once: said once, as the trials do just that. */
    private void noteBatchSizes(SweepData data) {
        int train = data.training().cleanTrain().count();
        Domain sizes = config.search().space().domains().get(Hyperparameter.BATCH_SIZE);
        List<Object> values = sizes == null ? List.of(config.search().space().base().batchSize())
                : sizes instanceof Domain.IntRange r ? List.of(r.max()) : sizes.gridValues();
        int largest = values.stream().mapToInt(v -> (Integer) v).max().orElseThrow();
        if (largest > train) {
            log.info("batch size {} is more than the {} training images: such trials train on all of them in one batch",
                    largest, train);
        }
    }

    private static TrialResult best(List<TrialResult> trials) {
        return trials.stream()
                .filter(t -> t.status() == TrialStatus.OK && Double.isFinite(t.bestValidationMse()))
                .min(Comparator.comparingDouble(TrialResult::bestValidationMse))
                .orElseThrow(() -> new SweepFailedException("no trial ended ok (" + SweepProgress.byStatus(trials.stream()
                        .collect(Collectors.groupingBy(TrialResult::status, Collectors.summingInt(t -> 1))))
                        + "), so there is nothing to retrain; the trials table has each one's status and error"));
    }

    /** spark-submit's settings (from system properties), with the sweep's defaults for what they leave out. */
    static SparkConf sparkConf(SweepConfig config) {
        SparkConf conf = new SparkConf().setAppName("dae-sweep " + config.sweep().name());
        if (!conf.contains("spark.master")) {
            conf.setMaster(config.spark().master());
        }
        if (!conf.contains("spark.task.cpus")) {
            conf.set("spark.task.cpus", Integer.toString(config.spark().taskCpus()));
        }
        if (!conf.contains("spark.executorEnv." + NativeRuntime.MALLOC_TUNABLES_VARIABLE)) {
            conf.setExecutorEnv(NativeRuntime.MALLOC_TUNABLES_VARIABLE, NativeRuntime.HUGE_PAGES_TUNABLE);
        }
        config.spark().hadoop().forEach((key, value) -> conf.setIfMissing("spark.hadoop." + key, value));
        return SparkStorage.committingTo(conf, config.output().dir());
    }

    private static DenoisingNetwork load(byte[] model) {
        return ModelFile.read(new ByteArrayInputStream(model), "the retrained model");
    }
}

package org.daesweep.results;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daesweep.metrics.ImageScores;
import org.daesweep.model.Hyperparameter;
import org.daesweep.search.importance.PedAnova;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.Epochs;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialStage;
import org.daesweep.trial.TrialStatus;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The result tables, each a list of column declarations ({@link Table}), and what one row of each
 * is made from. {@link #ALL} is what a sweep directory holds and what {@code sql} shows as views.
 */
public final class Tables {
    public static final String PHASE_SEARCH = "search";
    public static final String PHASE_RETRAIN = "retrain";

    /**
     * One trial as the trials table shows it.
     *
     * @param rungs      the scheduler's rung ends, to tell a completed trial from a pruned one
     * @param searchOver whether a trial left at a rung is pruned (the search ended) or paused
     */
    public record TrialEntry(TrialResult result, List<Double> rungs, boolean searchOver) {
        private EpochStats last() {
            return result.epochs().isEmpty() ? null : result.epochs().get(result.epochs().size() - 1);
        }
    }

    /** One rung a trial reached, with the scheduler's decision there. */
    public record RungEntry(String trialId, int rung, double epochs, double validationMse, String decision) {
    }

    /** One epoch of a trial or of the retrain ({@code phase}). */
    public record EpochEntry(String trialId, String phase, EpochStats stats) {
    }

    /**
     * One searched hyperparameter's importance (PED-ANOVA): its share and its divergence, from
     * {@code trials} trials compared at rung {@code rung}.
     */
    public record ImportanceEntry(Hyperparameter hyperparameter, double importance, double divergence, int trials,
                                  int rung) {
    }

    /** Test-split means of one model under one noise. */
    public record MetricsEntry(String model, String split, String noise, ImageScores scores) {
    }

    /** One test image: the best model's scores and the noisy input's, at position {@code i} of the score arrays. */
    public record ImageEntry(int imageIndex, ImageScores model, ImageScores noisy, int i) {
    }

    public static final Table<TrialEntry> TRIALS = new Table<>("trials", trialColumns());

    public static final Table<RungEntry> RUNGS = new Table<>("rungs", List.of(
            column("trial_id", DataTypes.StringType, RungEntry::trialId),
            column("rung", DataTypes.IntegerType, RungEntry::rung),
            column("epochs", DataTypes.DoubleType, RungEntry::epochs),
            column("val_mse", DataTypes.DoubleType, r -> nullIfNaN(r.validationMse())),
            column("decision", DataTypes.StringType, RungEntry::decision)));

    public static final Table<EpochEntry> EPOCHS = new Table<>("epochs", List.of(
            column("trial_id", DataTypes.StringType, EpochEntry::trialId),
            column("phase", DataTypes.StringType, EpochEntry::phase),
            column("epoch", DataTypes.IntegerType, e -> e.stats().epoch()),
            column("train_loss", DataTypes.DoubleType, e -> nullIfNaN(e.stats().trainLoss())),
            column("val_loss", DataTypes.DoubleType, e -> nullIfNaN(e.stats().validationLoss())),
            column("val_mse", DataTypes.DoubleType, e -> nullIfNaN(e.stats().validationMse())),
            column("seconds", DataTypes.DoubleType, e -> e.stats().seconds()),
            column("ended_at", DataTypes.TimestampType, e -> timestamp(e.stats().endedAt())),
            column("val_images_per_s", DataTypes.DoubleType, e -> rate(e.stats().validationImagesPerSecond()))));

    public static final Table<ImportanceEntry> IMPORTANCE = new Table<>("importance", List.of(
            column("hyperparameter", DataTypes.StringType, e -> e.hyperparameter().key()),
            column("importance", DataTypes.DoubleType, ImportanceEntry::importance),
            column("divergence", DataTypes.DoubleType, ImportanceEntry::divergence),
            column("trials", DataTypes.IntegerType, ImportanceEntry::trials),
            column("rung", DataTypes.IntegerType, ImportanceEntry::rung)));

    public static final Table<MetricsEntry> METRICS = new Table<>("metrics", List.of(
            column("model", DataTypes.StringType, MetricsEntry::model),
            column("split", DataTypes.StringType, MetricsEntry::split),
            column("noise", DataTypes.StringType, MetricsEntry::noise),
            column("mse", DataTypes.DoubleType, m -> m.scores().meanMse()),
            column("psnr", DataTypes.DoubleType, m -> m.scores().meanPsnr()),
            column("ssim", DataTypes.DoubleType, m -> m.scores().meanSsim()),
            column("images", DataTypes.IntegerType, m -> m.scores().count())));

    public static final Table<ImageEntry> PER_IMAGE = new Table<>("per_image", List.of(
            column("image_index", DataTypes.IntegerType, ImageEntry::imageIndex),
            column("mse", DataTypes.DoubleType, e -> e.model().mse()[e.i()]),
            column("psnr", DataTypes.DoubleType, e -> e.model().psnr()[e.i()]),
            column("ssim", DataTypes.DoubleType, e -> e.model().ssim()[e.i()]),
            column("noisy_mse", DataTypes.DoubleType, e -> e.noisy().mse()[e.i()]),
            column("noisy_psnr", DataTypes.DoubleType, e -> e.noisy().psnr()[e.i()]),
            column("noisy_ssim", DataTypes.DoubleType, e -> e.noisy().ssim()[e.i()])));

    /** Every table a sweep writes, in the order {@code sql} lists them. */
    public static final List<Table<?>> ALL = List.of(TRIALS, EPOCHS, RUNGS, IMPORTANCE, METRICS, PER_IMAGE);

    private Tables() {
    }

    /** The importance table's rows: empty while too few trials have reported. */
    public static List<ImportanceEntry> importance(SearchSpace space, List<TrialResult> trials) {
        return PedAnova.of(space, trials).map(i -> {
            Map<Hyperparameter, Double> shares = i.shares();
            return i.divergences().entrySet().stream()
                    .map(e -> new ImportanceEntry(e.getKey(), shares.get(e.getKey()), e.getValue(), i.trials(), i.rung()))
                    .toList();
        }).orElse(List.of());
    }

    private static List<Table.Column<TrialEntry>> trialColumns() {
        List<Table.Column<TrialEntry>> c = new ArrayList<>();
        c.add(column("trial_id", DataTypes.StringType, t -> t.result().spec().id()));
        c.add(column("trial_index", DataTypes.IntegerType, t -> t.result().spec().index()));
        c.add(column("seed", DataTypes.LongType, t -> t.result().spec().seed()));
        for (Hyperparameter h : Hyperparameter.values()) {
            c.add(column(h.column(), sparkType(h.type()), t -> t.result().spec().hyperparameters().toMap().get(h.key())));
        }
        c.add(column("status", DataTypes.StringType, t -> t.result().status().label()));
        c.add(column("rung", DataTypes.IntegerType, t -> t.result().rung() < 0 ? null : t.result().rung()));
        c.add(column("stop_reason", DataTypes.StringType, t -> stopReason(t.result(), t.rungs(), t.searchOver())));
        c.add(column("best_val_mse", DataTypes.DoubleType, t -> nullIfNaN(t.result().bestValidationMse())));
        c.add(column("final_train_loss", DataTypes.DoubleType, t -> t.last() == null ? null : nullIfNaN(t.last().trainLoss())));
        c.add(column("final_val_loss", DataTypes.DoubleType,
                t -> t.last() == null ? null : nullIfNaN(t.last().validationLoss())));
        c.add(column("epochs_run", DataTypes.DoubleType, t -> t.result().epochsTrained()));
        c.add(column("parameters", DataTypes.LongType, t -> t.result().parameterCount()));
        c.add(column("seconds", DataTypes.DoubleType, t -> t.result().seconds()));
        c.add(column("seconds_per_epoch", DataTypes.DoubleType, t -> t.result().epochs().isEmpty() ? null
                : t.result().epochs().stream().mapToDouble(EpochStats::seconds).average().orElseThrow()));
        c.add(column("inference_images_per_s", DataTypes.DoubleType, t -> inferenceRate(t.result().epochs())));
        c.add(column("ended_at", DataTypes.TimestampType, t -> t.last() == null ? null : timestamp(t.last().endedAt())));
        c.add(column("error", DataTypes.StringType,
                t -> t.result().error() == null || t.result().error().isEmpty() ? null : t.result().error()));
        c.add(column("executor", DataTypes.StringType, t -> t.result().executor()));
        c.add(column("host", DataTypes.StringType, t -> t.result().host()));
        return c;
    }

    /** The median of the epochs' validation speeds: one figure per configuration, steadier than any one pass. */
    private static Double inferenceRate(List<EpochStats> epochs) {
        double[] rates = epochs.stream().mapToDouble(EpochStats::validationImagesPerSecond)
                .filter(r -> Double.isFinite(r) && r > 0).sorted().toArray();
        return rates.length == 0 ? null : rates[rates.length / 2];
    }

    private static Double rate(double r) {
        return Double.isFinite(r) && r > 0 ? r : null;
    }

    private static Timestamp timestamp(long millis) {
        return millis > 0 ? new Timestamp(millis) : null;
    }

    private static <E> Table.Column<E> column(String name, DataType type, Function<E, Object> value) {
        return new Table.Column<>(name, type, value);
    }

    private static String stopReason(TrialResult r, List<Double> rungs, boolean searchOver) {
        TrialStage stage = r.stage(rungs.size() - 1, searchOver);
        return switch (stage) {
            case STOPPED -> r.status().label();
            case COMPLETED -> stage.label();
            case PAUSED, PRUNED -> stage.label() + " at rung " + r.rung() + " (" + Epochs.format(rungs.get(r.rung()))
                    + " epochs)";
        };
    }

    /**
     * A trial's rungs with the scheduler's decision at each: promoted, completed (the last rung),
     * stopped (not promoted when the sweep ended), or the status of a trial that failed on its way.
     */
    public static List<RungEntry> rungs(TrialResult r, List<Double> rungs) {
        List<RungEntry> entries = new ArrayList<>();
        String id = r.spec().id();
        for (int k = 0; k <= r.rung(); k++) {
            String decision = k < r.rung() ? "promoted" : k == rungs.size() - 1 ? "completed"
                    : r.status() == TrialStatus.OK ? "stopped" : "promoted";
            entries.add(new RungEntry(id, k, rungs.get(k), r.rungObjectives().get(k), decision));
        }
        if (r.status() != TrialStatus.OK) {
            entries.add(new RungEntry(id, r.rung() + 1, r.epochsTrained(), r.bestValidationMse(), r.status().label()));
        }
        return entries;
    }

    /** One entry per test image, keyed by position in the source file. */
    public static List<ImageEntry> images(int[] imageIndices, ImageScores model, ImageScores noisy) {
        List<ImageEntry> entries = new ArrayList<>(imageIndices.length);
        for (int i = 0; i < imageIndices.length; i++) {
            entries.add(new ImageEntry(imageIndices[i], model, noisy, i));
        }
        return entries;
    }

    private static DataType sparkType(Hyperparameter.Type type) {
        return switch (type) {
            case INT -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING -> DataTypes.StringType;
        };
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Rows made here carry no schema; these carry {@code schema}, so their fields are read by name as the tables' are. */
    public static List<Row> withSchema(List<Row> rows, StructType schema) {
        return rows.stream().<Row>map(r -> {
            Object[] values = new Object[r.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            return new GenericRowWithSchema(values, schema);
        }).toList();
    }
}

package org.daesweep.results;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daesweep.metrics.ImageScores;
import org.daesweep.model.Hyperparameter;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.Epochs;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialStage;
import org.daesweep.trial.TrialStatus;

import java.util.ArrayList;
import java.util.List;

/** Schemas of the result tables and the rows of each; the README's table reference mirrors this. */
public final class Tables {
    public static final String TRIALS = "trials";
    public static final String EPOCHS = "epochs";
    public static final String METRICS = "metrics";
    public static final String PER_IMAGE = "per_image";
    public static final String RUNGS = "rungs";

    public static final String PHASE_SEARCH = "search";
    public static final String PHASE_RETRAIN = "retrain";

    private Tables() {
    }

    public static StructType trialsSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(field("trial_id", DataTypes.StringType));
        f.add(field("trial_index", DataTypes.IntegerType));
        f.add(field("seed", DataTypes.LongType));
        for (Hyperparameter h : Hyperparameter.values()) {
            f.add(field(h.column(), sparkType(h.type())));
        }
        f.add(field("status", DataTypes.StringType));
        f.add(field("rung", DataTypes.IntegerType));
        f.add(field("stop_reason", DataTypes.StringType));
        f.add(field("best_val_mse", DataTypes.DoubleType));
        f.add(field("final_train_loss", DataTypes.DoubleType));
        f.add(field("final_val_loss", DataTypes.DoubleType));
        f.add(field("epochs_run", DataTypes.DoubleType));
        f.add(field("parameters", DataTypes.LongType));
        f.add(field("seconds", DataTypes.DoubleType));
        f.add(field("seconds_per_epoch", DataTypes.DoubleType));
        f.add(field("error", DataTypes.StringType));
        f.add(field("executor", DataTypes.StringType));
        f.add(field("host", DataTypes.StringType));
        return new StructType(f.toArray(StructField[]::new));
    }

    /**
     * @param rungs      the scheduler's rung ends, to tell a completed trial from a pruned one
     * @param searchOver whether a trial left at a rung is pruned (the search ended) or paused
     */
    public static Row trialRow(TrialResult r, List<Double> rungs, boolean searchOver) {
        List<Object> v = new ArrayList<>();
        v.add(r.spec().id());
        v.add(r.spec().index());
        v.add(r.spec().seed());
        v.addAll(r.spec().hyperparameters().toMap().values());
        v.add(r.status().label());
        v.add(r.rung() < 0 ? null : r.rung());
        v.add(stopReason(r, rungs, searchOver));
        v.add(nullIfNaN(r.bestValidationMse()));
        EpochStats last = r.epochs().isEmpty() ? null : r.epochs().get(r.epochs().size() - 1);
        v.add(last == null ? null : nullIfNaN(last.trainLoss()));
        v.add(last == null ? null : nullIfNaN(last.validationLoss()));
        v.add(r.epochsTrained());
        v.add(r.parameterCount());
        v.add(r.seconds());
        v.add(r.epochs().isEmpty() ? null : r.epochs().stream().mapToDouble(EpochStats::seconds).average().orElseThrow());
        v.add(r.error() == null || r.error().isEmpty() ? null : r.error());
        v.add(r.executor());
        v.add(r.host());
        return RowFactory.create(v.toArray());
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

    public static StructType rungsSchema() {
        return new StructType(new StructField[]{
                field("trial_id", DataTypes.StringType),
                field("rung", DataTypes.IntegerType),
                field("epochs", DataTypes.DoubleType),
                field("val_mse", DataTypes.DoubleType),
                field("decision", DataTypes.StringType)});
    }

    /**
     * A trial's rungs with the scheduler's decision at each: promoted, completed (the last rung),
     * stopped (not promoted when the sweep ended), or the status of a trial that failed on its way.
     */
    public static List<Row> rungRows(TrialResult r, List<Double> rungs) {
        List<Row> rows = new ArrayList<>();
        String id = r.spec().id();
        for (int k = 0; k <= r.rung(); k++) {
            String decision = k < r.rung() ? "promoted" : k == rungs.size() - 1 ? "completed"
                    : r.status() == TrialStatus.OK ? "stopped" : "promoted";
            rows.add(RowFactory.create(id, k, rungs.get(k),
                    nullIfNaN(r.rungObjectives().get(k)), decision));
        }
        if (r.status() != TrialStatus.OK) {
            rows.add(RowFactory.create(id, r.rung() + 1, r.epochsTrained(), nullIfNaN(r.bestValidationMse()),
                    r.status().label()));
        }
        return rows;
    }

    public static StructType epochsSchema() {
        return new StructType(new StructField[]{
                field("trial_id", DataTypes.StringType),
                field("phase", DataTypes.StringType),
                field("epoch", DataTypes.IntegerType),
                field("train_loss", DataTypes.DoubleType),
                field("val_loss", DataTypes.DoubleType),
                field("val_mse", DataTypes.DoubleType),
                field("seconds", DataTypes.DoubleType)});
    }

    public static Row epochRow(String trialId, String phase, EpochStats e) {
        return RowFactory.create(trialId, phase, e.epoch(), nullIfNaN(e.trainLoss()), nullIfNaN(e.validationLoss()),
                nullIfNaN(e.validationMse()), e.seconds());
    }

    public static StructType metricsSchema() {
        return new StructType(new StructField[]{
                field("model", DataTypes.StringType),
                field("split", DataTypes.StringType),
                field("noise", DataTypes.StringType),
                field("mse", DataTypes.DoubleType),
                field("psnr", DataTypes.DoubleType),
                field("ssim", DataTypes.DoubleType),
                field("images", DataTypes.IntegerType)});
    }

    public static Row metricsRow(String model, String split, String noise, ImageScores s) {
        return RowFactory.create(model, split, noise, s.meanMse(), s.meanPsnr(), s.meanSsim(), s.count());
    }

    public static StructType perImageSchema() {
        return new StructType(new StructField[]{
                field("image_index", DataTypes.IntegerType),
                field("mse", DataTypes.DoubleType),
                field("psnr", DataTypes.DoubleType),
                field("ssim", DataTypes.DoubleType),
                field("noisy_mse", DataTypes.DoubleType),
                field("noisy_psnr", DataTypes.DoubleType),
                field("noisy_ssim", DataTypes.DoubleType)});
    }

    /** One row per test image: the best model's scores and the noisy input's, keyed by position in the source file. */
    public static List<Row> perImageRows(int[] imageIndices, ImageScores model, ImageScores noisy) {
        List<Row> rows = new ArrayList<>(imageIndices.length);
        for (int i = 0; i < imageIndices.length; i++) {
            rows.add(RowFactory.create(imageIndices[i], model.mse()[i], model.psnr()[i], model.ssim()[i],
                    noisy.mse()[i], noisy.psnr()[i], noisy.ssim()[i]));
        }
        return rows;
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
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

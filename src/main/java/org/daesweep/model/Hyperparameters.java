package org.daesweep.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** One complete, validated set of hyperparameters: what a trial trains. */
public record Hyperparameters(
        String model,
        int depth,
        int filters,
        boolean halveSecond,
        int kernel,
        boolean batchNorm,
        String activation,
        String loss,
        double learningRate,
        int batchSize,
        int epochs) implements Serializable {

    /** The reference study's baseline CAE (Conv32-Pool-Conv32-Pool | Conv32-Up-Conv32-Up-Conv1). */
    public static Hyperparameters referenceBaseline() {
        return new Hyperparameters("cae", 2, 32, false, 3, false, "relu", "mse", 1e-3, 128, 15);
    }

    /**
     * Builds from a map keyed by {@link Hyperparameter#key()}; every key must be present.
     *
     * @throws IllegalArgumentException naming the key when a value is missing or not legal
     */
    public static Hyperparameters fromMap(Map<String, ?> values) {
        Map<Hyperparameter, Object> v = new LinkedHashMap<>();
        for (Hyperparameter h : Hyperparameter.values()) {
            if (!values.containsKey(h.key())) {
                throw new IllegalArgumentException(h.key() + ": missing");
            }
            try {
                v.put(h, h.coerce(values.get(h.key())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(h.key() + ": " + e.getMessage(), e);
            }
        }
        return new Hyperparameters(
                (String) v.get(Hyperparameter.MODEL),
                (Integer) v.get(Hyperparameter.DEPTH),
                (Integer) v.get(Hyperparameter.FILTERS),
                (Boolean) v.get(Hyperparameter.HALVE_SECOND),
                (Integer) v.get(Hyperparameter.KERNEL),
                (Boolean) v.get(Hyperparameter.BATCH_NORM),
                (String) v.get(Hyperparameter.ACTIVATION),
                (String) v.get(Hyperparameter.LOSS),
                (Double) v.get(Hyperparameter.LEARNING_RATE),
                (Integer) v.get(Hyperparameter.BATCH_SIZE),
                (Integer) v.get(Hyperparameter.EPOCHS));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Hyperparameter.MODEL.key(), model);
        m.put(Hyperparameter.DEPTH.key(), depth);
        m.put(Hyperparameter.FILTERS.key(), filters);
        m.put(Hyperparameter.HALVE_SECOND.key(), halveSecond);
        m.put(Hyperparameter.KERNEL.key(), kernel);
        m.put(Hyperparameter.BATCH_NORM.key(), batchNorm);
        m.put(Hyperparameter.ACTIVATION.key(), activation);
        m.put(Hyperparameter.LOSS.key(), loss);
        m.put(Hyperparameter.LEARNING_RATE.key(), learningRate);
        m.put(Hyperparameter.BATCH_SIZE.key(), batchSize);
        m.put(Hyperparameter.EPOCHS.key(), epochs);
        return m;
    }

    /** A copy with other training length and batch size, as the final retrain uses. */
    public Hyperparameters withTraining(int newEpochs, int newBatchSize) {
        Map<String, Object> m = toMap();
        m.put(Hyperparameter.EPOCHS.key(), newEpochs);
        m.put(Hyperparameter.BATCH_SIZE.key(), newBatchSize);
        return fromMap(m);
    }

    /** Filters of encoder block {@code i}; the reference rule halves every block after the first. */
    public int filtersAt(int block) {
        return halveSecond ? Math.max(1, filters >> block) : filters;
    }
}

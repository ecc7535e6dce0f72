package org.daesweep.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One complete, validated set of hyperparameters: what a trial trains.
 *
 * @param model        the architecture: {@code cae} (plain encoder-decoder) or {@code unet} (skip connections)
 * @param depth        pooling levels
 * @param convs        convolutions per block: 1 is the reference CAE, 2 a deeper one
 * @param filters      filters of the first level; a U-Net doubles them per level
 * @param halveSecond  CAE only: the reference rule that halves the filters after the first block
 * @param batchNorm    CAE: after the first convolution, as the reference study; U-Net: after every one
 * @param dropout      rate of (inverted) dropout on the deepest features while training
 * @param residual     the network learns a correction of the noisy input instead of the image
 * @param lrSchedule   {@code constant}, {@code cosine} decay to 1% or {@code step} (x0.1 at 50% and 75%)
 * @param augment      {@code none}, or {@code dihedral}: each epoch shows every training image in a
 *                     flip or quarter turn drawn at random
 */
public record Hyperparameters(
        Architecture model,
        int depth,
        int convs,
        int filters,
        boolean halveSecond,
        int kernel,
        boolean batchNorm,
        double dropout,
        boolean residual,
        String activation,
        String loss,
        double learningRate,
        String lrSchedule,
        String augment,
        int batchSize,
        int epochs) implements Serializable {

    /**
     * The reference study's baseline CAE (Conv32-Pool-Conv32-Pool | Conv32-Up-Conv32-Up-Conv1):
     * every hyperparameter at its default.
     */
    public static Hyperparameters referenceBaseline() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Hyperparameter h : Hyperparameter.values()) {
            defaults.put(h.key(), h.defaultValue());
        }
        return fromMap(defaults);
    }

    /**
     * Builds from a map keyed by {@link Hyperparameter#key()}; every key must be present
     * except one added later, which reads as its {@link Hyperparameter#whenAbsent()}.
     *
     * @throws IllegalArgumentException naming the key when a value is missing or not legal
     */
    public static Hyperparameters fromMap(Map<String, ?> values) {
        Map<Hyperparameter, Object> v = new LinkedHashMap<>();
        for (Hyperparameter h : Hyperparameter.values()) {
            Object value = values.containsKey(h.key()) ? values.get(h.key()) : h.whenAbsent().orElse(null);
            if (value == null) {
                throw new IllegalArgumentException(h.key() + ": missing");
            }
            try {
                v.put(h, h.coerce(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(h.key() + ": " + e.getMessage(), e);
            }
        }
        return new Hyperparameters(
                Architecture.byLabel((String) v.get(Hyperparameter.MODEL)).orElseThrow(),
                (Integer) v.get(Hyperparameter.DEPTH),
                (Integer) v.get(Hyperparameter.CONVS),
                (Integer) v.get(Hyperparameter.FILTERS),
                (Boolean) v.get(Hyperparameter.HALVE_SECOND),
                (Integer) v.get(Hyperparameter.KERNEL),
                (Boolean) v.get(Hyperparameter.BATCH_NORM),
                (Double) v.get(Hyperparameter.DROPOUT),
                (Boolean) v.get(Hyperparameter.RESIDUAL),
                (String) v.get(Hyperparameter.ACTIVATION),
                (String) v.get(Hyperparameter.LOSS),
                (Double) v.get(Hyperparameter.LEARNING_RATE),
                (String) v.get(Hyperparameter.LR_SCHEDULE),
                (String) v.get(Hyperparameter.AUGMENT),
                (Integer) v.get(Hyperparameter.BATCH_SIZE),
                (Integer) v.get(Hyperparameter.EPOCHS));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Hyperparameter.MODEL.key(), model.label());
        m.put(Hyperparameter.DEPTH.key(), depth);
        m.put(Hyperparameter.CONVS.key(), convs);
        m.put(Hyperparameter.FILTERS.key(), filters);
        m.put(Hyperparameter.HALVE_SECOND.key(), halveSecond);
        m.put(Hyperparameter.KERNEL.key(), kernel);
        m.put(Hyperparameter.BATCH_NORM.key(), batchNorm);
        m.put(Hyperparameter.DROPOUT.key(), dropout);
        m.put(Hyperparameter.RESIDUAL.key(), residual);
        m.put(Hyperparameter.ACTIVATION.key(), activation);
        m.put(Hyperparameter.LOSS.key(), loss);
        m.put(Hyperparameter.LEARNING_RATE.key(), learningRate);
        m.put(Hyperparameter.LR_SCHEDULE.key(), lrSchedule);
        m.put(Hyperparameter.AUGMENT.key(), augment);
        m.put(Hyperparameter.BATCH_SIZE.key(), batchSize);
        m.put(Hyperparameter.EPOCHS.key(), epochs);
        return m;
    }

    /** A copy with one setting changed, checked like a configured value. */
    public Hyperparameters with(Hyperparameter h, Object value) {
        Map<String, Object> m = toMap();
        m.put(h.key(), value);
        return fromMap(m);
    }

    /** A copy with other training length and batch size, as the final retrain uses. */
    public Hyperparameters withTraining(int newEpochs, int newBatchSize) {
        return with(Hyperparameter.EPOCHS, newEpochs).with(Hyperparameter.BATCH_SIZE, newBatchSize);
    }

    /** Whether training shows each image in a random flip or quarter turn every epoch. */
    public boolean augmentsPoses() {
        return augment.equals("dihedral");
    }

    /** Filters of level {@code level} (the bottleneck of a U-Net is level {@code depth}), as the architecture lays them out. */
    public int filtersAt(int level) {
        return model.blueprint().filtersAt(this, level);
    }

    /** Channels of the deepest features, where dropout acts. */
    public int deepestChannels() {
        return model.blueprint().deepestChannels(this);
    }
}

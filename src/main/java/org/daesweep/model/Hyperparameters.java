package org.daesweep.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One complete, validated set of hyperparameters: what a trial trains. It holds a value for every
 * {@link Hyperparameter}, checked by it, so a new hyperparameter is its declaration and an accessor
 * here. What each one means is said where it is declared and in docs/CONFIGURATION.md.
 */
public record Hyperparameters(Map<Hyperparameter, Object> values) implements Serializable {
    /** A plain HashMap inside, which every serializer Spark may be given (Java's, Kryo) restores. */
    public Hyperparameters {
        values = new HashMap<>(values);
        if (values.size() != Hyperparameter.values().length) {
            throw new IllegalArgumentException("a value for every hyperparameter is needed, got " + values.keySet());
        }
    }

    @Override
    public Map<Hyperparameter, Object> values() {
        return Collections.unmodifiableMap(values);
    }

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
        Map<Hyperparameter, Object> v = new EnumMap<>(Hyperparameter.class);
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
        return new Hyperparameters(v);
    }

    /** By {@link Hyperparameter#key()}, in declaration order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Hyperparameter h : Hyperparameter.values()) {
            m.put(h.key(), values.get(h));
        }
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

    @Override
    public String toString() {
        return toMap().toString();
    }

    /** The architecture: {@code cae} (plain encoder-decoder) or {@code unet} (skip connections). */
    public Architecture model() {
        return Architecture.byLabel(string(Hyperparameter.MODEL)).orElseThrow();
    }

    /** Pooling levels. */
    public int depth() {
        return integer(Hyperparameter.DEPTH);
    }

    /** Convolutions per block: 1 is the reference CAE, 2 a deeper one. */
    public int convs() {
        return integer(Hyperparameter.CONVS);
    }

    /** Filters of the first level; a U-Net doubles them per level. */
    public int filters() {
        return integer(Hyperparameter.FILTERS);
    }

    /** CAE only: the reference rule that halves the filters after the first block. */
    public boolean halveSecond() {
        return flag(Hyperparameter.HALVE_SECOND);
    }

    public int kernel() {
        return integer(Hyperparameter.KERNEL);
    }

    /** CAE: after the first convolution, as the reference study; U-Net: after every one. */
    public boolean batchNorm() {
        return flag(Hyperparameter.BATCH_NORM);
    }

    /** Rate of (inverted) dropout on the deepest features while training. */
    public double dropout() {
        return number(Hyperparameter.DROPOUT);
    }

    /** The network learns a correction of the noisy input instead of the image. */
    public boolean residual() {
        return flag(Hyperparameter.RESIDUAL);
    }

    /**
     * {@code sigmoid}: the output is a probability, and a residual corrects the input's logit;
     * {@code linear}: unbounded while training (a residual is a plain difference, as DnCNN's),
     * clipped to [0, 1] when predicting.
     */
    public String output() {
        return string(Hyperparameter.OUTPUT);
    }

    /** Whether the network's estimate is used as it is, without a sigmoid. */
    public boolean linearOutput() {
        return output().equals("linear");
    }

    public String activation() {
        return string(Hyperparameter.ACTIVATION);
    }

    public String loss() {
        return string(Hyperparameter.LOSS);
    }

    public double learningRate() {
        return number(Hyperparameter.LEARNING_RATE);
    }

    /** {@code constant}, {@code cosine} decay to 1% or {@code step} (x0.1 at 50% and 75%). */
    public String lrSchedule() {
        return string(Hyperparameter.LR_SCHEDULE);
    }

    /**
     * {@code none}, or {@code dihedral}: each epoch shows every training image in a flip or
     * quarter turn drawn at random.
     */
    public String augment() {
        return string(Hyperparameter.AUGMENT);
    }

    /** Whether training shows each image in a random flip or quarter turn every epoch. */
    public boolean augmentsPoses() {
        return augment().equals("dihedral");
    }

    /** The side of the crops a trial trains on, when the sweep trains on patches; 0: the sweep's own. */
    public int patchSize() {
        return integer(Hyperparameter.PATCH_SIZE);
    }

    /** Crops of each training image per epoch, when the sweep trains on patches; 0: the sweep's own. */
    public int patchesPerImage() {
        return integer(Hyperparameter.PATCHES_PER_IMAGE);
    }

    public int batchSize() {
        return integer(Hyperparameter.BATCH_SIZE);
    }

    public int epochs() {
        return integer(Hyperparameter.EPOCHS);
    }

    /** Filters of level {@code level} (the bottleneck of a U-Net is level {@code depth}), as the architecture lays them out. */
    public int filtersAt(int level) {
        return model().blueprint().filtersAt(this, level);
    }

    /** Channels of the deepest features, where dropout acts. */
    public int deepestChannels() {
        return model().blueprint().deepestChannels(this);
    }

    private int integer(Hyperparameter h) {
        return (Integer) values.get(h);
    }

    private double number(Hyperparameter h) {
        return (Double) values.get(h);
    }

    private boolean flag(Hyperparameter h) {
        return (Boolean) values.get(h);
    }

    private String string(Hyperparameter h) {
        return (String) values.get(h);
    }
}

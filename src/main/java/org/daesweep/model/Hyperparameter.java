package org.daesweep.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every tunable setting of a trial: its configuration key, its type, what values are legal and
 * its default, declared where it is named (as Spark ML's {@code Param}s are).
 * The single list that the config parser, the search space, the trials table and the model
 * builder all read, so a new hyperparameter is added in one place.
 */
public enum Hyperparameter {
    MODEL("model", Type.STRING, Architecture.labels(), "cae"),
    DEPTH("depth", Type.INT, null, 2),
    CONVS("convs", Type.INT, null, 1),
    FILTERS("filters", Type.INT, null, 32),
    HALVE_SECOND("halve-second", Type.BOOLEAN, null, false),
    KERNEL("kernel", Type.INT, null, 3),
    BATCH_NORM("batch-norm", Type.BOOLEAN, null, false),
    DROPOUT("dropout", Type.DOUBLE, null, 0.0),
    RESIDUAL("residual", Type.BOOLEAN, null, false),
    OUTPUT("output", Type.STRING, List.of("sigmoid", "linear"), "sigmoid", "sigmoid"),
    ACTIVATION("activation", Type.STRING, List.of("relu", "leakyrelu", "elu", "tanh", "swish"), "relu"),
    LOSS("loss", Type.STRING, List.of("mse", "bce", "l1"), "mse"),
    LEARNING_RATE("learning-rate", Type.DOUBLE, null, 0.001),
    LR_SCHEDULE("lr-schedule", Type.STRING, List.of("constant", "cosine", "step"), "constant"),
    AUGMENT("augment", Type.STRING, List.of("none", "dihedral"), "none", "none"),
    /** The side of a trial's training crops; 0 = data.patches.size. */
    PATCH_SIZE("patch-size", Type.INT, null, 0, 0),
    /** Crops of each training image per epoch; 0 = data.patches.per-image. */
    PATCHES_PER_IMAGE("patches-per-image", Type.INT, null, 0, 0),
    BATCH_SIZE("batch-size", Type.INT, null, 128),
    EPOCHS("epochs", Type.INT, null, 15);

    public enum Type { INT, DOUBLE, BOOLEAN, STRING }

    private final String key;
    private final Type type;
    private final List<String> allowed;
    private final Object defaultValue;
    private final Object whenAbsent;

    Hyperparameter(String key, Type type, List<String> allowed, Object defaultValue) {
        this(key, type, allowed, defaultValue, null);
    }

    /**
     * @param defaultValue what {@code trial.<key>} is when a sweep file does not say
     * @param whenAbsent   what a model file or journal written before this key existed trained with
     */
    Hyperparameter(String key, Type type, List<String> allowed, Object defaultValue, Object whenAbsent) {
        this.key = key;
        this.type = type;
        this.allowed = allowed;
        this.defaultValue = defaultValue;
        this.whenAbsent = whenAbsent;
    }

    /** Its value when a sweep file does not set {@code trial.<key>}: the reference study's baseline. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The value that records older than this key mean, if it was added after the first release. */
    public Optional<Object> whenAbsent() {
        return Optional.ofNullable(whenAbsent);
    }

    public String key() {
        return key;
    }

    /** The column name in the Parquet tables: snake_case, so Spark SQL needs no backquotes. */
    public String column() {
        return key.replace('-', '_');
    }

    public Type type() {
        return type;
    }

    public static Optional<Hyperparameter> byKey(String key) {
        return Arrays.stream(values()).filter(h -> h.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Hyperparameter::key).toList();
    }

    /**
     * Converts a value read from HOCON or a sampler into this parameter's Java type and checks
     * it, returning a message for the user when it is not legal.
     */
    public Object coerce(Object value) {
        Object v = switch (type) {
            case INT -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    yield n.intValue();
                }
                throw new IllegalArgumentException("must be a whole number, got " + value);
            }
            case DOUBLE -> {
                if (value instanceof Number n) {
                    yield n.doubleValue();
                }
                throw new IllegalArgumentException("must be a number, got " + value);
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new IllegalArgumentException("must be true or false, got " + value);
            }
            case STRING -> {
                if (value instanceof String s) {
                    yield s.toLowerCase(Locale.ROOT);
                }
                throw new IllegalArgumentException("must be a string, got " + value);
            }
        };
        checkRange(v);
        return v;
    }

    private void checkRange(Object v) {
        switch (this) {
            case DEPTH, CONVS, FILTERS, BATCH_SIZE, EPOCHS -> requireAtLeast((Integer) v, 1);
            case PATCH_SIZE, PATCHES_PER_IMAGE -> requireAtLeast((Integer) v, 0);
            case DROPOUT -> {
                double rate = (Double) v;
                if (!(rate >= 0 && rate < 1)) {
                    throw new IllegalArgumentException("must be in [0, 1), got " + rate);
                }
            }
            case KERNEL -> {
                int k = (Integer) v;
                if (k < 1 || k % 2 == 0) {
                    throw new IllegalArgumentException("must be an odd number >= 1, got " + k);
                }
            }
            case LEARNING_RATE -> {
                double lr = (Double) v;
                if (!(lr > 0) || Double.isInfinite(lr)) {
                    throw new IllegalArgumentException("must be > 0, got " + lr);
                }
            }
            default -> {
                if (allowed != null && !allowed.contains(v)) {
                    throw new IllegalArgumentException("must be one of " + allowed + ", got " + v);
                }
            }
        }
    }

    private static void requireAtLeast(int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("must be >= " + min + ", got " + value);
        }
    }
}

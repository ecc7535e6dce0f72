package org.daesweep.noise;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * The noises whose strength is one number: the one list sweep files, the command line and every
 * message read, so a new noise is its class and one line here. Each names its strength's key in a
 * noise block and that key's default.
 */
public enum NoiseKind {
    GAUSSIAN("gaussian", "factor", 0.5, GaussianNoise::new),
    AWGN("awgn", "sigma", 25, AdditiveGaussianNoise::new),
    SALT_PEPPER("salt-pepper", "amount", 0.1, SaltPepperNoise::new),
    POISSON("poisson", "peak", 10, PoissonNoise::new);

    /** The type of a noise block that adds nothing. */
    public static final String NONE = "none";

    private final String label;
    private final String strengthKey;
    private final double defaultStrength;
    private final DoubleFunction<NoiseModel> create;

    NoiseKind(String label, String strengthKey, double defaultStrength, DoubleFunction<NoiseModel> create) {
        this.label = label;
        this.strengthKey = strengthKey;
        this.defaultStrength = defaultStrength;
        this.create = create;
    }

    /** Every kind's name, for messages: "gaussian, awgn, salt-pepper, poisson". */
    public static String labels() {
        return Arrays.stream(values()).map(NoiseKind::label).collect(Collectors.joining(", "));
    }

    /** Every kind at its default strength as the command line writes it: "gaussian:0.5, awgn:25, ...". */
    public static String examples() {
        return Arrays.stream(values()).map(k -> k.label + ":" + plain(k.defaultStrength))
                .collect(Collectors.joining(", "));
    }

    public static Optional<NoiseKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    public String label() {
        return label;
    }

    /** The sweep file's key for the strength: factor, sigma, amount or peak. */
    public String strengthKey() {
        return strengthKey;
    }

    /** The strength a noise block of this type has when it does not say. */
    public double defaultStrength() {
        return defaultStrength;
    }

    /** The standard deviation on [0,1] of this noise at a strength, for the Gaussian kinds. */
    public OptionalDouble gaussianStd(double strength) {
        return at(strength).strongestGaussianStd();
    }

    /** This noise at one strength; throws saying why when the strength is not legal. */
    public NoiseModel at(double strength) {
        return create.apply(strength);
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}

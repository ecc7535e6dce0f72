package org.daesweep.noise;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The noises whose strength is one number, by the names sweep files and the command line use. */
public enum NoiseKind {
    GAUSSIAN("gaussian", "factor"), AWGN("awgn", "sigma"), SALT_PEPPER("salt-pepper", "amount"), POISSON("poisson", "peak");

    private final String label;
    private final String strengthKey;

    NoiseKind(String label, String strengthKey) {
        this.label = label;
        this.strengthKey = strengthKey;
    }

    /** Every kind's name, for messages: "gaussian, awgn, salt-pepper, poisson". */
    public static String labels() {
        return Arrays.stream(values()).map(NoiseKind::label).collect(Collectors.joining(", "));
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

    /** This noise at one strength: a Gaussian factor, a 0-255 sigma, a salt-and-pepper amount, a Poisson peak. */
    public NoiseModel at(double strength) {
        return switch (this) {
            case GAUSSIAN -> new GaussianNoise(strength);
            case AWGN -> new AdditiveGaussianNoise(strength);
            case SALT_PEPPER -> new SaltPepperNoise(strength);
            case POISSON -> new PoissonNoise(strength);
        };
    }
}

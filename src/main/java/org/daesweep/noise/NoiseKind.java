package org.daesweep.noise;

import java.util.Arrays;
import java.util.Optional;

/** The noises whose strength is one number, by the names sweep files and the command line use. */
public enum NoiseKind {
    GAUSSIAN("gaussian", "factor"), SALT_PEPPER("salt-pepper", "amount"), POISSON("poisson", "peak");

    private final String label;
    private final String strengthKey;

    NoiseKind(String label, String strengthKey) {
        this.label = label;
        this.strengthKey = strengthKey;
    }

    public static Optional<NoiseKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    public String label() {
        return label;
    }

    /** The sweep file's key for the strength: factor, amount or peak. */
    public String strengthKey() {
        return strengthKey;
    }

    /** This noise at one strength: a Gaussian factor, a salt-and-pepper amount, a Poisson peak. */
    public NoiseModel at(double strength) {
        return switch (this) {
            case GAUSSIAN -> new GaussianNoise(strength);
            case SALT_PEPPER -> new SaltPepperNoise(strength);
            case POISSON -> new PoissonNoise(strength);
        };
    }
}

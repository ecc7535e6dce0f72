package org.daesweep.noise;

import java.util.Locale;

/**
 * Noise written on a command line: {@code gaussian:0.5} (clipped, on [0,1]), {@code awgn:25}
 * (the literature's: sigma on 0-255, unclipped), {@code salt-pepper:0.1}, {@code poisson:10}.
 */
public final class NoiseSpec {
    private NoiseSpec() {
    }

    /** @throws IllegalArgumentException saying what is wrong and what is expected */
    public static NoiseModel parse(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected TYPE:VALUE such as " + NoiseKind.examples() + ", got '"
                    + spec + "'");
        }
        double value;
        try {
            value = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[1] + "' is not a number in '" + spec + "'");
        }
        NoiseKind kind = NoiseKind.byLabel(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                "noise type must be one of " + NoiseKind.labels() + ", got '" + parts[0] + "'"));
        return kind.at(value);
    }
}

package org.daesweep.noise;

import java.util.OptionalDouble;
import org.daesweep.data.ImageSet;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Each image gets one of several noises, drawn with odds in proportion to their weights:
 * training on a mix makes a model that copes with more than the one noise it is scored on, and
 * the weights say where its capacity goes.
 */
public record MixedNoise(List<NoiseModel> components, List<Double> weights) implements NoiseModel {
    public MixedNoise {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a noise mix needs at least one noise");
        }
        if (weights.size() != components.size()) {
            throw new IllegalArgumentException("a noise mix needs one weight per noise, got " + weights.size()
                    + " for " + components.size());
        }
        weights.forEach(MixedNoise::requireWeight);
        components = List.copyOf(components);
        weights = List.copyOf(weights);
    }

    /** Equal odds for every noise. */
    public MixedNoise(List<NoiseModel> components) {
        this(components, Collections.nCopies(components.size(), 1.0));
    }

    /** @throws IllegalArgumentException unless the weight is a positive number */
    public static double requireWeight(double weight) {
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("must be a positive number, got " + weight);
        }
        return weight;
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        int[] choice = IntStream.range(0, clean.count()).map(i -> pick(random, total)).toArray();
        float[] out = new float[clean.pixels().length];
        int size = clean.imageSize();
        for (int k = 0; k < components.size(); k++) {
            int component = k;
            int[] members = IntStream.range(0, choice.length).filter(i -> choice[i] == component).toArray();
            ImageSet noisy = components.get(k).apply(clean.select(members), random.nextLong());
            for (int j = 0; j < members.length; j++) {
                System.arraycopy(noisy.pixels(), j * size, out, members[j] * size, size);
            }
        }
        return new ImageSet(out, clean.count(), clean.height(), clean.width());
    }

    /** One component, drawn in proportion to the weights. */
    private int pick(SplittableRandom random, double total) {
        double u = random.nextDouble() * total;
        for (int k = 0; k < weights.size() - 1; k++) {
            u -= weights.get(k);
            if (u < 0) {
                return k;
            }
        }
        return weights.size() - 1;
    }

    @Override
    public String describe() {
        boolean even = weights.stream().distinct().count() == 1;
        return "mix(" + IntStream.range(0, components.size())
                .mapToObj(k -> components.get(k).describe() + (even ? "" : " x" + weights.get(k)))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** The strongest of its Gaussian parts; empty when none is Gaussian. */
    @Override
    public OptionalDouble strongestGaussianStd() {
        return components.stream().map(NoiseModel::strongestGaussianStd).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).max();
    }
}

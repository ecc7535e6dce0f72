package org.daesweep.noise;

import org.daesweep.data.ImageSet;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Each image gets one of several noises, drawn with equal odds: training on a mix makes a model
 * that copes with more than the one noise it is scored on.
 */
public record MixedNoise(List<NoiseModel> components) implements NoiseModel {
    public MixedNoise {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a noise mix needs at least one noise");
        }
        components = List.copyOf(components);
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] choice = IntStream.range(0, clean.count()).map(i -> random.nextInt(components.size())).toArray();
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

    @Override
    public String describe() {
        return "mix(" + components.stream().map(NoiseModel::describe).collect(Collectors.joining(", ")) + ")";
    }
}

package org.daesweep.data;

import java.util.Random;
import org.daesweep.UserException;

/**
 * Clean images divided into train / validation / test. {@code testIndices} are positions in
 * the source file, so per-image results can be traced back to the original image.
 */
public record DataSplit(ImageSet train, ImageSet validation, ImageSet test, int[] testIndices) {

    /**
     * Shuffles image positions with the seed, takes the first {@code testFraction} as the test
     * split (as scikit-learn's train_test_split does), then the first {@code validationFraction}
     * of the rest as validation.
     */
    public static DataSplit of(ImageSet images, SplitSpec spec) {
        Positions p = positions(images.count(), spec);
        return new DataSplit(images.select(p.train()), images.select(p.validation()), images.select(p.test()), p.test());
    }

    /** Which source positions go to each split: photographs are split by image, before any patch is cut. */
    public record Positions(int[] train, int[] validation, int[] test) {
    }

    public static Positions positions(int n, SplitSpec spec) {
        int testCount = (int) Math.ceil(n * spec.testFraction());
        int rest = n - testCount;
        int validationCount = (int) Math.ceil(rest * spec.validationFraction());
        int trainCount = rest - validationCount;
        if (testCount < 1 || validationCount < 1 || trainCount < 1) {
            throw new UserException("data: " + n + " images are too few for a train/validation/test split"
                    + " with test-fraction " + spec.testFraction() + " and validation-fraction " + spec.validationFraction());
        }
        int[] order = permutation(n, spec.seed());
        return new Positions(slice(order, testCount + validationCount, n), slice(order, testCount, testCount + validationCount),
                slice(order, 0, testCount));
    }

    static int[] permutation(int n, long seed) {
        int[] order = Permutation.identity(n);
        Permutation.shuffle(order, new Random(seed));
        return order;
    }

    private static int[] slice(int[] a, int from, int to) {
        int[] out = new int[to - from];
        System.arraycopy(a, from, out, 0, out.length);
        return out;
    }
}

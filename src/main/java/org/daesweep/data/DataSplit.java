package org.daesweep.data;

import java.util.Random;

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
        int n = images.count();
        int testCount = (int) Math.ceil(n * spec.testFraction());
        int rest = n - testCount;
        int validationCount = (int) Math.ceil(rest * spec.validationFraction());
        int trainCount = rest - validationCount;
        if (testCount < 1 || validationCount < 1 || trainCount < 1) {
            throw new org.daesweep.UserException("data: " + n + " images are too few for a train/validation/test split"
                    + " with test-fraction " + spec.testFraction() + " and validation-fraction " + spec.validationFraction());
        }
        int[] order = permutation(n, spec.seed());
        int[] test = slice(order, 0, testCount);
        int[] validation = slice(order, testCount, testCount + validationCount);
        int[] train = slice(order, testCount + validationCount, n);
        return new DataSplit(images.select(train), images.select(validation), images.select(test), test);
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

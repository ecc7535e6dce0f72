package org.daesweep.data;

/**
 * How a data set is divided: the test part first, then validation carved from what is left
 * for training. The seed fixes the shuffle, so every run and every executor agrees.
 */
public record SplitSpec(double testFraction, double validationFraction, long seed) {
    public SplitSpec {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0,1), got " + testFraction);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0,1), got " + validationFraction);
        }
    }
}

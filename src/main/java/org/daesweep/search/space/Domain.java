package org.daesweep.search.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;

/** The values one hyperparameter may take in a search, as plain data. */
public sealed interface Domain {

    Object sample(Random random);

    /** Every value, in order, for grid search. */
    List<Object> gridValues();

    /** The domain as plain values, as a sweep file writes it: what a resume compares. */
    Object describe();

    /** A fixed value: not searched. */
    record Fixed(Object value) implements Domain {
        public Object sample(Random random) {
            return value;
        }

        public List<Object> gridValues() {
            return List.of(value);
        }

        public Object describe() {
            return value;
        }
    }

    /** One of a list of values, uniformly. */
    record Choice(List<Object> values) implements Domain {
        public Choice {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a choice needs at least one value");
            }
            values = List.copyOf(values);
        }

        public Object sample(Random random) {
            return values.get(random.nextInt(values.size()));
        }

        public List<Object> gridValues() {
            return values;
        }

        public Object describe() {
            return values;
        }
    }

    /** Whole numbers min, min+step, ... up to max inclusive. */
    record IntRange(int min, int max, int step) implements Domain {
        public IntRange {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " is greater than max " + max);
            }
            if (step < 1) {
                throw new IllegalArgumentException("step must be >= 1, got " + step);
            }
        }

        public Object sample(Random random) {
            return min + step * random.nextInt((max - min) / step + 1);
        }

        public Object describe() {
            return Map.of("type", "int", "min", min, "max", max, "step", step);
        }

        public List<Object> gridValues() {
            List<Object> out = new ArrayList<>();
            for (int v = min; v <= max; v += step) {
                out.add(v);
            }
            return out;
        }
    }

    /** A real number drawn uniformly, or uniformly in log space when {@code log} is set. */
    record Continuous(double min, double max, boolean log) implements Domain {
        public Continuous {
            if (!(min <= max)) {
                throw new IllegalArgumentException("min " + min + " is greater than max " + max);
            }
            if (log && !(min > 0)) {
                throw new IllegalArgumentException("a log-uniform range needs min > 0, got " + min);
            }
        }

        public Object sample(Random random) {
            double u = random.nextDouble();
            return log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
        }

        public List<Object> gridValues() {
            throw new IllegalArgumentException("a continuous range has no grid; use a choice or an int range");
        }

        public Object describe() {
            return Map.of("type", log ? "loguniform" : "uniform", "min", min, "max", max);
        }
    }
}

package org.daesweep.search.space;

import java.util.List;

/**
 * One searched hyperparameter as the Parzen estimator sees it: a coordinate on a line (a real
 * range, in log space for a log range; a whole-number range by step index, rounded back) or the
 * index of one of a few unordered categories.
 */
public sealed interface Axis {
    /** The value as a coordinate. */
    double encode(Object value);

    /** The hyperparameter value at a coordinate. */
    Object decode(double x);

    /** The coordinate at a point {@code u} of [0, 1), spread evenly over the axis. */
    double fromUnit(double u);

    /** The axis a domain is searched on. */
    static Axis of(Domain d) {
        if (d instanceof Domain.Continuous c) {
            return new Reals(c.min(), c.max(), c.log());
        }
        if (d instanceof Domain.IntRange r) {
            return new Wholes(r.min(), r.step(), (r.max() - r.min()) / r.step() + 1);
        }
        return new Categories(d.gridValues());
    }

    /** An ordered axis: coordinates from {@code lo()} to {@code hi()}. */
    sealed interface Line extends Axis {
        double lo();

        double hi();

        /** The line's length, never zero. */
        default double width() {
            return Math.max(1e-12, hi() - lo());
        }

        default double fromUnit(double u) {
            return lo() + u * (hi() - lo());
        }
    }

    /** A real range, in log space for a log range. */
    record Reals(double min, double max, boolean log) implements Line {
        public double lo() {
            return log ? Math.log(min) : min;
        }

        public double hi() {
            return log ? Math.log(max) : max;
        }

        public double encode(Object value) {
            double v = ((Number) value).doubleValue();
            return log ? Math.log(v) : v;
        }

        public Object decode(double x) {
            return Math.min(max, Math.max(min, log ? Math.exp(x) : x));
        }
    }

    /** Whole numbers min, min+step, ...: step index i owns the unit around i, so each is as likely at random. */
    record Wholes(int min, int step, int count) implements Line {
        public double lo() {
            return -0.5;
        }

        public double hi() {
            return count - 0.5;
        }

        public double encode(Object value) {
            return (((Number) value).intValue() - min) / (double) step;
        }

        public Object decode(double x) {
            long i = Math.max(0, Math.min(count - 1, Math.round(x)));
            return (int) (min + step * i);
        }
    }

    /** Unordered values, by index. */
    record Categories(List<Object> values) implements Axis {
        public double encode(Object value) {
            for (int i = 0; i < values.size(); i++) {
                if (same(values.get(i), value)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(value + " is not among " + values);
        }

        public Object decode(double x) {
            return values.get((int) x);
        }

        public double fromUnit(double u) {
            return Math.min(values.size() - 1, (int) (u * values.size()));
        }

        /** A sweep file's 16 and a trial's 16.0 are one value. */
        private static boolean same(Object a, Object b) {
            return a.equals(b) || a instanceof Number x && b instanceof Number y && x.doubleValue() == y.doubleValue();
        }
    }
}

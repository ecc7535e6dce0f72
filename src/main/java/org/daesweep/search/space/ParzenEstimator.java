package org.daesweep.search.space;

import org.apache.commons.math3.special.Erf;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A Parzen window density over some axes: one kernel per observed point, a Gaussian truncated
 * to a line or, for categories, most of its weight on the observed one, plus a uniform prior
 * that weighs as one point. Over a single axis it is univariate TPE's density; over all the
 * axes at once, with one kernel's coordinates drawn together, it is multivariate TPE's.
 */
public final class ParzenEstimator {
    /** Weight of the uniform prior, as one pseudo-observation. */
    private static final double PRIOR = 1.0;
    /** TPE's kernel width for one point, as a share of the line (Optuna's). */
    private static final double SEARCH_WIDTH = 0.2;

    private final List<Axis> axes;
    private final List<double[]> points;
    private final double[] bandwidths;
    /** Each line kernel's log normaliser: its Gaussian's, and the share of it that lies on the line. */
    private final double[][] logNormalisers;

    private ParzenEstimator(List<Axis> axes, List<double[]> points, double[] bandwidths) {
        this.axes = List.copyOf(axes);
        this.points = List.copyOf(points);
        this.bandwidths = bandwidths;
        this.logNormalisers = new double[points.size()][axes.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int a = 0; a < axes.size(); a++) {
                if (axes.get(a) instanceof Axis.Line line) {
                    double s = bandwidths[a];
                    double c = points.get(i)[a];
                    double mass = 0.5 * (Erf.erf((line.hi() - c) / (s * Math.sqrt(2)))
                            - Erf.erf((line.lo() - c) / (s * Math.sqrt(2))));
                    logNormalisers[i][a] = Math.log(s * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-12));
                }
            }
        }
    }

    /**
     * TPE's density: kernels a fifth of the line wide, narrowing with a root of the points
     * (Scott's rule in the number of axes modelled together), as Optuna's multivariate TPE; the
     * uniform prior keeps room to explore.
     *
     * @param points observed coordinates, one value per axis each
     */
    public static ParzenEstimator forSearch(List<Axis> axes, List<double[]> points) {
        double shrink = SEARCH_WIDTH * Math.pow(points.size() + 1, -1.0 / (axes.size() + 4));
        double[] bandwidths = new double[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            bandwidths[a] = axes.get(a) instanceof Axis.Line line ? line.width() * shrink : 0;
        }
        return new ParzenEstimator(axes, points, bandwidths);
    }

    /**
     * A density that follows the points (Scott's rule on their spread, robust to outliers), for
     * describing where trials lie rather than where to look next; never narrower than a
     * hundredth of the line.
     */
    public static ParzenEstimator fitted(List<Axis> axes, List<double[]> points) {
        double[] bandwidths = new double[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            if (axes.get(a) instanceof Axis.Line line) {
                int axis = a;
                double[] v = points.stream().mapToDouble(p -> p[axis]).sorted().toArray();
                double mean = Arrays.stream(v).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum()
                        / Math.max(1, v.length - 1));
                double iqr = v.length < 4 ? sd * 1.349 : v[(3 * v.length) / 4] - v[v.length / 4];
                double spread = iqr > 0 ? Math.min(sd, iqr / 1.349) : sd;
                bandwidths[a] = Math.max(line.width() / 100, 1.06 * spread * Math.pow(Math.max(1, v.length), -0.2));
            }
        }
        return new ParzenEstimator(axes, points, bandwidths);
    }

    /** The same kernels' widths over other points: two sets of points compared on equal terms. */
    public ParzenEstimator over(List<double[]> others) {
        return new ParzenEstimator(axes, others, bandwidths);
    }

    /** A draw: the prior or one observation's kernel, every coordinate from it. */
    public double[] sample(Random random) {
        int k = random.nextInt(points.size() + 1);
        double[] center = k == points.size() ? null : points.get(k);
        double[] x = new double[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            x[a] = center == null ? uniform(axes.get(a), random) : near(a, center[a], random);
        }
        return x;
    }

    /** The log of the density at {@code x}. */
    public double logDensity(double[] x) {
        double prior = 0;
        for (int a = 0; a < axes.size(); a++) {
            prior -= Math.log(axes.get(a) instanceof Axis.Line line ? line.width() : categories(a));
        }
        double max = prior + Math.log(PRIOR);
        double[] terms = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            double t = 0;
            for (int a = 0; a < axes.size(); a++) {
                t += logKernel(i, a, x[a]);
            }
            terms[i] = t;
            max = Math.max(max, t);
        }
        double sum = PRIOR * Math.exp(prior - max);
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum / (points.size() + PRIOR));
    }

    private int categories(int a) {
        return ((Axis.Categories) axes.get(a)).values().size();
    }

    private double uniform(Axis axis, Random random) {
        return axis instanceof Axis.Line line ? line.lo() + random.nextDouble() * (line.hi() - line.lo())
                : random.nextInt(((Axis.Categories) axis).values().size());
    }

    /** A draw from one observation's kernel on axis {@code a}. */
    private double near(int a, double center, Random random) {
        if (axes.get(a) instanceof Axis.Line line) {
            // The kernel's centre lies on the line, so at least half its mass does.
            for (int attempt = 0; attempt < 100; attempt++) {
                double x = center + bandwidths[a] * random.nextGaussian();
                if (x >= line.lo() && x <= line.hi()) {
                    return x;
                }
            }
            return center;
        }
        int k = categories(a);
        return random.nextDouble() < 1 / (1 + PRIOR) ? center : random.nextInt(k);
    }

    /** The log of point {@code i}'s kernel on axis {@code a} at {@code x}. */
    private double logKernel(int i, int a, double x) {
        double center = points.get(i)[a];
        if (axes.get(a) instanceof Axis.Line) {
            double z = (x - center) / bandwidths[a];
            return -0.5 * z * z - logNormalisers[i][a];
        }
        // The observed category keeps its own weight and shares the prior's with the rest.
        int k = categories(a);
        return Math.log(((x == center ? 1 : 0) + PRIOR / k) / (1 + PRIOR));
    }
}

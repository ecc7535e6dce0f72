package org.daesweep.plots;

import java.util.List;

/**
 * What a sweep's report shows, computed from its tables and nothing else: plain values, so the
 * drawing ({@link ReportPage}) needs neither Spark nor the sweep's classes.
 *
 * @param running  the sweep is still searching: the page reloads itself
 * @param headline name / value pairs of the header: data, noise, search, best trial, test metrics
 */
public record ReportData(String title, boolean running, List<String[]> headline, Search search, Evaluation evaluation) {

    /** The order a chart shows categories in: numbers by value (8 before 16), anything else as text. */
    public static int byValue(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /**
     * What the search found. A big sweep's charts show a sample of its trials ({@link Trials#sampleNote()}).
     *
     * @param trials     the trials table: the best rows, all of a small sweep
     * @param scatters   validation MSE against each searched hyperparameter
     * @param curves     validation MSE per epoch of the best trials
     * @param rungs      trials per rung and what was promoted; empty for a full-budget search
     * @param progress   the best validation MSE so far against trials ended and against time; empty before any
     * @param importance which hyperparameters mattered; empty with too few trials
     * @param parallel   each shown trial across every searched hyperparameter and its validation MSE
     * @param costs      validation MSE against the model's parameters and its inference speed, with the Pareto front
     */
    public record Search(Trials trials, List<Scatter> scatters, List<Curve> curves, Table rungs, List<Progress> progress,
                         Importance importance, Parallel parallel, List<Tradeoff> costs) {
    }

    /**
     * @param retrain    the retrain's training loss per epoch (its trial's own loss); empty until it ran
     * @param robustness the best model and the noisy input under every evaluated noise; empty until evaluated
     * @param images     PNGs to show (the denoised grid, the residual map), by caption; empty until evaluated
     */
    public record Evaluation(List<Curve> retrain, Table robustness, List<Image> images) {
    }

    /** A table of text cells under named columns. */
    public record Table(List<String> columns, List<List<String>> rows) {
    }

    /**
     * @param shown      the best trials, one row each, in rank order
     * @param statuses   each shown row's status, for its colour
     * @param total      trials in the sweep
     * @param sampleNote what the charts show of a big sweep and where the rest is; empty when they show every trial
     */
    public record Trials(Table shown, List<String> statuses, int total, String sampleNote) {
    }

    /** Points of one hyperparameter: a number (x) or a category (label), against validation MSE. */
    public record Scatter(String hyperparameter, boolean logX, List<Point> points) {
        public boolean categorical() {
            return points.stream().anyMatch(p -> p.label() != null);
        }
    }

    public record Point(double x, String label, double y, String trial) {
    }

    /** One trial's validation MSE by epoch. */
    public record Curve(String trial, double[] epochs, double[] values) {
    }

    /** The best validation MSE so far, a step each time a trial beat it, against {@code axis}. */
    public record Progress(String axis, double[] x, double[] best) {
    }

    /** Each hyperparameter's share of importance, most important first, and what it was computed from. */
    public record Importance(List<String> hyperparameters, List<Double> shares, String basis) {
    }

    /**
     * Parallel coordinates: one vertical axis per dimension, each trial a line through its values.
     *
     * @param axes  each axis's name and its labels at positions in [0, 1], bottom to top
     * @param lines each trial's positions on the axes, best trials last so they are drawn on top
     */
    public record Parallel(List<ParallelAxis> axes, List<Line> lines) {
    }

    public record ParallelAxis(String name, List<Double> at, List<String> labels) {
    }

    /** @param good among the best tenth of the shown trials */
    public record Line(String trial, double[] at, boolean good) {
    }

    /** Validation MSE against a cost; {@code front}: the trials no other beats in both, by cost. */
    public record Tradeoff(Scatter points, List<Point> front) {
    }

    public record Image(String caption, byte[] png) {
    }
}

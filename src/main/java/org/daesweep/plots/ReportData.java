package org.daesweep.plots;

import java.util.List;

/**
 * What a sweep's report shows, computed from its tables and nothing else: plain values, so the
 * drawing ({@link ReportPage}) needs neither Spark nor the sweep's classes.
 *
 * @param running  the sweep is still searching: the page reloads itself
 * @param headline name / value pairs of the header: data, noise, search, best trial, test metrics
 * @param trials   the trials table, one row per trial, with each row's status
 * @param scatters validation MSE against each searched hyperparameter
 * @param curves   validation MSE per epoch of the best trials
 * @param retrain  the retrain's training loss per epoch (its trial's own loss); empty until it ran
 * @param rungs    trials per rung and what was promoted; empty for a full-budget search
 * @param robustness the best model and the noisy input under every evaluated noise; empty until evaluated
 * @param images   PNGs to show (the denoised grid, the residual map), by caption; empty until evaluated
 */
public record ReportData(String title, boolean running, List<String[]> headline, Table trials, List<String> statuses,
                         List<Scatter> scatters, List<Curve> curves, List<Curve> retrain, Table rungs, Table robustness,
                         List<Image> images) {

    /** A table of text cells under named columns. */
    public record Table(List<String> columns, List<List<String>> rows) {
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

    public record Image(String caption, byte[] png) {
    }
}

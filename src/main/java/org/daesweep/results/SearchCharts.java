package org.daesweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Row;
import org.daesweep.model.Hyperparameter;
import org.daesweep.plots.ReportData;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's views of a whole search, made to stay small at thousands of trials: the best so
 * far against trials and time, which hyperparameters mattered, parallel coordinates, and
 * validation MSE against the model's cost with its Pareto front.
 */
final class SearchCharts {
    /** Share of the shown trials drawn as the good ones in parallel coordinates. */
    private static final double GOOD = 0.1;
    /** The largest divergence below this means no hyperparameter stood out: well above what trials of noise reach. */
    private static final double SMALL_DIVERGENCE = 0.2;

    private SearchCharts() {
    }

    /**
     * The best validation MSE so far as ok trials last reported, against their count and, when the
     * tables record end times, against the time since the first epoch began.
     */
    static List<ReportData.Progress> progress(List<Row> trials, List<Row> epochs) {
        List<Row> ok = trials.stream().filter(r -> "ok".equals(r.getAs("status")) && r.getAs("best_val_mse") != null)
                .sorted(Comparator.comparingLong((Row r) -> millis(r.getAs("ended_at")))
                        .thenComparingInt(r -> r.getAs("trial_index"))).toList();
        if (ok.isEmpty()) {
            return List.of();
        }
        List<double[]> steps = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ok.size(); i++) {
            double v = ok.get(i).getAs("best_val_mse");
            if (v < best || i == ok.size() - 1) {
                best = Math.min(best, v);
                steps.add(new double[]{i + 1, millis(ok.get(i).getAs("ended_at")), best});
            }
        }
        List<ReportData.Progress> out = new ArrayList<>();
        out.add(new ReportData.Progress("trials ended", column(steps, 0), column(steps, 2)));
        long start = start(epochs);
        if (start > 0 && steps.stream().allMatch(s -> s[1] > 0)) {
            // Minutes for a sweep of a few hours at most, so that a short one's axis reads as whole numbers.
            boolean hours = steps.get(steps.size() - 1)[1] - start > 3 * 3.6e6;
            double unit = hours ? 3.6e6 : 6e4;
            out.add(new ReportData.Progress((hours ? "hours" : "minutes") + " since the search began",
                    steps.stream().mapToDouble(s -> (s[1] - start) / unit).toArray(), column(steps, 2)));
        }
        return out;
    }

    /** When the first search epoch began: the earliest of the epochs' ends less their own training times. */
    private static long start(List<Row> epochs) {
        return epochs.stream().filter(e -> Tables.PHASE_SEARCH.equals(e.getAs("phase")) && e.getAs("ended_at") != null)
                .mapToLong(e -> millis(e.getAs("ended_at")) - Math.round(1000 * (double) e.getAs("seconds")))
                .min().orElse(0);
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static long millis(Object timestamp) {
        return timestamp instanceof Timestamp t ? t.getTime() : 0;
    }

    static ReportData.Importance importance(List<Row> rows) {
        List<Row> sorted = rows.stream().sorted(Comparator.comparingDouble((Row r) -> r.getAs("importance")).reversed())
                .toList();
        String basis = sorted.isEmpty() ? "" : String.format(Locale.ROOT, "PED-ANOVA over %d trials compared at rung %d",
                (int) sorted.get(0).getAs("trials"), (int) sorted.get(0).getAs("rung")) + divergence(sorted.get(0));
        return new ReportData.Importance(sorted.stream().map(r -> (String) r.getAs("hyperparameter")).toList(),
                sorted.stream().map(r -> (Double) r.getAs("importance")).toList(), basis);
    }

    /** The largest divergence, which says whether the shares mean anything; tables written before it have none. */
    private static String divergence(Row top) {
        if (!Arrays.asList(top.schema().fieldNames()).contains("divergence")) {
            return "";
        }
        double d = top.getAs("divergence");
        return String.format(Locale.ROOT, "; largest divergence %.2f%s", d, d < SMALL_DIVERGENCE
                ? ", small: no hyperparameter stood out" : "");
    }

    /**
     * Every shown trial through each searched hyperparameter (log axes where the space is log)
     * and its validation MSE (log); the best tenth marked.
     *
     * @param shown ok trials, best first
     */
    static ReportData.Parallel parallel(JsonNode plan, List<Row> shown, List<Hyperparameter> searched) {
        List<Dimension> dims = new ArrayList<>();
        for (Hyperparameter h : searched) {
            List<Object> values = shown.stream().map(r -> r.getAs(h.column())).toList();
            dims.add(Dimension.of(h.key(), values, Report.choice(plan, h), Report.logScale(plan, h)));
        }
        dims.add(Dimension.of("validation MSE", shown.stream().map(r -> r.getAs("best_val_mse")).toList(), false, true));
        List<ReportData.Line> lines = new ArrayList<>();
        int good = (int) Math.ceil(GOOD * shown.size());
        for (int i = shown.size() - 1; i >= 0; i--) {
            Row r = shown.get(i);
            double[] at = new double[dims.size()];
            for (int d = 0; d < searched.size(); d++) {
                at[d] = dims.get(d).at(r.getAs(searched.get(d).column()));
            }
            at[dims.size() - 1] = dims.get(dims.size() - 1).at(r.getAs("best_val_mse"));
            lines.add(new ReportData.Line(r.getAs("trial_id"), at, i < good));
        }
        return new ReportData.Parallel(dims.stream().map(Dimension::axis).toList(), lines);
    }

    /** An axis of parallel coordinates: categories evenly spaced, numbers on a linear or log scale. */
    private record Dimension(ReportData.ParallelAxis axis, List<String> categories, double lo, double hi, boolean log) {
        static Dimension of(String name, List<Object> values, boolean categorical, boolean log) {
            if (categorical || values.stream().anyMatch(v -> !(v instanceof Number))) {
                List<String> cats = values.stream().map(String::valueOf).distinct().sorted(ReportData::byValue).toList();
                List<Double> at = new ArrayList<>();
                for (int i = 0; i < cats.size(); i++) {
                    at.add(cats.size() == 1 ? 0.5 : i / (cats.size() - 1.0));
                }
                return new Dimension(new ReportData.ParallelAxis(name, at, cats), cats, 0, 1, false);
            }
            double[] v = values.stream().mapToDouble(x -> scale(((Number) x).doubleValue(), log)).toArray();
            double lo = Arrays.stream(v).min().orElse(0);
            double hi = Arrays.stream(v).max().orElse(1);
            String[] labels = {label(lo, log), label(hi, log)};
            return new Dimension(new ReportData.ParallelAxis(name, List.of(0.0, 1.0), List.of(labels)), null, lo, hi, log);
        }

        double at(Object value) {
            if (categories != null) {
                int i = categories.indexOf(String.valueOf(value));
                return categories.size() == 1 ? 0.5 : i / (categories.size() - 1.0);
            }
            double v = scale(((Number) value).doubleValue(), log);
            return hi > lo ? (v - lo) / (hi - lo) : 0.5;
        }

        private static double scale(double v, boolean log) {
            return log ? Math.log10(Math.max(v, 1e-300)) : v;
        }

        private static String label(double v, boolean log) {
            return String.format(Locale.ROOT, "%.3g", log ? Math.pow(10, v) : v);
        }
    }

    /**
     * Validation MSE against the parameter count (lower is cheaper) and against inference images
     * per second (higher is cheaper), each with its Pareto front.
     *
     * @param shown ok trials, best first
     */
    static List<ReportData.Tradeoff> costs(List<Row> shown) {
        List<ReportData.Tradeoff> out = new ArrayList<>();
        tradeoff(shown, "parameters", "parameters", false).ifPresent(out::add);
        tradeoff(shown, "inference_images_per_s", "validation images/s on one task", true).ifPresent(out::add);
        return out;
    }

    private static Optional<ReportData.Tradeoff> tradeoff(List<Row> shown, String column, String name,
                                                                   boolean higherIsCheaper) {
        List<ReportData.Point> points = shown.stream().filter(r -> r.getAs(column) instanceof Number n
                        && n.doubleValue() > 0)
                .map(r -> new ReportData.Point(((Number) r.getAs(column)).doubleValue(), null,
                        (double) r.getAs("best_val_mse"), r.getAs("trial_id"))).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        // From the cheapest up, a trial is on the front when it beats every cheaper one.
        List<ReportData.Point> byCost = new ArrayList<>(points);
        byCost.sort(Comparator.comparingDouble((ReportData.Point p) -> higherIsCheaper ? -p.x() : p.x())
                .thenComparingDouble(ReportData.Point::y));
        List<ReportData.Point> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (ReportData.Point p : byCost) {
            if (p.y() < best) {
                best = p.y();
                front.add(p);
            }
        }
        return Optional.of(new ReportData.Tradeoff(new ReportData.Scatter(name, true, points), front));
    }
}

package org.daesweep.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small SVG charts with labelled axes, drawn as text: a scatter (linear, log or categorical x;
 * log y) and line curves (log y). Log axes are ticked at 1, 2 and 5 per decade so every axis
 * carries several labels whatever its range; epoch axes are ticked at whole epochs.
 */
final class Svg {
    static final int W = 360;
    private static final int H = 240;
    static final int LEFT = 62;
    static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 44;
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"};

    private Svg() {
    }

    /** A scatter of y against x (or categories), y on a log axis. */
    static String scatter(ReportData.Scatter s, String yTitle) {
        return scatter(s, yTitle, List.of());
    }

    /** A scatter against a cost (log x), with its Pareto front as a line. */
    static String tradeoff(ReportData.Tradeoff t, String yTitle) {
        return scatter(t.points(), yTitle, t.front());
    }

    /** The scatter and, when {@code line} has points (numeric x), a line through them on the same axes. */
    private static String scatter(ReportData.Scatter s, String yTitle, List<ReportData.Point> line) {
        List<Double> ys = s.points().stream().map(ReportData.Point::y).filter(Svg::positive).toList();
        if (ys.isEmpty()) {
            return "<p class=\"empty\">no finished trial yet</p>";
        }
        Axis y = Axis.log(ys);
        List<String> categories = s.points().stream().map(ReportData.Point::label).filter(l -> l != null).distinct()
                .sorted(ReportData::byValue).toList();
        Axis x = s.categorical() ? Axis.categories(categories)
                : s.logX() ? Axis.log(s.points().stream().map(ReportData.Point::x).toList())
                : Axis.linear(s.points().stream().map(ReportData.Point::x).toList(), false);
        StringBuilder svg = frame(x, y, s.hyperparameter(), yTitle);
        for (ReportData.Point p : s.points()) {
            if (!positive(p.y())) {
                continue;
            }
            double px = s.categorical() ? x.at(categories.indexOf(p.label())) : x.at(p.x());
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" fill-opacity=\"0.7\">"
                    + "<title>%s: %s</title></circle>", px, y.atY(p.y()), COLOURS[0], Html.escape(p.trial()),
                    number(p.y())));
        }
        if (!line.isEmpty()) {
            StringBuilder points = new StringBuilder();
            line.forEach(p -> points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(p.x()), y.atY(p.y()))));
            svg.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                    COLOURS[1], points.toString().trim()));
        }
        return svg.append("</svg>").toString();
    }

    /** Curves of y by epoch, y on a log axis, each in its own colour; the legend is the caller's. */
    static String curves(List<ReportData.Curve> curves, String yTitle) {
        List<Double> ys = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (ReportData.Curve c : curves) {
            for (int i = 0; i < c.values().length; i++) {
                if (positive(c.values()[i])) {
                    ys.add(c.values()[i]);
                    xs.add(c.epochs()[i]);
                }
            }
        }
        if (ys.isEmpty()) {
            return "<p class=\"empty\">no trial finished an epoch yet</p>";
        }
        Axis x = Axis.linear(xs, true);
        Axis y = Axis.log(ys);
        StringBuilder svg = frame(x, y, "epoch", yTitle);
        for (int k = 0; k < curves.size(); k++) {
            ReportData.Curve c = curves.get(k);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < c.values().length; i++) {
                if (positive(c.values()[i])) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(c.epochs()[i]), y.atY(c.values()[i])));
                }
            }
            svg.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\">"
                    + "<title>%s</title></polyline>", COLOURS[k % COLOURS.length], points.toString().trim(),
                    Html.escape(c.trial())));
        }
        return svg.append("</svg>").toString();
    }

    /** The best so far as a step line (log y): flat until a trial beats it. */
    static String progress(ReportData.Progress p) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < p.x().length; i++) {
            if (positive(p.best()[i])) {
                xs.add(p.x()[i]);
                ys.add(p.best()[i]);
            }
        }
        if (ys.isEmpty()) {
            return "<p class=\"empty\">no finished trial yet</p>";
        }
        Axis x = Axis.linear(xs, false);
        Axis y = Axis.log(ys);
        StringBuilder svg = frame(x, y, p.axis(), "best validation MSE");
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) {
            if (i > 0) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(xs.get(i)), y.atY(ys.get(i - 1))));
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(xs.get(i)), y.atY(ys.get(i))));
        }
        return svg.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                COLOURS[0], points.toString().trim())).append("</svg>").toString();
    }

    /** Horizontal bars of each hyperparameter's share, largest first. */
    static String bars(ReportData.Importance importance) {
        int rowHeight = 22;
        int labelWidth = 110;
        int barWidth = W - labelWidth - 60;
        int height = TOP + rowHeight * importance.shares().size() + 8;
        StringBuilder svg = open(W, height);
        for (int i = 0; i < importance.shares().size(); i++) {
            double share = importance.shares().get(i);
            int y = TOP + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"tick\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %.3f</title></rect>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"tick\">%.2f</text>",
                    labelWidth - 6, y + 14, Html.escape(importance.hyperparameters().get(i)), labelWidth, y + 3,
                    share * barWidth, rowHeight - 6, COLOURS[0], Html.escape(importance.hyperparameters().get(i)), share,
                    labelWidth + share * barWidth + 4, y + 14, share));
        }
        return svg.append("</svg>").toString();
    }

    /** Parallel coordinates: a vertical axis per dimension, each trial a polyline; the good ones on top in colour. */
    static String parallel(ReportData.Parallel p) {
        int n = p.axes().size();
        int width = Math.max(W, 110 * n);
        int left = 40;
        int right = 40;
        int top = 24;
        int bottom = 28;
        double step = n > 1 ? (width - left - right) / (n - 1.0) : 0;
        StringBuilder svg = open(width, H + 40);
        int plotHeight = H + 40 - top - bottom;
        for (ReportData.Line line : p.lines()) {
            StringBuilder points = new StringBuilder();
            for (int a = 0; a < n; a++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + a * step, top + (1 - line.at()[a]) * plotHeight));
            }
            svg.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-opacity=\"%s\" points=\"%s\"/>",
                    line.good() ? COLOURS[0] : "#999", line.good() ? "0.8" : "0.25", points.toString().trim()));
        }
        for (int a = 0; a < n; a++) {
            ReportData.ParallelAxis axis = p.axes().get(a);
            double x = left + a * step;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"title\">%s</text>", x, x, top,
                    top + plotHeight, x, top - 8, Html.escape(axis.name())));
            for (int t = 0; t < axis.at().size(); t++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">%s</text>", x + 4,
                        top + (1 - axis.at().get(t)) * plotHeight + 4, Html.escape(axis.labels().get(t))));
            }
        }
        return svg.append("</svg>").toString();
    }


    /** A chart's opening tag, of its own size. */
    private static StringBuilder open(int width, int height) {
        return new StringBuilder(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" class=\"chart\">", width, height, width, height));
    }

    private static StringBuilder frame(Axis x, Axis y, String xTitle, String yTitle) {
        StringBuilder svg = open(W, H);
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
                LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        for (Axis.Tick t : x.ticks()) {
            double px = x.at(t.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>",
                    px, px, H - BOTTOM, H - BOTTOM + 4, px, H - BOTTOM + 16, Html.escape(t.label())));
        }
        for (Axis.Tick t : y.ticks()) {
            double py = y.atY(t.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>",
                    LEFT, W - RIGHT, py, py, LEFT - 4, py + 4, Html.escape(t.label())));
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"title\">%s</text>",
                (LEFT + W - RIGHT) / 2, H - 8, Html.escape(xTitle)));
        svg.append(String.format("<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\" class=\"title\">%s"
                + "</text>", (TOP + H - BOTTOM) / 2, Html.escape(yTitle)));
        return svg;
    }

    static boolean positive(double v) {
        return Double.isFinite(v) && v > 0;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** An axis: where a value lands in pixels, and its labelled ticks. */
    record Axis(double min, double max, boolean log, List<Tick> ticks, int categories) {
        record Tick(double value, String label) {
        }

        /** @param whole the values are counts (epochs): ticks fall on whole numbers only */
        static Axis linear(List<Double> values, boolean whole) {
            double min = values.stream().mapToDouble(d -> d).min().orElse(0);
            double max = values.stream().mapToDouble(d -> d).max().orElse(1);
            if (max == min) {
                min -= 1;
                max += 1;
            }
            double step = evenStep(min, max);
            return new Axis(min, max, false, linearTicks(min, max, whole ? Math.max(1, step) : step), 0);
        }

        private static List<Tick> linearTicks(double min, double max, double step) {
            List<Tick> ticks = new ArrayList<>();
            // Labels carry the step's decimals, so ticks 0.5 apart near 10,000 read 9999.5 and 10000.
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            for (double v = Math.ceil(min / step) * step; v <= max + 1e-9 * step; v += step) {
                ticks.add(new Tick(v, BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString()));
            }
            return ticks;
        }

        static Axis log(List<Double> values) {
            double min = values.stream().filter(Svg::positive).mapToDouble(d -> d).min().orElse(1);
            double max = values.stream().filter(Svg::positive).mapToDouble(d -> d).max().orElse(10);
            double lo = Math.log10(min);
            double hi = Math.log10(max);
            if (hi - lo < 0.3) {
                lo -= 0.15;
                hi += 0.15;
            }
            // 1-2-5 per decade; a narrower range gets every mantissa, and one inside a single
            // mantissa step gets evenly spaced ticks, so each axis carries at least two labels.
            List<Tick> ticks = decadeTicks(lo, hi, new int[]{1, 2, 5});
            if (ticks.size() < 2) {
                ticks = decadeTicks(lo, hi, new int[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
            }
            if (ticks.size() < 2) {
                double min10 = Math.pow(10, lo);
                double max10 = Math.pow(10, hi);
                ticks = linearTicks(min10, max10, evenStep(min10, max10));
            }
            return new Axis(Math.pow(10, lo), Math.pow(10, hi), true, ticks, 0);
        }

        private static List<Tick> decadeTicks(double lo, double hi, int[] mantissas) {
            List<Tick> ticks = new ArrayList<>();
            for (int decade = (int) Math.floor(lo); decade <= Math.ceil(hi); decade++) {
                for (int m : mantissas) {
                    double v = m * Math.pow(10, decade);
                    if (Math.log10(v) >= lo - 1e-9 && Math.log10(v) <= hi + 1e-9) {
                        ticks.add(new Tick(v, trim(v)));
                    }
                }
            }
            return ticks;
        }

        static Axis categories(List<String> names) {
            List<Tick> ticks = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ticks.add(new Tick(i, names.get(i)));
            }
            return new Axis(-0.5, names.size() - 0.5, false, ticks, names.size());
        }

        /** The x pixel of a value. */
        double at(double v) {
            return LEFT + fraction(v) * (W - LEFT - RIGHT);
        }

        /** The y pixel of a value. */
        double atY(double v) {
            return H - BOTTOM - fraction(v) * (H - TOP - BOTTOM);
        }

        private double fraction(double v) {
            double f = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            return 0.04 + 0.92 * f;
        }

        /** A 1-2-5 step for evenly spaced ticks: it rounds a fifth of the range up at most 2.5-fold, so two ticks always fit. */
        private static double evenStep(double min, double max) {
            return niceStep((max - min) / 5);
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double r = raw / magnitude;
            return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
        }

        /** A decade tick's label: as short as its value allows (3, 0.5, 0.007, 0.0125, 0.0000000009). */
        private static String trim(double v) {
            return Math.abs(v) >= 1 && Math.abs(v - Math.rint(v)) < 1e-9 * Math.abs(v) ? String.valueOf((long) Math.rint(v))
                    : new BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
        }
    }
}

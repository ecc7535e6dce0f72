package org.daesweep.plots;

import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.awt.Color;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import org.knowm.xchart.XYSeries;

/** Validation MSE per epoch of every trial that has one, on a log axis, as a PNG. */
public final class LossCurves {
    private LossCurves() {
    }

    /** Trials named in the legend: the best by validation MSE; the others are drawn in gray, unnamed. */
    private static final int NAMED = 8;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728),
        new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    public static byte[] png(List<TrialResult> trials) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("Validation MSE per epoch")
                .xAxisTitle("epoch").yAxisTitle("validation MSE (pixels in [0, 1])").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#");
        List<TrialResult> ranked = trials.stream().filter(t -> t.epochs().stream().anyMatch(e -> e.validationMse() > 0))
                .sorted(Comparator.comparingDouble(TrialResult::bestValidationMse)).toList();
        chart.getStyler().setYAxisLogarithmic(spansDecades(ranked));
        chart.getStyler().setYAxisDecimalPattern("0.####");
        for (int k = ranked.size() - 1; k >= 0; k--) { // the best drawn last, on top
            TrialResult t = ranked.get(k);
            List<EpochStats> points = t.epochs().stream().filter(e -> e.validationMse() > 0).toList();
            double[] x = points.stream().mapToDouble(EpochStats::epoch).toArray();
            double[] y = points.stream().mapToDouble(EpochStats::validationMse).toArray();
            var series = chart.addSeries(t.spec().id() + " (" + t.status().label() + ")", x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            if (k >= NAMED) {
                gray(series);
                series.setShowInLegend(false);
            } else {
                series.setLineColor(PALETTE[k]);
                series.setMarkerColor(PALETTE[k]);
            }
        }
        if (ranked.size() > NAMED) {
            chart.setTitle("Validation MSE per epoch: the best " + NAMED + " trials named, " + (ranked.size() - NAMED)
                    + " more in gray");
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no trial finished an epoch", new double[]{0}, new double[]{1});
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log axis labels decades only: over less than one it would show a single label. */
    private static boolean spansDecades(List<TrialResult> trials) {
        DoubleSummaryStatistics range = trials.stream().flatMap(t -> t.epochs().stream())
                .mapToDouble(EpochStats::validationMse).filter(v -> v > 0).summaryStatistics();
        return range.getCount() > 0 && range.getMax() / range.getMin() > 10;
    }

    private static void gray(XYSeries series) {
        series.setLineColor(Color.LIGHT_GRAY);
        series.setMarkerColor(Color.LIGHT_GRAY);
    }
}

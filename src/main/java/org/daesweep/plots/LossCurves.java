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

/** Validation MSE per epoch of every trial that has one, on a log axis, as a PNG. */
public final class LossCurves {
    private LossCurves() {
    }

    public static byte[] png(List<TrialResult> trials) {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Validation MSE per epoch").xAxisTitle("epoch").yAxisTitle("validation MSE").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (TrialResult t : trials) {
            List<EpochStats> points = t.epochs().stream().filter(e -> e.validationMse() > 0).toList();
            if (points.isEmpty()) {
                continue;
            }
            double[] x = points.stream().mapToDouble(EpochStats::epoch).toArray();
            double[] y = points.stream().mapToDouble(EpochStats::validationMse).toArray();
            chart.addSeries(t.spec().id() + " (" + t.status().label() + ")", x, y).setMarker(SeriesMarkers.CIRCLE);
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
}

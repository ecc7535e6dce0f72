package org.daesweep.plots;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' axes are ticked from the data: whole epochs, and labels on a log axis however narrow its range. */
class SvgTest {
    private static List<String> ticks(String svg) {
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"tick\">([^<]*)<").matcher(svg);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    private static String curve(double[] epochs, double[] values) {
        return Svg.curves(List.of(new ReportData.Curve("trial-0000", epochs, values)), "validation MSE");
    }

    @Test
    void epochsAreTickedAtWholeEpochs() {
        List<String> labels = ticks(curve(new double[]{1, 2, 3}, new double[]{0.05, 0.03, 0.02}));
        assertEquals(List.of("1", "2", "3"), labels.subList(0, 3), labels.toString());
        List<String> many = ticks(curve(new double[]{1, 10, 20, 40}, new double[]{0.05, 0.03, 0.02, 0.01}));
        assertEquals(List.of("10", "20", "30", "40"), many.subList(0, 4), many.toString());
    }

    @Test
    void aNarrowLogRangeIsTickedAtRoundValues() {
        List<String> labels = ticks(curve(new double[]{1, 2}, new double[]{0.00671, 0.0169}));
        assertTrue(labels.containsAll(List.of("0.007", "0.008", "0.009", "0.01")), labels.toString());
        List<String> narrow = ticks(curve(new double[]{1, 2}, new double[]{0.01212, 0.01288}));
        List<String> y = narrow.subList(2, narrow.size());
        assertTrue(y.size() >= 2 && y.stream().allMatch(l -> l.length() <= 6), "round labels: " + y);
        List<String> wide = ticks(curve(new double[]{1, 2}, new double[]{0.001, 0.5}));
        assertTrue(wide.containsAll(List.of("0.001", "0.002", "0.005", "0.01", "0.1", "0.5")), wide.toString());
    }
}

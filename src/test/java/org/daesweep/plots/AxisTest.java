package org.daesweep.plots;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.daesweep.plots.Svg.Axis;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Axes drawn from data of any range: ticks inside the frame, in order, labelled with their value. */
class AxisTest {
    private static final double FRAME_LEFT = Svg.LEFT;
    private static final double FRAME_RIGHT = Svg.W - Svg.RIGHT;

    @Property(tries = 500)
    void aLinearAxisHasRoundOrderedTicksInsideItsFrame(@ForAll("values") List<Double> values) {
        Axis axis = Axis.linear(values, false);
        List<Axis.Tick> ticks = axis.ticks();
        assertTrue(ticks.size() >= 2, "at least two labels: " + ticks);
        double step = ticks.get(1).value() - ticks.get(0).value();
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
        assertTrue(List.of(1.0, 2.0, 5.0, 10.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-6),
                "a 1-2-5 step: " + step);
        assertLabelledInOrderInside(axis, values);
    }

    @Property(tries = 300)
    void aCountAxisIsTickedAtWholeNumbersOnly(@ForAll("counts") List<Double> counts) {
        Axis axis = Axis.linear(counts, true);
        axis.ticks().forEach(t -> assertEquals(Math.rint(t.value()), t.value(), 1e-9, "whole: " + t));
        assertLabelledInOrderInside(axis, counts);
    }

    @Property(tries = 500)
    void aLogAxisHasAtLeastTwoPositiveTicksInsideItsFrame(@ForAll("positives") List<Double> values) {
        Axis axis = Axis.log(values);
        assertTrue(axis.ticks().size() >= 2, "at least two labels: " + axis.ticks());
        axis.ticks().forEach(t -> assertTrue(t.value() > 0, "positive: " + t));
        assertLabelledInOrderInside(axis, values);
    }

    @Example
    void aLogAxisBetweenTwoMantissasStillHasTwoTicks() {
        // 1.05 to 2.95: the only whole mantissa inside is 2, and a third of the range rounds up to a step of 1.
        aLogAxisHasAtLeastTwoPositiveTicksInsideItsFrame(List.of(1.05, 2.95));
    }

    @Property(tries = 100)
    void categoriesAreTickedOncePerNameInTheirOrder(@ForAll("names") List<String> names) {
        Axis axis = Axis.categories(names);
        assertEquals(names, axis.ticks().stream().map(Axis.Tick::label).toList());
        for (int i = 1; i < names.size(); i++) {
            assertTrue(axis.at(i) > axis.at(i - 1));
        }
        assertTrue(axis.at(0) > FRAME_LEFT && axis.at(names.size() - 1) < FRAME_RIGHT);
    }

    /** Every tick and every value lands inside the frame, in the values' order; labels read back as values. */
    private static void assertLabelledInOrderInside(Axis axis, List<Double> values) {
        double previous = Double.NEGATIVE_INFINITY;
        for (Axis.Tick t : axis.ticks()) {
            double px = axis.at(t.value());
            assertTrue(px >= FRAME_LEFT && px <= FRAME_RIGHT, "tick " + t + " at " + px);
            assertTrue(px > previous, "ticks in order: " + axis.ticks());
            previous = px;
            double read = new BigDecimal(t.label()).doubleValue();
            assertTrue(axis.ticks().stream().filter(o -> o.label().equals(t.label())).count() == 1,
                    "labels tell the ticks apart: " + axis.ticks());
            assertEquals(t.value(), read, Math.abs(t.value()) * 5e-3 + 1e-12, "label of " + t);
        }
        for (double v : values) {
            if (!axis.log() || v > 0) {
                double px = axis.at(v);
                assertTrue(px >= FRAME_LEFT && px <= FRAME_RIGHT, "value " + v + " at " + px);
            }
        }
    }

    @Provide
    Arbitrary<List<Double>> values() {
        Arbitrary<Double> scale = Arbitraries.of(1e-6, 1e-3, 1.0, 1e3, 1e6);
        Arbitrary<Double> offset = Arbitraries.doubles().between(-1e6, 1e6);
        return scale.flatMap(s -> offset.flatMap(o -> Arbitraries.doubles().between(-1, 1)
                .map(d -> o * s + d * s).list().ofMinSize(1).ofMaxSize(40)));
    }

    @Provide
    Arbitrary<List<Double>> counts() {
        return Arbitraries.integers().between(0, 5000).map(Integer::doubleValue).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Double>> positives() {
        return Arbitraries.doubles().between(-9, 6).map(e -> Math.pow(10, e)).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<String>> names() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().uniqueElements().ofMinSize(1).ofMaxSize(12);
    }
}

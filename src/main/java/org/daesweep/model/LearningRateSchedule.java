package org.daesweep.model;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adam's learning rate over a trial's optimiser steps. Defined on the step count of the whole
 * trial, so a trial with more epochs decays more slowly rather than restarting.
 *
 * @param kind       constant, cosine (half a cosine from the base rate down to 1% of it) or step
 *                   (the base rate, x0.1 from half way, x0.01 from three quarters)
 * @param base       the configured learning rate
 * @param totalSteps optimiser steps of the whole trial
 */
public record LearningRateSchedule(String kind, double base, long totalSteps) implements ISchedule {
    private static final double FLOOR = 0.01;

    public LearningRateSchedule {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, got " + totalSteps);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double done = Math.min(1.0, (double) iteration / totalSteps);
        return switch (kind) {
            case "constant" -> base;
            case "cosine" -> base * (FLOOR + (1 - FLOOR) * 0.5 * (1 + Math.cos(Math.PI * done)));
            case "step" -> done < 0.5 ? base : done < 0.75 ? base * 0.1 : base * FLOOR;
            default -> throw new IllegalArgumentException("unknown learning-rate schedule " + kind);
        };
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}

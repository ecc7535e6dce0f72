package org.daesweep.search.scheduler;

import java.util.List;
import java.util.Map;

/** The order schedulers promote in. */
final class Ranking {
    private Ranking() {
    }

    /** The {@code n} trials with the lowest finite objective; ties go to the lower trial id, so decisions are reproducible. */
    static List<String> best(Map<String, Double> objectives, int n) {
        return objectives.entrySet().stream().filter(e -> Double.isFinite(e.getValue()))
                .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}

package org.daesweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.plots.ReportData;
import org.daesweep.plots.ReportPage;
import org.daesweep.search.sampler.RandomSampler;
import org.daesweep.search.sampler.SearchHistory;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report of a big sweep stays small, and its views are computed from the tables' rows. */
class ReportTest {
    private static final SearchSpace SPACE = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
            Hyperparameter.LEARNING_RATE, new Domain.Continuous(1e-4, 1e-2, true),
            Hyperparameter.FILTERS, new Domain.IntRange(8, 64, 8),
            Hyperparameter.BATCH_NORM, new Domain.Choice(List.of(true, false))));
    private static final long START = 1_800_000_000_000L;

    private static JsonNode plan() throws Exception {
        return new ObjectMapper().readTree("{\"plan\": {\"sampler\": \"random\", \"space\": {"
                + "\"learning-rate\": {\"type\": \"loguniform\", \"min\": 1e-4, \"max\": 1e-2},"
                + "\"filters\": {\"type\": \"int\", \"min\": 8, \"max\": 64, \"step\": 8},"
                + "\"batch-norm\": [true, false]}}}").path("plan");
    }

    /** Trials whose validation MSE is set by the learning rate alone, ending a minute apart. */
    private static List<TrialResult> trials(int count) {
        List<TrialResult> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Hyperparameters hp = new RandomSampler().propose(SPACE, i, 5, SearchHistory.NONE);
            double u = Math.log10(hp.learningRate()) + 3;
            double mse = 0.01 + 0.01 * u * u;
            EpochStats epoch = new EpochStats(1, mse, mse, mse, 30, START + 60_000L * (i + 1), 1000.0 / hp.filters());
            out.add(i % 50 == 7 ? TrialResult.unmeasured(TrialSpec.of(i, 1, hp), TrialStatus.DIVERGED, List.of(), "nan",
                    "", "") : new TrialResult(TrialSpec.of(i, 1, hp), TrialStatus.OK, "",
                            new TrialResult.Training(List.of(epoch), 1, mse, hp.filters() * 1000L, 30),
                            new TrialResult.Placement("", ""), new TrialResult.Rungs(0, List.of(mse))));
        }
        return out;
    }

    @Test
    void aSweepOfTenThousandTrialsGivesASmallPageThatSaysWhereTheRestIs() throws Exception {
        Report.Rows rows = Report.Rows.ofSearch(SPACE, trials(10_000), List.of(1.0), true);
        ReportData data = Report.data("big", plan(), rows, List.of(), false);
        ReportData.Search s = data.search();
        assertEquals(Report.TABLE_ROWS, s.trials().shown().rows().size());
        assertEquals(10_000, s.trials().total());
        assertTrue(s.trials().sampleNote().contains("SELECT * FROM trials"), s.trials().sampleNote());
        assertEquals(Report.SHOWN, s.parallel().lines().size());
        s.scatters().forEach(p -> assertEquals(Report.SHOWN, p.points().size(), p.hyperparameter()));
        int bytes = ReportPage.html(data).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 2_000_000, "page of " + bytes + " bytes");
    }

    @Test
    void theViewsOfASearchComeFromItsRows() throws Exception {
        List<TrialResult> trials = trials(60);
        ReportData.Search s = Report.data("small", plan(), Report.Rows.ofSearch(SPACE, trials, List.of(1.0), true),
                List.of(), false).search();
        assertEquals("", s.trials().sampleNote());
        assertEquals(60, s.trials().shown().rows().size());

        ReportData.Progress byTrials = s.progress().get(0);
        double[] best = byTrials.best();
        for (int i = 1; i < best.length; i++) {
            assertTrue(best[i] <= best[i - 1], "the best so far never rises");
        }
        double lowest = trials.stream().filter(t -> t.status() == TrialStatus.OK).mapToDouble(TrialResult::bestValidationMse)
                .min().orElseThrow();
        assertEquals(lowest, best[best.length - 1], 1e-12);
        ReportData.Progress byTime = s.progress().get(1);
        // Trial i ends i + 1 minutes after START; the first began 30 s before it ended, the last ended at 60 minutes.
        assertEquals("minutes since the search began", byTime.axis());
        assertEquals(60 - 0.5, byTime.x()[byTime.x().length - 1], 1e-9);

        assertEquals("learning-rate", s.importance().hyperparameters().get(0), s.importance().toString());
        assertTrue(s.importance().basis().contains("largest divergence") && !s.importance().basis().contains("stood out"),
                "the learning rate decides here: " + s.importance().basis());
        assertEquals(1.0, s.importance().shares().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);

        assertEquals(4, s.parallel().axes().size(), "three hyperparameters and the validation MSE");
        ReportData.Tradeoff parameters = s.costs().get(0);
        List<ReportData.Point> front = parameters.front();
        for (int i = 1; i < front.size(); i++) {
            assertTrue(front.get(i).x() >= front.get(i - 1).x() && front.get(i).y() < front.get(i - 1).y(),
                    "along the front, more parameters buy a lower MSE");
        }
        for (ReportData.Point p : parameters.points().points()) {
            assertTrue(front.stream().anyMatch(f -> f.x() <= p.x() && f.y() <= p.y()), "every trial is matched or beaten on the front");
        }
        assertEquals("validation images/s on one task", s.costs().get(1).points().hyperparameter());
    }
}

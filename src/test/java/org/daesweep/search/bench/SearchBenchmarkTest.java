package org.daesweep.search.bench;

import org.daesweep.search.SweepLoop;
import org.daesweep.search.bench.SearchRun.Point;
import org.daesweep.search.sampler.RandomSampler;
import org.daesweep.search.scheduler.FullBudget;
import org.daesweep.search.stop.Budget;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search benchmark's parts, and a small run of it on every build; {@code scripts/search-bench.sh}
 * runs it in full (more seeds, parallelism up to 128) and prints the tables.
 */
class SearchBenchmarkTest {
    private static final int SEEDS = Integer.getInteger("dae.search.seeds", 3);
    private static final int[] PARALLEL = Arrays.stream(System.getProperty("dae.search.parallel", "1,16").split(","))
            .mapToInt(Integer::parseInt).toArray();

    @Test
    void testFunctionsHaveTheirKnownMinima() {
        assertEquals(0.397887, TestFunctions.branin(Math.PI, 2.275), 1e-6);
        assertEquals(0.397887, TestFunctions.branin(-Math.PI, 12.275), 1e-6);
        assertEquals(-3.32237, TestFunctions.hartmann6(new double[]{0.20169, 0.150011, 0.476874, 0.275332, 0.311652,
                0.6573}), 1e-5);
        double choiceOptimum = TestFunctions.hartmann6Optimum();
        assertTrue(choiceOptimum > -3.32237 && choiceOptimum < -3.0, "with the last coordinate a choice: " + choiceOptimum);
    }

    @Test
    void piecesEndOutOfOrderAsOnACluster() {
        Problem branin = TestFunctions.branin();
        List<Integer> ended = new ArrayList<>();
        SimulatedCluster cluster = new SimulatedCluster(branin);
        List<TrialResult> all = new SweepLoop(branin.space(), new RandomSampler(), 1, 1, new FullBudget(1), Budget.NONE,
                40, 8).run(Map.of(), cluster, new SweepLoop.Listener() {
            public void pieceEnded(TrialPiece piece, TrialResult merged) {
                ended.add(merged.spec().index());
            }

            public void progress(SweepLoop.Counts counts) {
            }
        });
        assertEquals(40, all.size());
        assertEquals(40, ended.stream().distinct().count());
        assertNotEquals(ended.stream().sorted().toList(), ended, "trials of unequal length end out of order");
        assertTrue(cluster.now() > 0);
    }

    @Test
    void aTabularProblemReplaysItsRecordedCurves() {
        Tabular table = Tabular.load("digits");
        assertTrue(table.finalObjectives().size() >= 100, "configurations that trained");
        assertEquals(9, table.epochs());
        assertTrue(table.topShare(0.01) >= table.optimum());
        assertEquals(table.optimum(), Arrays.stream(table.curve(table.best()).validationMse()).min().orElseThrow(),
                "the best configuration reaches the optimum");
        List<SearchRun.Point> points = SearchRun.run(table, SearchBenchmark.EARLY_STOPPING.get(0), 4, 7, 40, 0);
        SearchRun.Point last = points.get(points.size() - 1);
        assertTrue(last.best() >= table.optimum(), "no result better than the table holds");
        assertTrue(last.epochs() < 40 * 9, "ASHA stopped some trials early: " + last.epochs() + " epochs");
    }

    /** The median over 9 seeds of the best found in 100 trials on one slot. */
    private static double medianBest(Problem p, String method) {
        SearchRun.Method m = SearchBenchmark.FULL_BUDGET.stream().filter(x -> x.name().equals(method)).findFirst()
                .orElseThrow();
        double[] best = new double[9];
        for (int seed = 0; seed < best.length; seed++) {
            best[seed] = SearchRun.bestWithin(SearchRun.run(p, m, 1, seed, 100, 0), Point::trials, 100);
        }
        Arrays.sort(best);
        return best[4];
    }

    @Test
    void tpeFindsBetterThanRandomSearchAndInSixDimensionsMultivariateBetterStill() {
        for (Problem p : List.of(TestFunctions.branin(), TestFunctions.hartmann6())) {
            double random = medianBest(p, "random");
            double multivariate = medianBest(p, "mv-tpe");
            assertTrue(multivariate < random, p.name() + ": median best after 100 trials, TPE " + multivariate
                    + ", random " + random);
        }
        Problem hartmann = TestFunctions.hartmann6();
        double univariate = medianBest(hartmann, "tpe");
        double multivariate = medianBest(hartmann, "mv-tpe");
        assertTrue(multivariate < univariate, "Hartmann-6: median best after 100 trials, multivariate " + multivariate
                + ", univariate " + univariate);
    }

    @Test
    void benchmark() throws Exception {
        String report = new SearchBenchmark(SEEDS, PARALLEL).report(List.of(TestFunctions.branin(),
                TestFunctions.hartmann6()), Tabular.load("digits"));
        // A file, not standard output: what the test JVM prints is the build's.
        Files.writeString(Path.of("target", "search-bench.md"), report);
        for (SearchRun.Method m : SearchBenchmark.FULL_BUDGET) {
            assertTrue(report.contains("| " + m.name() + " | 16 |"), m.name() + " in\n" + report);
        }
        assertTrue(report.contains("told the best configuration as its first trial: 1 / "),
                "on one slot the best configuration, proposed first, is the first trial to end:\n" + report);
    }
}

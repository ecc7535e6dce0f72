package org.daesweep.search;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.sampler.RandomSampler;
import org.daesweep.search.scheduler.Asha;
import org.daesweep.search.scheduler.FullBudget;
import org.daesweep.search.scheduler.Scheduler;
import org.daesweep.search.scheduler.SchedulerSpec;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.search.stop.Budget;
import org.daesweep.search.stop.StopCondition;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.Epochs;
import org.daesweep.trial.PartialEpoch;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search loop with a simulated trainer: a trial's validation MSE after e epochs (a fraction
 * too) is its learning rate + 1/e, so the lower the rate the better, at every rung.
 */
class SweepLoopTest {
    private static final int MAX_EPOCHS = 9;
    private final SearchSpace space = new SearchSpace(Hyperparameters.referenceBaseline().withTraining(MAX_EPOCHS, 64),
            Map.of(Hyperparameter.LEARNING_RATE, new Domain.Continuous(0.01, 1, false)));

    /** Trains synchronously; checks that a continued trial starts from its own checkpoint. */
    private static class FakeTrainer implements TrialExecutor {
        final List<String> pieces = new ArrayList<>();
        final Map<String, Double> reached = new HashMap<>();
        double epochs;

        @Override
        public CompletableFuture<TrialPiece> run(TrialSpec spec, Checkpoint from, double until) {
            double start = from == null ? 0 : from.epochsTrained();
            assertEquals(reached.getOrDefault(spec.id(), 0.0), start, 1e-9, spec.id() + " continues where it stopped");
            pieces.add(spec.id() + ":" + Epochs.format(start) + "->" + Epochs.format(until));
            reached.put(spec.id(), until);
            epochs += until - start;
            List<EpochStats> stats = new ArrayList<>(from == null ? List.of() : from.epochs());
            double rate = spec.hyperparameters().learningRate();
            boolean broken = rate > 0.95;
            for (int e = stats.size() + 1; e <= until; e++) {
                stats.add(new EpochStats(e, 1, 1, broken ? Double.NaN : rate + 1.0 / e, 1, 0, Double.NaN));
            }
            int whole = (int) until;
            PartialEpoch partial = until > whole ? new PartialEpoch((int) Math.round((until - whole) * 90), 90, 0, 0) : null;
            TrialResult r = new TrialResult(spec, broken ? TrialStatus.DIVERGED : TrialStatus.OK, "",
                    new TrialResult.Training(stats, until, broken ? Double.NaN : rate + 1 / until, 10, 1),
                    new TrialResult.Placement("0", "h"), TrialResult.Rungs.NONE);
            Checkpoint next = !broken && until < MAX_EPOCHS ? new Checkpoint(stats, partial, new byte[0]) : null;
            return CompletableFuture.completedFuture(new TrialPiece(r, next, false));
        }
    }

    /** Keeps every trial's latest piece, as the journal does. */
    private static class Journal implements SweepLoop.Listener {
        final Map<String, TrialPiece> pieces = new HashMap<>();
        SweepLoop.Counts last;

        @Override
        public void pieceEnded(TrialPiece piece, TrialResult merged) {
            pieces.put(merged.spec().id(), new TrialPiece(merged, piece.checkpoint(), false));
        }

        @Override
        public void progress(SweepLoop.Counts counts) {
            last = counts;
        }
    }

    private SweepLoop loop(Scheduler scheduler, StopCondition stop, int trials) {
        return new SweepLoop(space, new RandomSampler(), 42, 7, scheduler, stop, trials, 2);
    }

    @Test
    void fullBudgetTrainsEveryTrialToTheEnd() {
        FakeTrainer trainer = new FakeTrainer();
        List<TrialResult> results = loop(new FullBudget(MAX_EPOCHS), Budget.NONE, 5).run(Map.of(), trainer, new Journal());
        assertEquals(5, results.size());
        assertEquals(5 * MAX_EPOCHS, trainer.epochs);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, results.get(i).spec().index());
            assertEquals(results.get(i).status() == TrialStatus.OK ? 0 : -1, results.get(i).rung());
        }
    }

    @Test
    void ashaSpendsFewerEpochsAndCarriesTheBestTrialToTheEnd() {
        FakeTrainer trainer = new FakeTrainer();
        Journal journal = new Journal();
        List<TrialResult> results = loop(new Asha(List.of(1.0, 3.0, 9.0), 3), Budget.NONE, 27).run(Map.of(), trainer, journal);
        assertEquals(27, results.size());
        // Synchronous halving would spend 27x1 + 9x2 + 3x6 = 63 epochs; ASHA promotes on partial
        // rungs, so somewhat more, and far below the 243 of full training.
        assertTrue(trainer.epochs > 63 && trainer.epochs < 27 * MAX_EPOCHS / 2, "epochs " + trainer.epochs);
        TrialResult best = results.stream().filter(r -> r.status() == TrialStatus.OK)
                .min(java.util.Comparator.comparingDouble(r -> r.spec().hyperparameters().learningRate())).orElseThrow();
        assertEquals(2, best.rung(), "the best configuration reaches the last rung");
        assertEquals(MAX_EPOCHS, best.epochsTrained());
        assertEquals(List.of(best.spec().hyperparameters().learningRate() + 1, best.spec().hyperparameters().learningRate() + 1 / 3.0,
                best.spec().hyperparameters().learningRate() + 1 / 9.0), best.rungObjectives(), "what it reported at each rung");
        assertTrue(results.stream().filter(r -> r.status() != TrialStatus.OK).allMatch(r -> r.rung() == -1),
                "a diverged trial is never continued");
        assertEquals(27, journal.last.trials().started());
        assertTrue(journal.last.finished());
    }

    @Test
    void aFinishedPieceIsReportedOnceItsSlotHasNewWork() {
        List<String> events = new ArrayList<>();
        FakeTrainer trainer = new FakeTrainer() {
            @Override
            public CompletableFuture<TrialPiece> run(TrialSpec spec, Checkpoint from, double until) {
                events.add("run " + spec.id());
                return super.run(spec, from, until);
            }
        };
        Journal journal = new Journal() {
            @Override
            public void pieceEnded(TrialPiece piece, TrialResult merged) {
                events.add("journal " + merged.spec().id());
                super.pieceEnded(piece, merged);
            }
        };
        loop(new FullBudget(MAX_EPOCHS), Budget.NONE, 4).run(Map.of(), trainer, journal);
        // Two slots: trial-0002 takes the slot trial-0000 freed before trial-0000 is journaled.
        assertEquals(List.of("run trial-0000", "run trial-0001", "run trial-0002", "journal trial-0000",
                "run trial-0003", "journal trial-0001", "journal trial-0002", "journal trial-0003"), events);
    }

    @Test
    void aBudgetEndsTheSweepEarly() {
        FakeTrainer trainer = new FakeTrainer();
        SweepLoop loop = loop(new FullBudget(MAX_EPOCHS), new Budget(Duration.ZERO, 20, 0), 10);
        List<TrialResult> results = loop.run(Map.of(), trainer, new Journal());
        assertEquals(18, trainer.epochs, "two trials of 9 epochs fit in 20, a third does not start");
        assertTrue(loop.stopReason().startsWith("epoch budget of 20 spent"), loop.stopReason());
        assertTrue(results.size() < 10);
        SweepLoop unbounded = loop(new FullBudget(MAX_EPOCHS), Budget.NONE, 2);
        unbounded.run(Map.of(), new FakeTrainer(), new Journal());
        assertNull(unbounded.stopReason());
    }

    @Test
    void aResumedOrExtendedSweepRunsOnlyTheNewTrials() {
        Journal journal = new Journal();
        List<TrialResult> first = loop(new Asha(List.of(1.0, 3.0, 9.0), 3), Budget.NONE, 6)
                .run(Map.of(), new FakeTrainer(), journal);
        FakeTrainer trainer = new FakeTrainer();
        first.forEach(r -> trainer.reached.put(r.spec().id(), r.epochsTrained()));
        List<TrialResult> extended = loop(new Asha(List.of(1.0, 3.0, 9.0), 3), Budget.NONE, 9)
                .run(journal.pieces, trainer, new Journal());
        assertEquals(9, extended.size());
        assertTrue(trainer.pieces.stream().filter(p -> p.contains(":0->")).allMatch(
                p -> p.startsWith("trial-0006") || p.startsWith("trial-0007") || p.startsWith("trial-0008")),
                "only the three new trials start from scratch: " + trainer.pieces);
        for (int i = 0; i < 6; i++) {
            TrialResult before = first.get(i);
            TrialResult after = extended.get(i);
            assertEquals(before.spec(), after.spec());
            assertEquals(before.epochs(), after.epochs().subList(0, before.epochs().size()),
                    "a journaled trial is kept as it was, or continued from where it stopped");
        }
    }

    @Test
    void rungsBelowOneEpochJudgeManyTrialsAndAnEpochBudgetIsNeverOverrun() {
        // Issue 8's measurement in miniature: 64 trials on rungs of 1/9, 1/3, 1, 3 and 9 epochs
        // under a budget of a third of the 144 epochs that 16 trials trained in full would spend.
        FakeTrainer trainer = new FakeTrainer();
        Scheduler asha = new SchedulerSpec("asha", 0.1, 3).create(MAX_EPOCHS);
        assertEquals(5, asha.rungs().size());
        SweepLoop loop = loop(asha, new Budget(Duration.ZERO, 48, 0), 64);
        List<TrialResult> results = loop.run(Map.of(), trainer, new Journal());
        assertTrue(trainer.epochs <= 48 + 1e-9, "epochs " + trainer.epochs);
        assertTrue(trainer.pieces.contains("trial-0000:0->0.111"), trainer.pieces.toString());
        assertTrue(trainer.pieces.stream().anyMatch(p -> p.endsWith(":0.333->1")), "continued mid-epoch: " + trainer.pieces);
        assertTrue(results.stream().anyMatch(r -> r.epochsTrained() == MAX_EPOCHS), "some trial trains its full budget");
        // Unbounded, the same sweep costs more: the budget did its work.
        FakeTrainer unbounded = new FakeTrainer();
        loop(new SchedulerSpec("asha", 0.1, 3).create(MAX_EPOCHS), Budget.NONE, 64).run(Map.of(), unbounded, new Journal());
        assertTrue(unbounded.epochs > 48, "epochs " + unbounded.epochs);
        assertTrue(loop.stopReason().startsWith("epoch budget of 48 spent"), loop.stopReason());
    }
}

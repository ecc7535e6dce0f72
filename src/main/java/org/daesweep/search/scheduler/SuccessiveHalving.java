package org.daesweep.search.scheduler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Synchronous successive halving (Jamieson and Talwalkar 2016): all trials train the first rung;
 * when every one of them has reported, the best 1/{@code reduction} (at least one) go on to the
 * next rung, and so on. Decisions see whole rounds, but slots idle while a round's last trials
 * finish; {@link Asha} avoids that.
 */
public final class SuccessiveHalving implements Scheduler {
    private final List<Double> rungs;
    private final int reduction;
    private final List<Set<String>> members = new ArrayList<>();
    private final List<Map<String, Double>> results = new ArrayList<>();
    private final Deque<String> due = new ArrayDeque<>();
    private int round;

    public SuccessiveHalving(List<Double> rungs, int reduction) {
        this.rungs = List.copyOf(rungs);
        this.reduction = reduction;
        for (int i = 0; i < rungs.size(); i++) {
            members.add(new HashSet<>());
            results.add(new HashMap<>());
        }
    }

    @Override
    public List<Double> rungs() {
        return rungs;
    }

    @Override
    public boolean admitsNewTrials() {
        return round == 0;
    }

    @Override
    public void admitted(String trialId) {
        members.get(0).add(trialId);
    }

    @Override
    public double expectedEpochsPerTrial() {
        return Scheduler.expectedEpochs(rungs, reduction);
    }

    @Override
    public void reported(String trialId, int rung, double objective) {
        members.get(rung).add(trialId);
        results.get(rung).put(trialId, objective);
    }

    @Override
    public Optional<Promotion> promote(boolean entryClosed) {
        boolean roundComplete = results.get(round).keySet().containsAll(members.get(round));
        if (due.isEmpty() && round < rungs.size() - 1 && roundComplete && (round > 0 || entryClosed)) {
            Map<String, Double> r = results.get(round);
            List<String> next = Ranking.best(r, Math.max(1, members.get(round).size() / reduction));
            round++;
            members.get(round).addAll(next);
            due.addAll(next);
        }
        String next = due.poll();
        return next == null ? Optional.empty() : Optional.of(new Promotion(next, round - 1));
    }

    @Override
    public String describe() {
        return "successive-halving(rungs=" + rungs + ", reduction=" + reduction + ")";
    }
}

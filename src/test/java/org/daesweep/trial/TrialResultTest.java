package org.daesweep.trial;

import org.daesweep.model.Hyperparameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrialResultTest {
    private final TrialSpec spec = TrialSpec.of(0, 1, Hyperparameters.referenceBaseline());

    private TrialResult at(TrialStatus status, int rung) {
        return new TrialResult(spec, status, "",
                new TrialResult.Training(List.of(), 1, 0.1, 10, 1),
                new TrialResult.Placement("", ""), new TrialResult.Rungs(rung, List.of()));
    }

    @Test
    void aTrialLeftAtARungIsPausedWhileTheSearchRunsAndPrunedOnceItEnds() {
        assertEquals(TrialStage.PAUSED, at(TrialStatus.OK, 0).stage(2, false));
        assertEquals(TrialStage.PRUNED, at(TrialStatus.OK, 0).stage(2, true));
        assertEquals(TrialStage.COMPLETED, at(TrialStatus.OK, 2).stage(2, false));
        assertEquals(TrialStage.COMPLETED, at(TrialStatus.OK, 2).stage(2, true));
        assertEquals(TrialStage.STOPPED, at(TrialStatus.COLLAPSED, 2).stage(2, true));
        assertEquals(TrialStage.STOPPED, at(TrialStatus.FAILED, -1).stage(2, false));
    }
}

package org.daesweep.results;

import org.daesweep.model.Hyperparameters;
import org.daesweep.search.TrialSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrialJournalTest {
    @Test
    void aPlanListsItsTrialIdsInOrder() {
        List<TrialSpec> specs = List.of(TrialSpec.of(0, 7, Hyperparameters.referenceBaseline()),
                TrialSpec.of(1, 7, Hyperparameters.referenceBaseline().withTraining(3, 64)));
        String plan = TrialJournal.plan("images=x limit=0 noise=gaussian(0.5) seed=7", specs);
        assertEquals(List.of("trial-0000", "trial-0001"), TrialJournal.plannedIds(plan));
    }
}

package org.daesweep.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyperparametersTest {
    @Test
    void aModelOrJournalFromBeforeAugmentExistedReadsAsTrainedWithoutIt() {
        Map<String, Object> older = new LinkedHashMap<>(
                Hyperparameters.referenceBaseline().with(Hyperparameter.AUGMENT, "dihedral").toMap());
        older.remove("augment");
        Hyperparameters read = Hyperparameters.fromMap(older);
        assertEquals("none", read.augment());
        assertFalse(read.augmentsPoses());
        // Keys of the first release stay required.
        older.remove("filters");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fromMap(older));
        assertEquals("filters: missing", e.getMessage());
    }

    @Test
    void augmentIsNoneOrDihedral() {
        assertTrue(Hyperparameters.referenceBaseline().with(Hyperparameter.AUGMENT, "Dihedral").augmentsPoses());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.referenceBaseline().with(Hyperparameter.AUGMENT, "rotate"));
        assertTrue(e.getMessage().startsWith("augment: must be one of [none, dihedral]"), e.getMessage());
    }
}

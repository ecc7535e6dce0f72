package org.daesweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.daesweep.UserException;
import org.daesweep.model.Hyperparameters;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.PartialEpoch;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialJournalTest {
    private static final Map<String, Object> PLAN = Map.of("images", "data/x.idx", "seed", 42L);
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[1]").appName("journal test").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private TrialJournal journal() {
        return new TrialJournal(new ResultStore(spark, dir.toString()));
    }

    private static TrialPiece piece(int index, boolean withCheckpoint) {
        TrialSpec spec = TrialSpec.of(index, 42, Hyperparameters.referenceBaseline());
        List<EpochStats> epochs = List.of(new EpochStats(1, 0.3, 0.25, 0.05, 1.5, 1_800_000_000_000L, 812.5),
                new EpochStats(2, 0.2, Double.NaN, 0.04, 1.4, 1_800_000_001_400L, Double.NaN));
        TrialResult result = new TrialResult(spec, TrialStatus.OK, "",
                new TrialResult.Training(epochs, 2.25, Double.NaN, 1234, 2.9),
                new TrialResult.Placement("exec-1", "host-a"), new TrialResult.Rungs(0, List.of(0.04)));
        Checkpoint checkpoint = withCheckpoint
                ? new Checkpoint(epochs, new PartialEpoch(3, 12, 0.6, 0.4), new byte[]{1, 2, 3, (byte) 255}) : null;
        return new TrialPiece(result, checkpoint, false);
    }

    @Test
    void aRecordedPieceComesBackAsItWasWritten() {
        TrialPiece paused = piece(0, true);
        TrialPiece ended = piece(1, false);
        TrialJournal journal = journal();
        assertTrue(journal.open(PLAN, false).isEmpty());
        journal.record(paused);
        journal.record(ended);
        Map<String, TrialPiece> back = journal().open(PLAN, false);
        assertEquals(paused.result(), back.get("trial-0000").result());
        assertEquals(paused.checkpoint().partial(), back.get("trial-0000").checkpoint().partial());
        assertEquals(paused.checkpoint().epochs(), back.get("trial-0000").checkpoint().epochs());
        assertArrayEquals(paused.checkpoint().network(), back.get("trial-0000").checkpoint().network());
        assertEquals(ended.result(), back.get("trial-0001").result());
        assertNull(back.get("trial-0001").checkpoint());
        String text = Files.exists(dir.resolve("journal/trial-0000.json")) ? "json" : "missing";
        assertEquals("json", text);
    }

    @Test
    void anEpochJournaledBeforeEndTimesAndSpeedsWereRecordedStillReads() throws Exception {
        journal().open(PLAN, false);
        journal().record(piece(0, false));
        Path file = dir.resolve("journal/trial-0000.json");
        String older = Files.readString(file).replaceAll(",\\s*\"endedAt\" : \\d+", "")
                .replaceAll(",\\s*\"validationImagesPerSecond\" : [^,}\\s]+", "");
        assertTrue(!older.contains("endedAt") && !older.contains("validationImagesPerSecond"), older);
        Files.writeString(file, older);
        EpochStats first = journal().open(PLAN, false).get("trial-0000").result().epochs().get(0);
        assertEquals(new EpochStats(1, 0.3, 0.25, 0.05, 1.5, 0, Double.NaN), first);

        Files.writeString(file, older.replaceFirst("\"validationMse\" : [^,]+,", ""));
        assertTrue(refused().contains("trial-0000.json"), "an epoch without its validation MSE is damaged");
    }

    @Test
    void aResultIsJournaledFlatAsEarlierVersionsWroteIt() throws Exception {
        journal().open(PLAN, false);
        journal().record(piece(0, false));
        Path file = dir.resolve("journal/trial-0000.json");
        JsonNode result = new ObjectMapper().readTree(file.toFile()).at("/piece/result");
        List<String> fields = new java.util.ArrayList<>();
        result.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("spec", "status", "epochs", "epochsTrained", "lastValidationMse", "parameterCount",
                "seconds", "error", "executor", "host", "rung", "rungObjectives"), fields);
        Files.writeString(file, Files.readString(file).replaceFirst("\"host\" : \"[^\"]*\",", ""));
        assertTrue(refused().contains("trial-0000.json"), "a result without its host is damaged");
    }

    @Test
    void aDamagedRecordIsNamedInOneLine() throws Exception {
        journal().open(PLAN, false);
        journal().record(piece(0, true));
        Path file = dir.resolve("journal/trial-0000.json");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String message = refused();
        assertTrue(message.contains("trial-0000.json: not readable as JSON") && message.endsWith("start over"), message);

        Files.writeString(file, new String(bytes).replace("\"version\" : 1", "\"version\" : 0"));
        message = refused();
        assertTrue(message.contains("version 0, this build reads dae-sweep-journal version 1"), message);
    }

    @Test
    void aJavaSerializedObjectIsRefusedNotRead() throws Exception {
        journal().open(PLAN, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(List.of("anything")));
        }
        Files.createDirectories(dir.resolve("journal"));
        Files.write(dir.resolve("journal/trial-0000.bin"), bytes.toByteArray());
        assertTrue(refused().contains("trial-0000.bin: not a journal file of this dae-sweep version"));
        Files.delete(dir.resolve("journal/trial-0000.bin"));
        Files.write(dir.resolve("journal/trial-0000.json"), bytes.toByteArray());
        assertTrue(refused().contains("trial-0000.json: not readable as JSON"));
    }

    @Test
    void anotherPlanOrAnEarlierVersionsSweepIsRefusedUnlessRestarted() throws Exception {
        journal().open(PLAN, false);
        journal().record(piece(0, false));
        UserException other = assertThrows(UserException.class, () -> journal().open(Map.of("seed", 7L), false));
        assertTrue(other.getMessage().contains("plan.json differs"), other.getMessage());
        assertTrue(journal().open(Map.of("seed", 7L), true).isEmpty(), "--restart discards the earlier trials");

        Files.writeString(dir.resolve("plan.txt"), "images=data/x.idx");
        String old = assertThrows(UserException.class, () -> journal().open(Map.of("seed", 7L), false)).getMessage();
        assertTrue(old.contains("plan.txt: a sweep of an earlier dae-sweep version"), old);
        journal().open(Map.of("seed", 7L), true);
        assertFalse(Files.exists(dir.resolve("plan.txt")));
    }

    @Test
    void aRetrainCheckpointComesBackOnlyForItsConfigurationAndSeed() {
        Hyperparameters hp = Hyperparameters.referenceBaseline().withTraining(40, 16);
        Checkpoint checkpoint = piece(0, true).checkpoint();
        journal().open(PLAN, false);
        assertTrue(journal().retrainCheckpoint(hp, 7).isEmpty(), "none yet");
        journal().recordRetrain(hp, 7, checkpoint);
        Checkpoint back = journal().retrainCheckpoint(hp, 7).orElseThrow();
        assertEquals(checkpoint.epochs(), back.epochs());
        assertArrayEquals(checkpoint.network(), back.network());
        assertTrue(journal().retrainCheckpoint(hp.withTraining(80, 16), 7).isEmpty(),
                "a retrain of another length has another learning-rate schedule: it cannot continue this one");
        assertTrue(journal().retrainCheckpoint(hp, 8).isEmpty(), "nor one with another seed");

        journal().open(PLAN, false);
        assertTrue(journal().retrainCheckpoint(hp, 7).isPresent(), "a resumed sweep keeps it");
        journal().discardRetrain();
        assertTrue(journal().retrainCheckpoint(hp, 7).isEmpty(), "dropped once the model is saved");
        journal().recordRetrain(hp, 7, checkpoint);
        journal().open(PLAN, true);
        assertTrue(journal().retrainCheckpoint(hp, 7).isEmpty(), "--restart discards it with the trials");
    }

    private String refused() {
        String m = assertThrows(UserException.class, () -> journal().open(PLAN, false)).getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.contains("--restart"), m);
        return m;
    }
}

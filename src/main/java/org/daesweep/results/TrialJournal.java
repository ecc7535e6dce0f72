package org.daesweep.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.daesweep.UserException;
import org.daesweep.model.Hyperparameters;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Every trial's latest piece (its result so far, and its checkpoint while the scheduler may still
 * continue it), persisted the moment the piece ends, so that a sweep killed at any point resumes
 * with the trials it already has. One JSON file per trial id, written atomically: a trial
 * recorded twice (a rerun, a retried job, its next rung) replaces its own file, never adds a row.
 * The retrain's latest checkpoint is kept the same way, beside them, until its model is saved.
 *
 * <p>The plan (data, noise, search space, sampler, scheduler and seeds) is saved with the
 * journal; a rerun whose plan differs is refused rather than mixing two sweeps in one table.
 * Both are data with a format version, never Java serialization: reading a results directory
 * runs no code from it, and a file this version cannot read is named, not silently trained again.
 */
public final class TrialJournal {
    static final String FORMAT = "dae-sweep-journal";
    static final int VERSION = 1;
    private static final String SUFFIX = ".json";
    private static final String RESTART = "; pass --restart to discard the earlier trials and start over";
    private static final ObjectMapper JSON = mapper();
    private final ResultStore store;

    public TrialJournal(ResultStore store) {
        this.store = store;
    }

    /**
     * Opens the journal for this plan: the results of trials already finished under the same
     * plan, by trial id. A different plan in the same directory is an error unless
     * {@code restart}, which discards the earlier journal.
     *
     * @param plan what earlier results depend on, as plain values (strings, numbers, lists, maps)
     */
    public Map<String, TrialPiece> open(Map<String, Object> plan, boolean restart) {
        // compared as parsed from its bytes, as the earlier plan is: valueToTree keeps a long a long, a parse may make it an int
        JsonNode planJson = tree(SweepDirectory.PLAN, bytes(JSON.valueToTree(Map.of("format", "dae-sweep-plan", "version", VERSION,
                "plan", plan))));
        if (restart) {
            store.delete(SweepDirectory.JOURNAL);
            store.delete(SweepDirectory.RETRAIN_CHECKPOINT);
            store.delete(SweepDirectory.OUTCOME);
            store.delete("plan.txt");
        } else {
            checkEarlierPlan(planJson);
        }
        store.writeFile(SweepDirectory.PLAN, bytes(planJson));
        return pieces();
    }

    /** The journaled trials, by id, without opening the journal for a run. */
    public Map<String, TrialPiece> pieces() {
        Map<String, TrialPiece> done = new LinkedHashMap<>();
        for (String file : store.list(SweepDirectory.JOURNAL)) {
            TrialPiece piece = decode(file, store.readFile(SweepDirectory.JOURNAL + "/" + file).orElseThrow());
            done.put(piece.result().spec().id(), piece);
        }
        return done;
    }

    /** The outcome as JSON bytes, to be published with the tables it describes. */
    public static byte[] encode(SweepOutcome outcome) {
        ObjectNode node = versioned();
        node.set("outcome", JSON.valueToTree(outcome));
        return bytes(node);
    }

    /** What the last run that went to its end computed; empty when no run has. */
    public Optional<SweepOutcome> outcome() {
        return store.readFile(SweepDirectory.OUTCOME).map(bytes -> {
            String where = store.path(SweepDirectory.OUTCOME);
            JsonNode node = checkedFormat(where, tree(where, bytes));
            try {
                return JSON.treeToValue(node.get("outcome"), SweepOutcome.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new UserException(where + ": damaged (" + UserException.firstLine(e) + ")" + RESTART);
            }
        });
    }

    private void checkEarlierPlan(JsonNode plan) {
        if (store.readFile("plan.txt").isPresent()) {
            throw new UserException(store.path("plan.txt") + ": a sweep of an earlier dae-sweep version, whose journal "
                    + "this version does not read" + RESTART);
        }
        byte[] earlier = store.readFile(SweepDirectory.PLAN).orElse(null);
        if (earlier == null) {
            store.delete(SweepDirectory.JOURNAL);
            store.delete(SweepDirectory.RETRAIN_CHECKPOINT);
            return;
        }
        JsonNode old = tree(SweepDirectory.PLAN, earlier);
        if (old.path("version").asInt(-1) != VERSION) {
            throw new UserException(store.path(SweepDirectory.PLAN) + ": plan format version " + old.path("version") + ", this build reads "
                    + VERSION + RESTART);
        }
        if (!old.equals(plan)) {
            throw new UserException(store.location() + ": holds a sweep with another search space, data or seed ("
                    + SweepDirectory.PLAN + " differs); use another sweep.name or output.dir" + RESTART);
        }
    }

    /** Persists a trial's latest piece (atomically; safe to call from several threads). */
    public void record(TrialPiece piece) {
        ObjectNode node = versioned();
        node.set("piece", JSON.valueToTree(piece));
        store.writeFile(SweepDirectory.JOURNAL + "/" + fileName(piece.result().spec().id()), bytes(node));
    }

    /**
     * Persists the retrain's checkpoint (atomically), with what it is a checkpoint of: the
     * retrained configuration and its seed.
     */
    public void recordRetrain(Hyperparameters hp, long seed, Checkpoint checkpoint) {
        ObjectNode node = versioned();
        node.set("retrain", retrainKey(hp, seed));
        node.set("checkpoint", JSON.valueToTree(checkpoint));
        store.writeFile(SweepDirectory.RETRAIN_CHECKPOINT, bytes(node));
    }

    /**
     * The checkpoint an earlier run of this sweep left in the middle of retraining this
     * configuration with this seed; empty when there is none, or it belongs to another (a changed
     * {@code retrain} section), whose training cannot be continued.
     */
    public Optional<Checkpoint> retrainCheckpoint(Hyperparameters hp, long seed) {
        byte[] bytes = store.readFile(SweepDirectory.RETRAIN_CHECKPOINT).orElse(null);
        if (bytes == null) {
            return Optional.empty();
        }
        String where = store.path(SweepDirectory.RETRAIN_CHECKPOINT);
        JsonNode node = checkedFormat(where, tree(where, bytes));
        if (!node.path("retrain").equals(retrainKey(hp, seed))) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(node.get("checkpoint"), Checkpoint.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UserException(where + ": damaged checkpoint (" + UserException.firstLine(e) + ")" + RESTART);
        }
    }

    /** Drops the retrain's checkpoint once its model is saved. */
    public void discardRetrain() {
        store.delete(SweepDirectory.RETRAIN_CHECKPOINT);
    }

    /** Compared as parsed from its bytes, as the recorded one is. */
    private static JsonNode retrainKey(Hyperparameters hp, long seed) {
        return tree(SweepDirectory.RETRAIN_CHECKPOINT, bytes(JSON.valueToTree(Map.of("hyperparameters", hp, "seed", seed))));
    }

    /** The journal file of a trial; {@link #trialId} reads it back. */
    static String fileName(String trialId) {
        return trialId + SUFFIX;
    }

    /** The trial a journal file belongs to. */
    public static String trialId(String fileName) {
        return fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
    }

    private TrialPiece decode(String file, byte[] bytes) {
        String where = store.path(SweepDirectory.JOURNAL + "/" + file);
        if (!file.endsWith(SUFFIX)) {
            throw new UserException(where + ": not a journal file of this dae-sweep version (journals are " + FORMAT
                    + " version " + VERSION + " JSON)" + RESTART);
        }
        JsonNode node = checkedFormat(where, tree(where, bytes));
        try {
            return JSON.treeToValue(node.get("piece"), TrialPiece.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UserException(where + ": damaged journal record (" + UserException.firstLine(e) + ")" + RESTART);
        }
    }

    /** A record's envelope: the format and version {@link #checkedFormat} reads back. */
    private static ObjectNode versioned() {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        return node;
    }

    private static JsonNode checkedFormat(String where, JsonNode node) {
        if (!FORMAT.equals(node.path("format").asText()) || node.path("version").asInt(-1) != VERSION) {
            throw new UserException(where + ": journal format " + node.path("format") + " version " + node.path("version")
                    + ", this build reads " + FORMAT + " version " + VERSION + RESTART);
        }
        return node;
    }

    private static JsonNode tree(String where, byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new UserException(where + ": not a JSON object" + RESTART);
            }
            return node;
        } catch (IOException e) {
            throw new UserException(where + ": not readable as JSON (" + UserException.firstLine(e) + ")" + RESTART);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a record that lacks one of {@code fields}, naming it. */
    private static void require(JsonNode node, DeserializationContext context, Class<?> type, String what,
                                String... fields) throws IOException {
        for (String field : fields) {
            if (!node.hasNonNull(field)) {
                throw context.weirdKeyException(type, field, "missing from " + what);
            }
        }
    }

    /** An epoch as journaled; one journaled before its end time and validation speed were recorded has neither. */
    private static EpochStats epochStats(JsonNode node, DeserializationContext context) throws IOException {
        require(node, context, EpochStats.class, "an epoch", "epoch", "trainLoss", "validationLoss", "validationMse",
                "seconds");
        return new EpochStats(node.get("epoch").asInt(), node.get("trainLoss").asDouble(),
                node.get("validationLoss").asDouble(), node.get("validationMse").asDouble(), node.get("seconds").asDouble(),
                node.path("endedAt").asLong(0), node.path("validationImagesPerSecond").asDouble(Double.NaN));
    }

    private static void addFlatResults(SimpleModule module) {
        module.addSerializer(TrialResult.class, new JsonSerializer<>() {
            @Override
            public void serialize(TrialResult r, JsonGenerator out, SerializerProvider provider) throws IOException {
                writeFlat(r, out, provider);
            }
        }).addDeserializer(TrialResult.class, new JsonDeserializer<>() {
            @Override
            public TrialResult deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return readFlat(in.readValueAsTree(), (ObjectMapper) in.getCodec(), context);
            }
        });
    }

    /** A trial's result as one flat object, the shape the journal has always had. */
    private static void writeFlat(TrialResult r, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeStartObject();
        provider.defaultSerializeField("spec", r.spec(), out);
        provider.defaultSerializeField("status", r.status(), out);
        provider.defaultSerializeField("epochs", r.epochs(), out);
        out.writeNumberField("epochsTrained", r.epochsTrained());
        out.writeNumberField("lastValidationMse", r.lastValidationMse());
        out.writeNumberField("parameterCount", r.parameterCount());
        out.writeNumberField("seconds", r.seconds());
        out.writeStringField("error", r.error());
        out.writeStringField("executor", r.executor());
        out.writeStringField("host", r.host());
        out.writeNumberField("rung", r.rung());
        provider.defaultSerializeField("rungObjectives", r.rungObjectives(), out);
        out.writeEndObject();
    }

    private static TrialResult readFlat(JsonNode node, ObjectMapper json, DeserializationContext context)
            throws IOException {
        require(node, context, TrialResult.class, "a trial's result", "spec", "status", "epochs", "epochsTrained",
                "lastValidationMse", "parameterCount", "seconds", "error", "executor", "host", "rung", "rungObjectives");
        List<EpochStats> epochs = json.readerFor(new TypeReference<List<EpochStats>>() {
        }).readValue(node.get("epochs"));
        List<Double> objectives = json.readerFor(new TypeReference<List<Double>>() {
        }).readValue(node.get("rungObjectives"));
        return new TrialResult(json.treeToValue(node.get("spec"), TrialSpec.class),
                json.treeToValue(node.get("status"), TrialStatus.class), node.get("error").asText(),
                new TrialResult.Training(epochs, node.get("epochsTrained").asDouble(),
                        node.get("lastValidationMse").asDouble(), node.get("parameterCount").asLong(),
                        node.get("seconds").asDouble()),
                new TrialResult.Placement(node.get("executor").asText(), node.get("host").asText()),
                new TrialResult.Rungs(node.get("rung").asInt(), objectives));
    }

    /**
     * Records by their components, but a trial's result flat; hyperparameters by their
     * user-facing keys, as in a sweep file.
     */
    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule()
                .addSerializer(Hyperparameters.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Hyperparameters hp, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeObject(hp.toMap());
                    }
                })
                .addDeserializer(Hyperparameters.class, new JsonDeserializer<>() {
                    @Override
                    public Hyperparameters deserialize(JsonParser in, DeserializationContext context) throws IOException {
                        Map<String, Object> values = in.readValueAs(new TypeReference<
                                LinkedHashMap<String, Object>>() {
                        });
                        return Hyperparameters.fromMap(values);
                    }
                })
                .addDeserializer(EpochStats.class, new JsonDeserializer<>() {
                    @Override
                    public EpochStats deserialize(JsonParser in, DeserializationContext context) throws IOException {
                        return epochStats(in.readValueAsTree(), context);
                    }
                });
        addFlatResults(module);
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .addModule(module)
                .build();
    }
}

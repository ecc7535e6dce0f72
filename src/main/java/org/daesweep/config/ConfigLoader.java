package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.daesweep.UserException;
import org.daesweep.data.ImageSize;
import org.daesweep.data.ImageSource;
import org.daesweep.data.PatchSpec;
import org.daesweep.data.SplitSpec;
import org.daesweep.data.Storage;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.noise.MixedNoise;
import org.daesweep.noise.NoNoise;
import org.daesweep.noise.NoiseKind;
import org.daesweep.noise.NoiseModel;
import org.daesweep.noise.NoiseRange;
import org.daesweep.noise.NoiseSetup;
import org.daesweep.search.sampler.GridSampler;
import org.daesweep.search.sampler.RandomSampler;
import org.daesweep.search.sampler.Sampler;
import org.daesweep.search.sampler.TpeSampler;
import org.daesweep.search.scheduler.SchedulerSpec;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.search.stop.Budget;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * Reads a HOCON file plus {@code key=value} overrides over the built-in defaults and checks
 * everything once, so that every later stage can trust the values. Every problem becomes a
 * {@link UserException} naming the file or key.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "dae-sweep-defaults.conf";
    private static final String SPACE = "search.space";
    /** The keys a noise entry may have: its type and strengths, and for a training mix its weight. */
    /** A noise block's keys: its type and each kind's strength. */
    private static final Set<String> NOISE_KEYS = Stream.concat(Stream.of("type"),
            Arrays.stream(NoiseKind.values()).map(NoiseKind::strengthKey)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> TRAIN_NOISE_KEYS =
            Stream.concat(NOISE_KEYS.stream(), Stream.of("weight")).collect(Collectors.toUnmodifiableSet());

    private ConfigLoader() {
    }

    /** Reads the file through Hadoop's FileSystem, so {@code --conf hdfs://...} works like a local path. */
    public static SweepConfig load(Storage storage, String location, List<String> overrides) {
        org.apache.hadoop.fs.Path path = storage.path(location);
        if (!storage.exists(path) || storage.isDirectory(path)) {
            throw new UserException(location + ": no such configuration file");
        }
        String text = new String(storage.readAll(path), StandardCharsets.UTF_8);
        Config user;
        try {
            Config fromFile = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(location));
            user = parseOverrides(overrides).withFallback(fromFile);
        } catch (ConfigException e) {
            throw new UserException(location + ": " + e.getMessage());
        }
        return fromConfig(user, location);
    }

    /** A local configuration file (tests, tools). */
    public static SweepConfig load(Path file, List<String> overrides) {
        return load(Storage.standalone(), file.toString(), overrides);
    }

    /** Validates a parsed user configuration; {@code source} names it in messages. */
    public static SweepConfig fromConfig(Config user, String source) {
        // From this jar's own class loader: Spark's threads may carry another as their context's.
        Config defaults = ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), DEFAULTS,
                ConfigParseOptions.defaults().setAllowMissing(false));
        try {
            Config config = user.withFallback(defaults).resolve();
            rejectUnknownKeys(user, defaults, source);
            return build(config, defaults);
        } catch (ConfigException e) {
            throw new UserException(source + ": " + e.getMessage());
        } catch (BadKey e) {
            throw new UserException(origin(user, e.getMessage(), source) + ": " + e.getMessage());
        }
    }

    /** Where the key a message starts with was set: the command line's overrides, or the file. */
    private static String origin(Config user, String message, String source) {
        String key = message.substring(0, Math.max(0, message.indexOf(':')));
        try {
            if (!key.isEmpty() && user.hasPathOrNull(key)
                    && user.getValue(key).origin().description().startsWith(OVERRIDES)) {
                return "command line";
            }
        } catch (ConfigException notAPath) {
            // a key with an index (noise.train[1].factr): named by the file, where lists are written
        }
        return source;
    }

    private static final String OVERRIDES = "command line";

    private static Config parseOverrides(List<String> overrides) {
        Config c = ConfigFactory.empty();
        for (String o : overrides) {
            if (!o.contains("=")) {
                throw new UserException("override '" + o + "': expected key=value");
            }
            c = parseOverride(o).withFallback(c);
        }
        return c;
    }

    /**
     * A value is HOCON (numbers, lists, objects); one that is not, such as {@code local[4]} or
     * {@code spark://host:7077}, is taken as the plain string the user typed.
     */
    private static Config parseOverride(String o) {
        ConfigParseOptions options = ConfigParseOptions.defaults().setOriginDescription(OVERRIDES);
        try {
            return ConfigFactory.parseString(o, options);
        } catch (ConfigException e) {
            int eq = o.indexOf('=');
            String key = o.substring(0, eq).trim();
            try {
                return ConfigFactory.parseString(key + " = " + ConfigUtil.quoteString(o.substring(eq + 1).trim()), options);
            } catch (ConfigException again) {
                throw new UserException("override '" + o + "': " + e.getMessage());
            }
        }
    }

    private static void rejectUnknownKeys(Config user, Config defaults, String source) {
        for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(SPACE + ".")) {
                continue;
            }
            if (!defaults.hasPath(key)) {
                throw new BadKey(key + ": unknown key (see the configuration reference in README.md)");
            }
        }
    }

    private static SweepConfig build(Config c, Config defaults) {
        SearchSpace space = space(c);
        Sampler sampler = sampler(c);
        int taskCpus = c.getInt("spark.task-cpus");
        if (taskCpus < 1) {
            throw new BadKey("spark.task-cpus: must be >= 1, got " + taskCpus);
        }
        int limit = c.getInt("data.limit");
        if (limit < 0) {
            throw new BadKey("data.limit: must be >= 0, got " + limit);
        }
        SweepConfig.Retrain retrain = new SweepConfig.Retrain(positive(c, "retrain.epochs"),
                positive(c, "retrain.batch-size"), c.getBoolean("retrain.distributed"),
                positive(c, "retrain.averaging-frequency"));
        String name = c.getString("sweep.name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new BadKey("sweep.name: use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
        return new SweepConfig(name, c.getLong("sweep.seed"), imageSource(c), limit, split(c), patches(c),
                noise(c, defaults), space,
                sampler, trials(c, sampler, space), scheduler(c, space), budget(c), timeout(c), c.getLong("search.seed"),
                retrain, noiseList(c, defaults, "evaluate.robustness"), c.getBoolean("evaluate.self-ensemble"),
                c.getString("output.dir"),
                c.getString("spark.master"), taskCpus, duration(c, "spark.executor-wait"), c.root().render(ConfigRenderOptions.concise().setFormatted(true)
                .setJson(false)));
    }

    private static SearchSpace space(Config c) {
        SearchSpace space = new SearchSpace(baseTrial(c), domains(c));
        if (space.domains().values().stream().allMatch(d -> d instanceof Domain.Fixed)) {
            throw new BadKey(SPACE + ": empty: every trial would train the same configuration; "
                    + "give at least one hyperparameter a list or a range, e.g. search.space { filters = [16, 32] }");
        }
        return space;
    }

    private static Sampler sampler(Config c) {
        return switch (string(c, "search.sampler")) {
            case "random" -> new RandomSampler();
            case "grid" -> new GridSampler(false);
            case "tpe" -> new TpeSampler();
            default -> throw new BadKey("search.sampler: must be random, grid or tpe, got " + c.getString("search.sampler"));
        };
    }

    /** search.trials, checked against the sampler: 0 is the whole grid, and a grid cannot give more than it holds. */
    private static int trials(Config c, Sampler sampler, SearchSpace space) {
        int trials = c.getInt("search.trials");
        if (trials < 0) {
            throw new BadKey("search.trials: must be >= 0, got " + trials);
        }
        if (sampler instanceof GridSampler) {
            long size = gridSize(sampler, space);
            if (trials > size) {
                throw new BadKey("search.trials: " + trials + " trials asked but the grid holds only " + size);
            }
            return trials == 0 ? (int) size : trials;
        }
        if (trials == 0) {
            throw new BadKey("search.trials: a random search needs trials >= 1");
        }
        return trials;
    }

    private static ImageSource imageSource(Config c) {
        String format = string(c, "data.format");
        if (!ImageSource.FORMATS.contains(format)) {
            throw new BadKey("data.format: must be one of " + ImageSource.FORMATS + ", got " + c.getString("data.format"));
        }
        String size = c.getString("data.size").trim();
        try {
            return new ImageSource(c.getString("data.images"), format,
                    size.isEmpty() || size.equals("0") ? null : ImageSize.parse(size));
        } catch (IllegalArgumentException e) {
            throw new BadKey("data.size: " + e.getMessage());
        }
    }

    private static Duration timeout(Config c) {
        return duration(c, "trial.timeout");
    }

    private static Duration duration(Config c, String key) {
        Duration d;
        try {
            d = c.getDuration(key);
        } catch (ConfigException.BadValue | ConfigException.WrongType e) {
            throw new BadKey(key + ": must be a duration such as 30m or 2h (0 = none), got " + c.getValue(key).render(ConfigRenderOptions.concise()));
        }
        if (d.isNegative()) {
            throw new BadKey(key + ": must not be negative, got " + d);
        }
        return d;
    }

    private static SchedulerSpec scheduler(Config c, SearchSpace space) {
        String type = string(c, "search.scheduler.type");
        if (!SchedulerSpec.TYPES.contains(type)) {
            throw new BadKey("search.scheduler.type: must be one of " + SchedulerSpec.TYPES + ", got " + type);
        }
        double minEpochs = c.getDouble("search.scheduler.min-epochs");
        if (!(minEpochs > 0)) {
            throw new BadKey("search.scheduler.min-epochs: must be > 0 (a fraction of an epoch allowed), got " + minEpochs);
        }
        SchedulerSpec spec = new SchedulerSpec(type, minEpochs, c.getInt("search.scheduler.reduction"));
        if (type.equals("full")) {
            return spec;
        }
        if (space.domains().containsKey(Hyperparameter.EPOCHS)) {
            throw new BadKey(SPACE + ".epochs: cannot be searched with the " + type
                    + " scheduler, which decides each trial's epochs (its full budget is trial.epochs)");
        }
        try {
            spec.create(space.base().epochs());
        } catch (IllegalArgumentException e) {
            throw new BadKey("search.scheduler: " + e.getMessage() + " (max epochs = trial.epochs)");
        }
        return spec;
    }

    private static Budget budget(Config c) {
        long epochs = c.getLong("search.stop.epochs");
        int patience = c.getInt("search.stop.patience");
        if (epochs < 0 || patience < 0) {
            throw new BadKey("search.stop: epochs and patience must be >= 0 (0 = off), got " + epochs + " and " + patience);
        }
        return new Budget(duration(c, "search.stop.time"), epochs, patience);
    }

    private static long gridSize(Sampler sampler, SearchSpace space) {
        try {
            return sampler.capacity(space);
        } catch (IllegalArgumentException e) {
            throw new BadKey(SPACE + ": " + e.getMessage());
        }
    }

    private static SplitSpec split(Config c) {
        double test = c.getDouble("data.test-fraction");
        double validation = c.getDouble("data.validation-fraction");
        if (!(test > 0 && test < 1)) {
            throw new BadKey("data.test-fraction: must be between 0 and 1, got " + test);
        }
        if (!(validation > 0 && validation < 1)) {
            throw new BadKey("data.validation-fraction: must be between 0 and 1, got " + validation);
        }
        return new SplitSpec(test, validation, c.getLong("data.split-seed"));
    }

    private static PatchSpec patches(Config c) {
        int size = c.getInt("data.patches.size");
        int perImage = c.getInt("data.patches.per-image");
        if (size < 0) {
            throw new BadKey("data.patches.size: 0 (whole images) or a side in pixels, got " + size);
        }
        if (perImage < 1) {
            throw new BadKey("data.patches.per-image: 1 or more, got " + perImage);
        }
        if (size > 0 && !c.getString("data.size").isBlank()) {
            throw new BadKey("data.size: patches are cut from the images at their own sizes; leave data.size empty "
                    + "with data.patches");
        }
        return new PatchSpec(size, perImage);
    }

    private static NoiseSetup noise(Config c, Config defaults) {
        NoiseModel evaluation = noiseModel(c.getConfig("noise"), "noise");
        String key = "noise.train";
        List<? extends ConfigObject> entries = noiseEntries(c, key, TRAIN_NOISE_KEYS);
        if (entries.isEmpty()) {
            return new NoiseSetup(evaluation, evaluation, c.getBoolean("noise.resample"));
        }
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Config entry = entries.get(i).toConfig();
            try {
                weights.add(MixedNoise.requireWeight(entry.hasPath("weight") ? entry.getDouble("weight") : 1.0));
            } catch (IllegalArgumentException e) {
                throw new BadKey(key + "[" + i + "].weight: " + e.getMessage());
            }
        }
        MixedNoise mix = new MixedNoise(noiseModels(entries, defaults, key), weights);
        return new NoiseSetup(evaluation, mix, c.getBoolean("noise.resample"));
    }

    /** A list of noise blocks such as the robustness noises; an entry's missing parameters take the noise block's defaults. */
    private static List<NoiseModel> noiseList(Config c, Config defaults, String key) {
        return noiseModels(noiseEntries(c, key, NOISE_KEYS), defaults, key);
    }

    /** The entries of a noise list, each checked for keys it may not have (a typo would silently take a default). */
    private static List<? extends ConfigObject> noiseEntries(Config c, String key, Set<String> allowed) {
        List<? extends ConfigObject> entries;
        try {
            entries = c.getObjectList(key);
        } catch (ConfigException.WrongType e) {
            throw new BadKey(key + ": must be a list of noises such as { type = gaussian, factor = 0.3 }");
        }
        for (int i = 0; i < entries.size(); i++) {
            for (String k : entries.get(i).keySet()) {
                if (!allowed.contains(k)) {
                    throw new BadKey(key + "[" + i + "]." + k + ": unknown key; a noise here takes "
                            + new TreeSet<>(allowed));
                }
            }
        }
        return entries;
    }

    private static List<NoiseModel> noiseModels(List<? extends ConfigObject> entries, Config defaults, String key) {
        List<NoiseModel> models = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            models.add(noiseModel(entries.get(i).toConfig().withFallback(defaults.getConfig("noise")),
                    key + "[" + i + "]"));
        }
        return models;
    }

    /** The noise model a block names by its type, from its factor, amount or peak. */
    private static NoiseModel noiseModel(Config n, String key) {
        String type = n.getString("type");
        try {
            if (type.equals("none")) {
                return new NoNoise();
            }
            NoiseKind kind = NoiseKind.byLabel(type).orElseThrow(() ->
                    new BadKey(key + ".type: must be one of " + NoiseKind.labels() + " or none, got " + type));
            return strength(n, kind);
        } catch (ConfigException e) {
            throw new BadKey(key + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof BadKey) {
                throw e;
            }
            throw new BadKey(key + ": " + e.getMessage());
        }
    }

    /** One strength ({@code factor = 0.5}) or a range drawn per image ({@code factor = { min = 0, max = 0.8 }}). */
    private static NoiseModel strength(Config n, NoiseKind kind) {
        String key = kind.strengthKey();
        if (n.getValue(key).valueType() == ConfigValueType.OBJECT) {
            return new NoiseRange(kind, n.getDouble(key + ".min"), n.getDouble(key + ".max"));
        }
        return kind.at(n.getDouble(key));
    }

    private static Hyperparameters baseTrial(Config c) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : Hyperparameter.keys()) {
            values.put(key, c.getValue("trial." + key).unwrapped());
        }
        try {
            return Hyperparameters.fromMap(values);
        } catch (IllegalArgumentException e) {
            throw new BadKey("trial." + e.getMessage());
        }
    }

    private static Map<Hyperparameter, Domain> domains(Config c) {
        ConfigObject space = c.getObject(SPACE);
        Map<Hyperparameter, Domain> domains = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : space.entrySet()) {
            String key = SPACE + "." + e.getKey();
            Hyperparameter h = Hyperparameter.byKey(e.getKey()).orElseThrow(() ->
                    new BadKey(key + ": unknown hyperparameter; known: " + Hyperparameter.keys()));
            try {
                domains.put(h, domain(h, e.getValue()));
            } catch (IllegalArgumentException | ConfigException ex) {
                throw new BadKey(key + ": " + ex.getMessage());
            }
        }
        return domains;
    }

    private static Domain domain(Hyperparameter h, ConfigValue value) {
        if (value.valueType() == ConfigValueType.LIST) {
            return choice(h, (List<?>) value.unwrapped());
        }
        if (value.valueType() != ConfigValueType.OBJECT) {
            return new Domain.Fixed(h.coerce(value.unwrapped()));
        }
        Config d = ((ConfigObject) value).toConfig();
        String type = d.hasPath("type") ? d.getString("type") : "";
        return switch (type) {
            case "choice" -> choice(h, d.getAnyRefList("values"));
            case "int" -> {
                requireType(h, Hyperparameter.Type.INT, "an int range");
                int min = (Integer) h.coerce(d.getNumber("min"));
                int max = (Integer) h.coerce(d.getNumber("max"));
                yield new Domain.IntRange(min, max, d.hasPath("step") ? d.getInt("step") : 1);
            }
            case "uniform", "loguniform" -> {
                requireType(h, Hyperparameter.Type.DOUBLE, "a " + type + " range");
                double min = d.getDouble("min");
                double max = d.getDouble("max");
                h.coerce(min);
                h.coerce(max);
                yield new Domain.Continuous(min, max, type.equals("loguniform"));
            }
            default -> throw new IllegalArgumentException(
                    "type must be choice, int, uniform or loguniform, got '" + type + "'");
        };
    }

    private static Domain choice(Hyperparameter h, List<?> raw) {
        List<Object> values = new ArrayList<>();
        for (Object v : raw) {
            values.add(h.coerce(v));
        }
        return new Domain.Choice(values);
    }

    private static void requireType(Hyperparameter h, Hyperparameter.Type type, String what) {
        if (h.type() != type) {
            throw new IllegalArgumentException(what + " does not fit a " + h.type().name().toLowerCase() + " value");
        }
    }

    private static int positive(Config c, String key) {
        int v = c.getInt(key);
        if (v < 1) {
            throw new BadKey(key + ": must be >= 1, got " + v);
        }
        return v;
    }

    private static String string(Config c, String key) {
        return c.getString(key).toLowerCase(Locale.ROOT);
    }

    /** A key-level problem; turned into a UserException with the source name at the top. */
    private static final class BadKey extends IllegalArgumentException {
        BadKey(String message) {
            super(message);
        }
    }
}

package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import org.daesweep.UserException;
import org.daesweep.data.Storage;
import org.daesweep.model.Hyperparameter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a HOCON file plus {@code key=value} overrides over the built-in defaults and checks
 * everything once, so that every later stage can trust the values. Every problem becomes a
 * {@link UserException} naming the file or key.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "dae-sweep-defaults.conf";

    private ConfigLoader() {
    }

    /** Reads the file through Hadoop's FileSystem, so {@code --conf hdfs://...} works like a local path. */
    public static SweepConfig load(Storage storage, String location, List<String> overrides) {
        org.apache.hadoop.fs.Path path = storage.path(location);
        Config fromCommandLine = parseOverrides(overrides);
        // The command line's Hadoop settings (an S3 endpoint, say) may be what reaches the file itself.
        Storage reading;
        try {
            reading = storage.with(HadoopSettings.of(fromCommandLine));
        } catch (BadKey e) {
            throw new UserException(OVERRIDES + ": " + e.getMessage());
        }
        reading.requireReachable(path);
        if (!reading.exists(path) || reading.isDirectory(path)) {
            throw new UserException(location + ": no such configuration file");
        }
        String text = new String(reading.readAll(path), StandardCharsets.UTF_8);
        Config user;
        try {
            Config fromFile = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(location));
            user = fromCommandLine.withFallback(fromFile);
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
        Config defaults = defaults();
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

    /**
     * Every key and its default: the commented defaults file, and what the registries declare
     * (each noise type's strength, each sampler's options, each hyperparameter's default), so a new
     * noise, sampler or hyperparameter needs no line there.
     */
    public static Config defaults() {
        Config file = ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), DEFAULTS,
                ConfigParseOptions.defaults().setAllowMissing(false));
        return file.withFallback(NoiseReader.strengthDefaults()).withFallback(SearchReader.optionDefaults())
                .withFallback(SpaceReader.trialDefaults());
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
            if (key.startsWith(SpaceReader.SPACE + ".") || HadoopSettings.isSetting(key)) {
                continue;
            }
            if (!defaults.hasPath(key)) {
                throw new BadKey(key + ": unknown key (see docs/CONFIGURATION.md)");
            }
        }
    }

    private static SweepConfig build(Config c, Config defaults) {
        Keys k = new Keys(c);
        NoiseReader noise = new NoiseReader(k, defaults.getConfig("noise"));
        SweepConfig.Data data = DataReader.read(k);
        SweepConfig.Search search = SearchReader.read(k);
        requirePatchesForCrops(data, search);
        return new SweepConfig(sweep(k), data, noise.setup(), search, retrain(k),
                new SweepConfig.Evaluate(noise.list("evaluate.robustness"), k.flag("evaluate.self-ensemble")),
                new SweepConfig.Output(k.text("output.dir")), spark(k, c),
                HadoopSettings.redacted(c).root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false)));
    }

    /** A trial's own crops are cut only in a sweep that trains on crops. */
    private static void requirePatchesForCrops(SweepConfig.Data data, SweepConfig.Search search) {
        if (data.patches().on()) {
            return;
        }
        for (Hyperparameter h : List.of(Hyperparameter.PATCH_SIZE, Hyperparameter.PATCHES_PER_IMAGE)) {
            String key = search.space().domains().containsKey(h) ? SpaceReader.SPACE + "." + h.key()
                    : search.space().base().values().get(h).equals(0) ? null : "trial." + h.key();
            if (key != null) {
                throw new BadKey(key + ": crops need a sweep that trains on patches; set data.patches.size");
            }
        }
    }

    private static SweepConfig.Sweep sweep(Keys k) {
        String name = k.text("sweep.name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new BadKey("sweep.name: use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
        return new SweepConfig.Sweep(name, k.whole("sweep.seed"));
    }

    private static SweepConfig.Retrain retrain(Keys k) {
        return new SweepConfig.Retrain(k.positive("retrain.epochs"), k.positive("retrain.batch-size"),
                k.flag("retrain.distributed"), k.positive("retrain.averaging-frequency"));
    }

    private static SweepConfig.Spark spark(Keys k, Config c) {
        return new SweepConfig.Spark(k.text("spark.master"), k.positive("spark.task-cpus"), k.duration("spark.executor-wait"),
                HadoopSettings.of(c));
    }
}

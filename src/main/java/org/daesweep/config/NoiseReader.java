package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueType;
import org.daesweep.noise.MixedNoise;
import org.daesweep.noise.NoNoise;
import org.daesweep.noise.NoiseKind;
import org.daesweep.noise.NoiseModel;
import org.daesweep.noise.NoiseRange;
import org.daesweep.noise.NoiseSetup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the {@code noise} block, and lists of noises elsewhere ({@code evaluate.robustness}), by {@link NoiseKind}. */
final class NoiseReader {
    /** A noise block's keys: its type and each kind's strength. */
    private static final Set<String> NOISE_KEYS = Stream.concat(Stream.of("type"),
            Arrays.stream(NoiseKind.values()).map(NoiseKind::strengthKey)).collect(Collectors.toUnmodifiableSet());
    /** A training mix's entries may also carry a weight. */
    private static final Set<String> TRAIN_NOISE_KEYS =
            Stream.concat(NOISE_KEYS.stream(), Stream.of("weight")).collect(Collectors.toUnmodifiableSet());

    private final Keys keys;
    /** The built-in noise block: what a list entry's missing strength is. */
    private final Config defaults;

    NoiseReader(Keys keys, Config defaults) {
        this.keys = keys;
        this.defaults = defaults;
    }

    /** Each kind's strength key at its default, for the defaults the sweep file falls back on. */
    static Config strengthDefaults() {
        return ConfigFactory.parseMap(Arrays.stream(NoiseKind.values()).collect(Collectors.toMap(
                k -> "noise." + k.strengthKey(), NoiseKind::defaultStrength)));
    }

    NoiseSetup setup() {
        NoiseModel evaluation = model(keys.config().getConfig("noise"), "noise");
        boolean resample = keys.flag("noise.resample");
        String key = "noise.train";
        List<? extends ConfigObject> entries = entries(key, TRAIN_NOISE_KEYS);
        if (entries.isEmpty()) {
            return new NoiseSetup(evaluation, evaluation, resample);
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
        return new NoiseSetup(evaluation, new MixedNoise(models(entries, key), weights), resample);
    }

    /** A list of noise blocks; an entry's missing strengths take the built-in defaults. */
    List<NoiseModel> list(String key) {
        return models(entries(key, NOISE_KEYS), key);
    }

    /** The entries of a noise list, each checked for keys it may not have (a typo would silently take a default). */
    private List<? extends ConfigObject> entries(String key, Set<String> allowed) {
        List<? extends ConfigObject> entries;
        try {
            entries = keys.config().getObjectList(key);
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

    private List<NoiseModel> models(List<? extends ConfigObject> entries, String key) {
        List<NoiseModel> models = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            models.add(model(entries.get(i).toConfig().withFallback(defaults), key + "[" + i + "]"));
        }
        return models;
    }

    /** The noise model a block names by its type, at its strength. */
    private static NoiseModel model(Config n, String key) {
        String type = n.getString("type");
        if (type.equals(NoiseKind.NONE)) {
            return new NoNoise();
        }
        NoiseKind kind = NoiseKind.byLabel(type).orElseThrow(() ->
                new BadKey(key + ".type: must be one of " + NoiseKind.labels() + " or " + NoiseKind.NONE + ", got " + type));
        try {
            return strength(n, kind);
        } catch (ConfigException | IllegalArgumentException e) {
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
}

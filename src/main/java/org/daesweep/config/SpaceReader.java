package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the {@code trial} block (the base configuration) and {@code search.space} (what varies) into a {@link SearchSpace}. */
final class SpaceReader {
    static final String SPACE = "search.space";

    private SpaceReader() {
    }

    /** {@code trial.<key>} at each hyperparameter's declared default. */
    static Config trialDefaults() {
        return ConfigFactory.parseMap(Arrays.stream(Hyperparameter.values()).collect(Collectors.toMap(
                h -> "trial." + h.key(), Hyperparameter::defaultValue)));
    }

    static SearchSpace read(Keys k) {
        SearchSpace space = new SearchSpace(baseTrial(k.config()), domains(k.config()));
        if (space.domains().values().stream().allMatch(d -> d instanceof Domain.Fixed)) {
            throw new BadKey(SPACE + ": empty: every trial would train the same configuration; "
                    + "give at least one hyperparameter a list or a range, e.g. search.space { filters = [16, 32] }");
        }
        return space;
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
}

package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The sweep file's {@code spark.hadoop} block, Hadoop's own settings passed through as Spark
 * passes {@code spark.hadoop.*} (an S3 endpoint, path-style access, a credentials provider), and
 * the rule that keeps the secret ones out of every copy of the configuration.
 */
final class HadoopSettings {
    private static final String BLOCK = "spark.hadoop";
    /** Spark's own redaction pattern, widened to every key, credential and token a connector takes. */
    private static final Pattern SECRET = Pattern.compile("(?i)secret|password|token|credential|key");
    /** What stands in a copy of the configuration for a secret value, as Spark's UI shows it. */
    private static final String REDACTED = "*********(redacted)";

    private HadoopSettings() {
    }

    /** Each setting under {@code spark.hadoop}, by its Hadoop name ({@code fs.s3a.endpoint}). */
    static Map<String, String> of(Config config) {
        Map<String, String> settings = new TreeMap<>();
        if (config.hasPath(BLOCK)) {
            for (Map.Entry<String, ConfigValue> e : config.getConfig(BLOCK).entrySet()) {
                if (e.getKey().contains("\"")) {
                    // A quoted name is one HOCON key, unlike the same name unquoted: one would hide the other.
                    throw new BadKey(BLOCK + "." + e.getKey() + ": write Hadoop's name without quotes, as in "
                            + BLOCK + ".fs.s3a.endpoint = ...");
                }
                settings.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
            }
        }
        return settings;
    }

    static boolean isSetting(String key) {
        return key.startsWith(BLOCK + ".");
    }

    /** The configuration with every secret setting's value replaced, for a copy that may be read by others. */
    static Config redacted(Config config) {
        Config out = config;
        if (config.hasPath(BLOCK)) {
            for (Map.Entry<String, ConfigValue> e : config.getConfig(BLOCK).entrySet()) {
                if (SECRET.matcher(e.getKey()).find()) {
                    out = out.withValue(BLOCK + "." + e.getKey(), ConfigValueFactory.fromAnyRef(REDACTED));
                }
            }
        }
        return out;
    }
}

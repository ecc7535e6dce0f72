package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;

import java.time.Duration;
import java.util.Locale;

/** The resolved configuration, read key by key with the checks every block shares; a bad value is a {@link BadKey}. */
final class Keys {
    private final Config config;

    Keys(Config config) {
        this.config = config;
    }

    Config config() {
        return config;
    }

    int integer(String key) {
        return config.getInt(key);
    }

    long whole(String key) {
        return config.getLong(key);
    }

    double number(String key) {
        return config.getDouble(key);
    }

    boolean flag(String key) {
        return config.getBoolean(key);
    }

    String text(String key) {
        return config.getString(key);
    }

    /** A name such as a sampler's, matched without regard to case. */
    String word(String key) {
        return config.getString(key).toLowerCase(Locale.ROOT);
    }

    int atLeast(String key, int min) {
        int v = config.getInt(key);
        if (v < min) {
            throw new BadKey(key + ": must be >= " + min + ", got " + v);
        }
        return v;
    }

    int positive(String key) {
        return atLeast(key, 1);
    }

    /** A share strictly between 0 and 1. */
    double fraction(String key) {
        double v = config.getDouble(key);
        if (!(v > 0 && v < 1)) {
            throw new BadKey(key + ": must be between 0 and 1, got " + v);
        }
        return v;
    }

    Duration duration(String key) {
        Duration d;
        try {
            d = config.getDuration(key);
        } catch (ConfigException.BadValue | ConfigException.WrongType e) {
            throw new BadKey(key + ": must be a duration such as 30m or 2h (0 = none), got "
                    + config.getValue(key).render(ConfigRenderOptions.concise()));
        }
        if (d.isNegative()) {
            throw new BadKey(key + ": must not be negative, got " + d);
        }
        return d;
    }
}

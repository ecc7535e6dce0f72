package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.daesweep.model.Hyperparameter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/CONFIGURATION.md cannot drift from the keys the loader takes: every key (the defaults
 * file's, each noise type's strength, each sampler's options, every hyperparameter) has a row
 * there with its default, and every row names a key that exists.
 */
class ConfigReferenceTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.*-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final String TRIAL = "trial.";

    @Test
    void everyKeyIsDocumentedWithItsDefault() throws IOException {
        Map<String, String> documented = rows();
        Config defaults = ConfigLoader.defaults();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : defaults.entrySet()) {
            String key = e.getKey();
            String row = key.startsWith(TRIAL) && Hyperparameter.byKey(key.substring(TRIAL.length())).isPresent()
                    ? key.substring(TRIAL.length()) : key;
            if (!documented.containsKey(row)) {
                wrong.add(key + ": no row");
            } else if (!sameDefault(e.getValue(), documented.get(row))) {
                wrong.add(key + ": documented default " + documented.get(row) + ", the loader's is "
                        + e.getValue().unwrapped());
            }
        }
        assertTrue(documented.containsKey("search.space"), "search.space has a row");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRowIsAKey() throws IOException {
        Config defaults = ConfigLoader.defaults();
        List<String> unknown = rows().keySet().stream().filter(k -> !k.endsWith("*"))
                .filter(k -> !defaults.hasPathOrNull(k) && !defaults.hasPathOrNull(TRIAL + k)).toList();
        assertEquals(List.of(), unknown, "rows of docs/CONFIGURATION.md that the loader does not know");
    }

    /** Key to its default cell, from every table row whose first cell is a key in backquotes. */
    private static Map<String, String> rows() throws IOException {
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/CONFIGURATION.md")));
        Map<String, String> rows = new LinkedHashMap<>();
        while (m.find()) {
            rows.put(m.group(1), m.group(2).trim());
        }
        assertTrue(rows.size() > 40, "the reference's rows were found: " + rows.size());
        return rows;
    }

    /** Lists and blocks are described in words; a plain value must be the one in backquotes. */
    private static boolean sameDefault(ConfigValue value, String cell) {
        if (value.valueType() == ConfigValueType.LIST || value.valueType() == ConfigValueType.OBJECT) {
            return true;
        }
        if (!(cell.startsWith("`") && cell.endsWith("`"))) {
            return false;
        }
        String text = cell.substring(1, cell.length() - 1);
        Object v = value.unwrapped();
        if (v instanceof Number n) {
            try {
                return Double.parseDouble(text) == n.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return text.equals(v.toString()) || text.equals("\"\"") && v.toString().isEmpty();
    }
}

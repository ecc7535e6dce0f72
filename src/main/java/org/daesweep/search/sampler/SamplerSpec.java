package org.daesweep.search.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A sampler as a sweep file names it ({@code search.sampler}) with its options (the block
 * {@code search.<name>}). The one list of samplers: a new one is its class and one line here,
 * with the options it takes and their defaults; the sampler checks its own options.
 */
public record SamplerSpec(String name, Map<String, Object> options) {
    private record Entry(Map<String, Object> defaults, Function<Map<String, Object>, Sampler> create) {
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("random", new Entry(Map.of(), options -> new RandomSampler()));
        REGISTRY.put("grid", new Entry(Map.of(), options -> new GridSampler(false)));
        REGISTRY.put("tpe", new Entry(TpeSampler.DEFAULTS, TpeSampler::withOptions));
    }

    /** Every sampler's name, in the order messages list them. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** Each sampler's options with their defaults, by sampler name (empty for a sampler without options). */
    public static Map<String, Map<String, Object>> optionDefaults() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        REGISTRY.forEach((name, entry) -> all.put(name, entry.defaults()));
        return all;
    }

    /** @throws IllegalArgumentException naming the option (or the sampler) that is not legal */
    public Sampler create() {
        Entry entry = REGISTRY.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", names()) + ", got " + name);
        }
        return entry.create().apply(options);
    }
}

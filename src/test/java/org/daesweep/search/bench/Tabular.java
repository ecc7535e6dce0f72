package org.daesweep.search.bench;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tabular benchmark: every configuration of a grid trained once by this project (a grid sweep,
 * {@code scripts/record-tabular.sh}), with its validation MSE after every epoch, how it ended and
 * its seconds per epoch. Every hyperparameter is a choice among the recorded values, as in the
 * tabular benchmarks of the HPO literature (HPOBench, NAS-Bench).
 */
final class Tabular implements Problem {
    /** The table's hyperparameter columns, in order, and what each holds. */
    private static final Map<String, Hyperparameter> COLUMNS = columns();

    private final String name;
    private final SearchSpace space;
    private final int epochs;
    private final Map<String, Curve> curves = new HashMap<>();
    private final Map<String, Map<Hyperparameter, Object>> rows = new HashMap<>();

    private Tabular(String name, List<String> lines) {
        this.name = name;
        List<String> header = List.of(lines.get(0).split(","));
        int firstEpoch = header.indexOf("epoch_1");
        this.epochs = header.size() - firstEpoch;
        Map<String, List<Object>> values = new LinkedHashMap<>();
        COLUMNS.keySet().forEach(k -> values.put(k, new ArrayList<>()));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < firstEpoch; i++) {
                row.put(header.get(i), cells[i]);
            }
            COLUMNS.keySet().forEach(k -> {
                Object v = parse(k, row.get(k));
                if (!values.get(k).contains(v)) {
                    values.get(k).add(v);
                }
            });
            double[] mse = Arrays.stream(cells, firstEpoch, cells.length).filter(c -> !c.isEmpty())
                    .mapToDouble(Double::parseDouble).toArray();
            String key = key(row.get("model"), Integer.parseInt(row.get("filters")),
                    Boolean.parseBoolean(row.get("batch_norm")), row.get("loss"),
                    Double.parseDouble(row.get("learning_rate")), Integer.parseInt(row.get("batch_size")));
            Map<Hyperparameter, Object> configuration = new LinkedHashMap<>();
            COLUMNS.forEach((k, h) -> configuration.put(h, parse(k, row.get(k))));
            rows.put(key, configuration);
            curves.put(key, new Curve(mse, TrialStatus.valueOf(row.get("status").toUpperCase(java.util.Locale.ROOT)), Double.parseDouble(row.get("seconds_per_epoch"))));
        }
        Map<Hyperparameter, Domain> domains = new LinkedHashMap<>();
        COLUMNS.forEach((k, h) -> domains.put(h, new Domain.Choice(values.get(k))));
        this.space = new SearchSpace(Hyperparameters.referenceBaseline(), domains);
    }

    private static Map<String, Hyperparameter> columns() {
        Map<String, Hyperparameter> columns = new LinkedHashMap<>();
        columns.put("model", Hyperparameter.MODEL);
        columns.put("filters", Hyperparameter.FILTERS);
        columns.put("batch_norm", Hyperparameter.BATCH_NORM);
        columns.put("loss", Hyperparameter.LOSS);
        columns.put("learning_rate", Hyperparameter.LEARNING_RATE);
        columns.put("batch_size", Hyperparameter.BATCH_SIZE);
        return columns;
    }

    /** The table in the test resources under {@code search-bench/<name>.csv}. */
    static Tabular load(String name) {
        try (InputStream in = Tabular.class.getResourceAsStream("/search-bench/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no table search-bench/" + name + ".csv");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return new Tabular(name, lines);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(String key, String cell) {
        return switch (key) {
            case "filters", "batch_size" -> Integer.parseInt(cell);
            case "batch_norm" -> Boolean.parseBoolean(cell);
            case "learning_rate" -> Double.parseDouble(cell);
            default -> cell;
        };
    }

    private static String key(String model, int filters, boolean batchNorm, String loss, double rate, int batchSize) {
        return String.join("/", model, Integer.toString(filters), Boolean.toString(batchNorm), loss,
                Double.toString(rate), Integer.toString(batchSize));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public int epochs() {
        return epochs;
    }

    @Override
    public Curve curve(Hyperparameters hp) {
        Curve c = curves.get(key(hp.model().label(), hp.filters(), hp.batchNorm(), hp.loss(), hp.learningRate(),
                hp.batchSize()));
        if (c == null) {
            throw new IllegalArgumentException("not in the table: " + hp);
        }
        return c;
    }

    /** Every configuration's objective after its full budget (lowest validation MSE), failed ones left out. */
    List<Double> finalObjectives() {
        return curves.values().stream().filter(c -> c.ending() == TrialStatus.OK && c.validationMse().length == epochs)
                .map(c -> Arrays.stream(c.validationMse()).min().orElseThrow()).sorted().toList();
    }

    @Override
    public double optimum() {
        return finalObjectives().get(0);
    }

    /** The configuration that reaches the optimum. */
    Hyperparameters best() {
        String key = curves.entrySet().stream()
                .filter(e -> e.getValue().ending() == TrialStatus.OK && e.getValue().validationMse().length == epochs)
                .min(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(
                        c -> Arrays.stream(c.validationMse()).min().orElseThrow()))).orElseThrow().getKey();
        return space.resolve(rows.get(key));
    }

    /** The objective that the best {@code share} of the configurations reach (at least the best one). */
    double topShare(double share) {
        List<Double> all = finalObjectives();
        return all.get(Math.max(0, (int) Math.ceil(share * curves.size()) - 1));
    }
}

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
import java.util.Comparator;
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
    /** Each configuration's curve, keyed as the space resolves it, so a proposal finds its row. */
    private final Map<Hyperparameters, Curve> curves = new HashMap<>();

    private Tabular(String name, List<String> lines) {
        this.name = name;
        List<String> header = List.of(lines.get(0).split(","));
        int firstEpoch = header.indexOf("epoch_1");
        this.epochs = header.size() - firstEpoch;
        Map<String, List<Object>> values = new LinkedHashMap<>();
        COLUMNS.keySet().forEach(k -> values.put(k, new ArrayList<>()));
        Map<Map<Hyperparameter, Object>, Curve> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < firstEpoch; i++) {
                row.put(header.get(i), cells[i]);
            }
            Map<Hyperparameter, Object> configuration = new LinkedHashMap<>();
            COLUMNS.forEach((k, h) -> {
                Object v = parse(k, row.get(k));
                configuration.put(h, v);
                if (!values.get(k).contains(v)) {
                    values.get(k).add(v);
                }
            });
            double[] mse = Arrays.stream(cells, firstEpoch, cells.length).filter(c -> !c.isEmpty())
                    .mapToDouble(Double::parseDouble).toArray();
            rows.put(configuration, new Curve(mse, TrialStatus.valueOf(row.get("status").toUpperCase(java.util.Locale.ROOT)),
                    Double.parseDouble(row.get("seconds_per_epoch"))));
        }
        Map<Hyperparameter, Domain> domains = new LinkedHashMap<>();
        COLUMNS.forEach((k, h) -> domains.put(h, new Domain.Choice(values.get(k))));
        this.space = new SearchSpace(Hyperparameters.referenceBaseline(), domains);
        rows.forEach((configuration, curve) -> curves.put(space.resolve(configuration), curve));
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
        Curve c = curves.get(hp);
        if (c == null) {
            throw new IllegalArgumentException("not in the table: " + hp);
        }
        return c;
    }

    /** Every configuration's objective after its full budget (lowest validation MSE), failed ones left out. */
    List<Double> finalObjectives() {
        return curves.values().stream().filter(this::trainedFully).map(Tabular::objective).sorted().toList();
    }

    private boolean trainedFully(Curve c) {
        return c.ending() == TrialStatus.OK && c.validationMse().length == epochs;
    }

    /** A configuration's objective: its lowest validation MSE. */
    private static double objective(Curve c) {
        return Arrays.stream(c.validationMse()).min().orElseThrow();
    }

    @Override
    public double optimum() {
        return finalObjectives().get(0);
    }

    /** The configuration that reaches the optimum. */
    Hyperparameters best() {
        return curves.entrySet().stream().filter(e -> trainedFully(e.getValue()))
                .min(Map.Entry.comparingByValue(Comparator.comparingDouble(Tabular::objective))).orElseThrow().getKey();
    }

    /** The objective that the best {@code share} of the configurations reach (at least the best one). */
    double topShare(double share) {
        List<Double> all = finalObjectives();
        return all.get(Math.max(0, (int) Math.ceil(share * curves.size()) - 1));
    }
}

package org.daesweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daesweep.model.Hyperparameter;
import org.daesweep.plots.ReportData;
import org.daesweep.plots.ReportPage;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A sweep's {@code report.html}, computed from rows of its tables: the tables on disk once the
 * sweep ended ({@code dae-sweep report DIR} and the sweep's last step), or the same rows in
 * memory while it runs. Written atomically, like every result.
 */
public final class Report {
    private static final int BEST_CURVES = 5;
    /** Rows of the trials table at most; {@code sql} has the rest. */
    static final int TABLE_ROWS = 200;
    /** Trials the charts show at most: the best half of these, and an even sample of the rest. */
    static final int SHOWN = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    /** The rows a report is computed from; metrics and images are empty until the sweep evaluates its best model. */
    public record Rows(List<Row> trials, List<Row> epochs, List<Row> rungs, List<Row> importance, List<Row> metrics) {
        /**
         * The search's trials, epochs and rungs tables as rows with their schemas, before any evaluation.
         *
         * @param searchOver whether the search has ended (its tables) or still runs (the live report)
         */
        public static Rows ofSearch(SearchSpace space, Collection<TrialResult> results, List<Double> rungEnds,
                                    boolean searchOver) {
            List<Row> trials = new ArrayList<>();
            List<Row> epochs = new ArrayList<>();
            List<Row> rungs = new ArrayList<>();
            for (TrialResult t : results) {
                trials.add(Tables.TRIALS.row(new Tables.TrialEntry(t, rungEnds, searchOver)));
                t.epochs().forEach(e -> epochs.add(Tables.EPOCHS.row(new Tables.EpochEntry(t.spec().id(), Tables.PHASE_SEARCH, e))));
                rungs.addAll(Tables.RUNGS.rows(Tables.rungs(t, rungEnds)));
            }
            return new Rows(Tables.withSchema(trials, Tables.TRIALS.schema()), Tables.withSchema(epochs, Tables.EPOCHS.schema()),
                    Tables.withSchema(rungs, Tables.RUNGS.schema()), Tables.withSchema(Tables.IMPORTANCE.rows(
                            Tables.importance(space, List.copyOf(results))), Tables.IMPORTANCE.schema()), List.of());
        }
    }

    /** Rewrites the report from the sweep's tables and pictures, as they stand on disk. */
    public static void fromTables(SparkSession spark, ResultStore store) {
        Rows rows = new Rows(read(spark, store, Tables.TRIALS.name()), read(spark, store, Tables.EPOCHS.name()),
                read(spark, store, Tables.RUNGS.name()), read(spark, store, Tables.IMPORTANCE.name()),
                read(spark, store, Tables.METRICS.name()));
        write(store, rows, false);
    }

    public static void write(ResultStore store, Rows rows, boolean running) {
        JsonNode plan = store.readFile(SweepDirectory.PLAN).map(Report::json).map(j -> j.path("plan"))
                .orElse(JSON.createObjectNode());
        List<ReportData.Image> images = new ArrayList<>();
        store.readFile(SweepDirectory.DENOISED_GRID).ifPresent(png -> images.add(new ReportData.Image("noisy / denoised / clean", png)));
        store.readFile(SweepDirectory.RESIDUAL).ifPresent(png -> images.add(new ReportData.Image("what the model removed (noisy "
                + "minus denoised): red where it darkened a pixel, blue where it brightened one, white where it left it", png)));
        ReportData data = data(store.location().replaceAll(".*/", ""), plan, rows, images, running);
        store.writeFile(SweepDirectory.REPORT, ReportPage.html(data).getBytes(StandardCharsets.UTF_8));
    }

    static ReportData data(String name, JsonNode plan, Rows rows, List<ReportData.Image> images, boolean running) {
        List<Hyperparameter> searched = searched(plan);
        List<Row> ranked = rows.trials().stream()
                .sorted(Comparator.comparingDouble(r -> value(r, "best_val_mse", Double.POSITIVE_INFINITY))).toList();
        List<Row> shown = shown(ranked.stream().filter(r -> "ok".equals(r.getAs("status"))
                && r.getAs("best_val_mse") != null).toList());
        List<Row> tableRows = ranked.subList(0, Math.min(TABLE_ROWS, ranked.size()));
        ReportData.Trials trials = new ReportData.Trials(trialsTable(tableRows, searched),
                tableRows.stream().map(Report::rowClass).toList(), ranked.size(), sampleNote(ranked.size(), shown.size()));
        ReportData.Search search = new ReportData.Search(trials, scatters(plan, shown, searched),
                curves(ranked, rows.epochs()), rungsTable(rows.rungs()), SearchCharts.progress(rows.trials(), rows.epochs()),
                SearchCharts.importance(rows.importance()), SearchCharts.parallel(plan, shown, searched),
                SearchCharts.costs(shown));
        return new ReportData("dae-sweep: " + name, running, headline(plan, ranked, rows, searched), search,
                new ReportData.Evaluation(retrain(rows.epochs()), robustnessTable(rows.metrics()), images));
    }

    /** Of the ok trials, best first: all of them, or the best half of {@link #SHOWN} and an even sample of the rest. */
    static List<Row> shown(List<Row> ok) {
        if (ok.size() <= SHOWN) {
            return ok;
        }
        List<Row> out = new ArrayList<>(ok.subList(0, SHOWN / 2));
        List<Row> rest = ok.subList(SHOWN / 2, ok.size());
        int wanted = SHOWN - SHOWN / 2;
        for (int i = 0; i < wanted; i++) {
            out.add(rest.get((int) ((long) i * rest.size() / wanted)));
        }
        return out;
    }

    /** What a big sweep's page leaves out, and the query that has it. */
    private static String sampleNote(int trials, int shown) {
        if (trials <= Math.min(TABLE_ROWS, SHOWN)) {
            return "";
        }
        return String.format(Locale.ROOT, "%,d trials: the table lists the best %d and the charts show %,d (the best %d "
                + "and an even sample of the rest); every trial, with DIR this sweep's directory: dae-sweep sql DIR "
                + "\"SELECT * FROM trials ORDER BY best_val_mse\"", trials, Math.min(TABLE_ROWS, trials), shown, SHOWN / 2);
    }

    private static List<String[]> headline(JsonNode plan, List<Row> ranked, Rows rows, List<Hyperparameter> searched) {
        List<Row> metrics = rows.metrics();
        List<String[]> h = new ArrayList<>();
        h.add(new String[]{"data", plan.path("images").asText("?") + (plan.path("limit").asInt() > 0
                ? ", first " + plan.path("limit").asInt() + " images" : "")});
        h.add(new String[]{"noise", plan.path("noise").asText("?")});
        h.add(new String[]{"search", plan.path("sampler").asText("?") + " sampler, "
                + plan.path("scheduler").path("type").asText("?") + " scheduler"});
        Map<String, Long> byStatus = ranked.stream().collect(Collectors.groupingBy(Report::rowClass, TreeMap::new,
                Collectors.counting()));
        h.add(new String[]{"trials", ranked.size() + ": " + byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))});
        ranked.stream().filter(r -> "ok".equals(r.getAs("status"))).findFirst().ifPresent(best -> h.add(new String[]{
                "best trial", best.getAs("trial_id") + ", validation MSE " + number(value(best, "best_val_mse", Double.NaN))
                + ": " + searched.stream().map(p -> p.key() + "=" + cell(best, p.column())).collect(Collectors.joining(" "))}));
        metric(metrics, "best").ifPresent(m -> h.add(new String[]{"test, best model",
                String.format(Locale.ROOT, "PSNR %.2f dB, SSIM %.3f, MSE %.5f (%s, %d images)", (double) m.getAs("psnr"),
                        (double) m.getAs("ssim"), (double) m.getAs("mse"), m.getAs("noise"), (int) m.getAs("images"))}));
        metric(metrics, "noisy-input").ifPresent(m -> h.add(new String[]{"test, noisy input",
                String.format(Locale.ROOT, "PSNR %.2f dB, SSIM %.3f, MSE %.5f", (double) m.getAs("psnr"),
                        (double) m.getAs("ssim"), (double) m.getAs("mse"))}));
        double seconds = ranked.stream().mapToDouble(r -> value(r, "seconds", 0)).sum();
        h.add(new String[]{"training time of the trials", String.format(Locale.ROOT, "%.0f s", seconds)});
        List<Row> retrain = retrainRows(rows.epochs());
        if (!retrain.isEmpty()) {
            h.add(new String[]{"retrain", String.format(Locale.ROOT, "%s on train+validation, %d epochs in %.0f s, "
                    + "training loss %s to %s", retrain.get(0).getAs("trial_id"), retrain.size(),
                    retrain.stream().mapToDouble(e -> value(e, "seconds", 0)).sum(),
                    number(value(retrain.get(0), "train_loss", Double.NaN)),
                    number(value(retrain.get(retrain.size() - 1), "train_loss", Double.NaN)))});
        }
        h.add(new String[]{"written", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))});
        return h;
    }

    /** The evaluation noise's row: the first noise of the table, which the sweep writes first. */
    private static Optional<Row> metric(List<Row> metrics, String model) {
        return metrics.stream().filter(m -> model.equals(m.getAs("model"))).findFirst();
    }

    private static ReportData.Table trialsTable(List<Row> ranked, List<Hyperparameter> searched) {
        List<String> columns = new ArrayList<>(List.of("trial", "status"));
        searched.forEach(h -> columns.add(h.key()));
        columns.addAll(List.of("val MSE", "epochs", "seconds", "why it ended"));
        List<List<String>> cells = new ArrayList<>();
        for (Row r : ranked) {
            List<String> row = new ArrayList<>(List.of(cell(r, "trial_id"), cell(r, "status")));
            searched.forEach(h -> row.add(cell(r, h.column())));
            String error = r.getAs("error");
            row.addAll(List.of(number(value(r, "best_val_mse", Double.NaN)), number(value(r, "epochs_run", Double.NaN)),
                    String.format(Locale.ROOT, "%.1f", value(r, "seconds", 0)),
                    error == null ? cell(r, "stop_reason") : cell(r, "stop_reason") + ": " + error));
            cells.add(row);
        }
        return new ReportData.Table(columns, cells);
    }

    private static String rowClass(Row r) {
        String reason = r.getAs("stop_reason");
        if (reason != null && (reason.startsWith("pruned") || reason.startsWith("paused"))) {
            return reason.substring(0, reason.indexOf(' '));
        }
        return r.getAs("status");
    }

    private static List<ReportData.Scatter> scatters(JsonNode plan, List<Row> shown, List<Hyperparameter> searched) {
        List<ReportData.Scatter> out = new ArrayList<>();
        for (Hyperparameter h : searched) {
            boolean log = logScale(plan, h);
            boolean choice = choice(plan, h);
            List<ReportData.Point> points = new ArrayList<>();
            for (Row r : shown) {
                Object v = r.getAs(h.column());
                double y = value(r, "best_val_mse", Double.NaN);
                String trial = r.getAs("trial_id");
                points.add(v instanceof Number n && !choice ? new ReportData.Point(n.doubleValue(), null, y, trial)
                        : new ReportData.Point(0, cell(r, h.column()), y, trial));
            }
            out.add(new ReportData.Scatter(h.key(), log, points));
        }
        return out;
    }

    /** Whether the plan searches the hyperparameter on a log range. */
    static boolean logScale(JsonNode plan, Hyperparameter h) {
        return "loguniform".equals(plan.path("space").path(h.key()).path("type").asText());
    }

    /** Whether the plan searches the hyperparameter as a list of values: one column per value, numbers or not. */
    static boolean choice(JsonNode plan, Hyperparameter h) {
        return plan.path("space").path(h.key()).isArray();
    }

    private static List<ReportData.Curve> curves(List<Row> ranked, List<Row> epochs) {
        List<ReportData.Curve> out = new ArrayList<>();
        ranked.stream().filter(r -> "ok".equals(r.getAs("status"))).limit(BEST_CURVES).forEach(best -> {
            String id = best.getAs("trial_id");
            List<Row> mine = epochs.stream().filter(e -> id.equals(e.getAs("trial_id")) && "search".equals(e.getAs("phase")))
                    .sorted(Comparator.comparingInt(e -> e.getAs("epoch"))).toList();
            out.add(new ReportData.Curve(id, mine.stream().mapToDouble(e -> (int) e.getAs("epoch")).toArray(),
                    mine.stream().mapToDouble(e -> value(e, "val_mse", Double.NaN)).toArray()));
        });
        return out;
    }

    private static List<Row> retrainRows(List<Row> epochs) {
        return epochs.stream().filter(e -> Tables.PHASE_RETRAIN.equals(e.getAs("phase")))
                .sorted(Comparator.comparingInt(e -> e.getAs("epoch"))).toList();
    }

    private static List<ReportData.Curve> retrain(List<Row> epochs) {
        List<Row> mine = retrainRows(epochs);
        return mine.isEmpty() ? List.of() : List.of(new ReportData.Curve(mine.get(0).getAs("trial_id"),
                mine.stream().mapToDouble(e -> (int) e.getAs("epoch")).toArray(),
                mine.stream().mapToDouble(e -> value(e, "train_loss", Double.NaN)).toArray()));
    }

    private static ReportData.Table rungsTable(List<Row> rungs) {
        Map<Integer, List<Row>> byRung = rungs.stream().collect(Collectors.groupingBy(r -> r.getAs("rung"), TreeMap::new,
                Collectors.toList()));
        List<List<String>> cells = new ArrayList<>();
        byRung.forEach((rung, rows) -> cells.add(List.of(String.valueOf(rung), number(value(rows.get(0), "epochs", 0)),
                String.valueOf(rows.size()), String.valueOf(rows.stream().filter(r -> "promoted".equals(r.getAs("decision"))).count()),
                number(rows.stream().mapToDouble(r -> value(r, "val_mse", Double.NaN)).filter(Double::isFinite).min()
                        .orElse(Double.NaN)))));
        return new ReportData.Table(List.of("rung", "ends at epoch", "trials", "promoted", "best val MSE"), cells);
    }

    private static ReportData.Table robustnessTable(List<Row> metrics) {
        Map<String, Map<String, Row>> byNoise = new LinkedHashMap<>();
        metrics.forEach(m -> byNoise.computeIfAbsent(m.getAs("noise"), k -> new LinkedHashMap<>()).put(m.getAs("model"), m));
        List<List<String>> cells = new ArrayList<>();
        byNoise.forEach((noise, models) -> {
            Row best = models.get("best");
            Row noisy = models.get("noisy-input");
            if (best != null && noisy != null) {
                cells.add(List.of(noise, String.format(Locale.ROOT, "%.2f", (double) best.getAs("psnr")),
                        String.format(Locale.ROOT, "%.3f", (double) best.getAs("ssim")),
                        String.format(Locale.ROOT, "%.2f", (double) noisy.getAs("psnr")),
                        String.format(Locale.ROOT, "%.3f", (double) noisy.getAs("ssim"))));
            }
        });
        return new ReportData.Table(List.of("noise", "model PSNR dB", "model SSIM", "input PSNR dB", "input SSIM"), cells);
    }

    private static List<Hyperparameter> searched(JsonNode plan) {
        List<Hyperparameter> out = new ArrayList<>();
        for (Iterator<String> keys = plan.path("space").fieldNames(); keys.hasNext(); ) {
            Hyperparameter.byKey(keys.next()).ifPresent(out::add);
        }
        return out;
    }

    private static double value(Row r, String column, double missing) {
        Object v = r.getAs(column);
        return v instanceof Number n ? n.doubleValue() : missing;
    }

    private static String cell(Row r, String column) {
        Object v = r.getAs(column);
        return v instanceof Double d ? number(d) : v == null ? "" : v.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "";
    }

    private static List<Row> read(SparkSession spark, ResultStore store, String table) {
        return store.exists(table) ? spark.read().parquet(store.path(table)).collectAsList() : List.of();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}

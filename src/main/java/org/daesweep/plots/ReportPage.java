package org.daesweep.plots;

import java.util.Base64;
import java.util.List;

/**
 * A sweep's report as one self-contained HTML page: inline CSS, SVG charts, PNGs as data URIs and
 * a few lines of script that sort the trials table; nothing is fetched from the network. Every
 * section carries {@code data-items}, the count of what it shows, which the browser check reads.
 */
public final class ReportPage {
    /** Seconds between reloads while the sweep runs. */
    private static final int RELOAD_SECONDS = 10;
    private static final int CURVE_LEGEND = 7;

    private ReportPage() {
    }

    public static String html(ReportData d) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (d.running()) {
            page.append("<meta http-equiv=\"refresh\" content=\"").append(RELOAD_SECONDS).append("\">");
        }
        page.append("<title>").append(Html.escape(d.title())).append("</title><style>").append(STYLE).append("</style></head><body>");
        page.append("<h1>").append(Html.escape(d.title())).append(d.running() ? " <span class=\"live\">running</span>" : "")
                .append("</h1>");
        section(page, "summary", "Summary", d.headline().size(), headline(d.headline()));
        search(page, d.search());
        evaluation(page, d.evaluation());
        return page.append("<script>").append(SORT).append("</script></body></html>\n").toString();
    }

    private static void search(StringBuilder page, ReportData.Search s) {
        StringBuilder progress = new StringBuilder();
        s.progress().forEach(p -> progress.append("<figure>").append(Svg.progress(p)).append("</figure>"));
        section(page, "progress", "Best validation MSE so far", s.progress().size(), s.progress().isEmpty()
                ? "<p class=\"empty\">no finished trial yet</p>" : progress.toString());
        ReportData.Importance importance = s.importance();
        section(page, "importance", "Which hyperparameters mattered", importance.shares().size(),
                importance.shares().isEmpty() ? "<p class=\"empty\">once two trials have reported</p>"
                        : "<figure>" + Svg.bars(importance) + "<figcaption>" + Html.escape(importance.basis())
                        + "</figcaption></figure>");
        ReportData.Trials t = s.trials();
        String note = t.sampleNote().isEmpty() ? "" : "<p class=\"note\">" + Html.escape(t.sampleNote()) + "</p>";
        section(page, "trials", "Trials", t.shown().rows().size(), note + table(t.shown(), t.statuses(), true));
        StringBuilder scatters = new StringBuilder();
        s.scatters().forEach(p -> scatters.append("<figure>").append(Svg.scatter(p, "validation MSE")).append("<figcaption>")
                .append(Html.escape(p.hyperparameter())).append(p.logX() ? " (log scale)" : "").append("</figcaption></figure>"));
        section(page, "hyperparameters", "Validation MSE by hyperparameter", s.scatters().size(), scatters.toString());
        section(page, "parallel", "All searched hyperparameters at once", s.parallel().lines().size(),
                s.parallel().lines().isEmpty() ? "<p class=\"empty\">no finished trial yet</p>"
                        : "<figure>" + Svg.parallel(s.parallel()) + "<figcaption>each line a trial; the best tenth in "
                        + "blue</figcaption></figure>");
        StringBuilder costs = new StringBuilder();
        s.costs().forEach(c -> costs.append("<figure>").append(Svg.tradeoff(c, "validation MSE")).append("<figcaption>")
                .append(Html.escape(c.points().hyperparameter())).append(": the line joins the trials no cheaper trial "
                        + "beats</figcaption></figure>"));
        section(page, "costs", "Quality against cost", s.costs().size(), s.costs().isEmpty()
                ? "<p class=\"empty\">no finished trial yet</p>" : costs.toString());
        section(page, "curves", "Validation curves of the best trials", s.curves().size(), curves(s.curves()));
        section(page, "rungs", "Rungs", s.rungs().rows().size(), s.rungs().rows().isEmpty()
                ? "<p class=\"empty\">no rung finished yet</p>" : table(s.rungs(), null, false));
    }

    private static void evaluation(StringBuilder page, ReportData.Evaluation e) {
        section(page, "retrain", "Retrain of the best configuration on train+validation", e.retrain().size(),
                e.retrain().isEmpty() ? "<p class=\"empty\">the best configuration is retrained once the search ends</p>"
                        : "<figure>" + Svg.curves(e.retrain(), "training loss") + "<figcaption>"
                        + Html.escape(e.retrain().get(0).trial()) + "</figcaption></figure>");
        section(page, "robustness", "Test metrics by noise", e.robustness().rows().size(), e.robustness().rows().isEmpty()
                ? "<p class=\"empty\">the best model is evaluated once the search and the retrain end</p>"
                : table(e.robustness(), null, false));
        StringBuilder images = new StringBuilder();
        e.images().forEach(i -> images.append("<figure><img alt=\"").append(Html.escape(i.caption())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(i.png())).append("\"><figcaption>").append(Html.escape(i.caption()))
                .append("</figcaption></figure>"));
        section(page, "images", "Test images", e.images().size(), e.images().isEmpty()
                ? "<p class=\"empty\">written with the test metrics</p>" : images.toString());
    }

    private static void section(StringBuilder page, String id, String title, int items, String body) {
        page.append("<section id=\"").append(id).append("\" data-items=\"").append(items).append("\"><h2>")
                .append(Html.escape(title)).append("</h2>").append(body).append("</section>");
    }

    private static String headline(List<String[]> pairs) {
        StringBuilder out = new StringBuilder("<dl>");
        pairs.forEach(p -> out.append("<dt>").append(Html.escape(p[0])).append("</dt><dd>").append(Html.escape(p[1])).append("</dd>"));
        return out.append("</dl>").toString();
    }

    /** A table; with statuses, rows are marked by status and the columns sort on a click. */
    private static String table(ReportData.Table t, List<String> statuses, boolean sortable) {
        StringBuilder out = new StringBuilder(sortable ? "<table class=\"sortable\"><thead><tr>" : "<table><thead><tr>");
        t.columns().forEach(c -> out.append("<th>").append(Html.escape(c)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (int r = 0; r < t.rows().size(); r++) {
            out.append(statuses == null ? "<tr>" : "<tr class=\"" + Html.escape(statuses.get(r)) + "\">");
            t.rows().get(r).forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String curves(List<ReportData.Curve> curves) {
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        for (int k = 0; k < Math.min(curves.size(), CURVE_LEGEND); k++) {
            legend.append("<li><span style=\"background:").append(Svg.COLOURS[k % Svg.COLOURS.length]).append("\"></span>")
                    .append(Html.escape(curves.get(k).trial())).append("</li>");
        }
        return "<figure>" + Svg.curves(curves, "validation MSE") + "</figure>" + legend.append("</ul>");
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:24px;color:#222}
            h1{font-size:1.5em} h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:4px}
            .live{font-size:.6em;background:#2ca02c;color:#fff;padding:2px 8px;border-radius:8px;vertical-align:middle}
            dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px} dt{font-weight:600}
            table{border-collapse:collapse;font-size:.85em} th,td{border:1px solid #ddd;padding:3px 6px;text-align:right}
            th{background:#f4f4f4} table.sortable th{cursor:pointer} td:first-child{text-align:left}
            tr.failed td,tr.diverged td,tr.timeout td{background:#fde2e2} tr.collapsed td{background:#fff3cd}
            tr.pruned td, tr.paused td{color:#777}
            figure{display:inline-block;margin:0 16px 16px 0} figcaption{text-align:center;font-size:.85em}
            .chart text.tick{font-size:10px;fill:#444} .chart text.title{font-size:11px;fill:#222}
            .legend{list-style:none;padding:0;font-size:.85em} .legend span{display:inline-block;width:12px;height:12px;margin-right:6px}
            .empty{color:#777;font-style:italic} .note{font-size:.85em;color:#555} img{image-rendering:pixelated;max-width:100%}
            """;

    private static final String SORT = """
            document.body.setAttribute('data-script', 'ran');
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, column) {
                th.addEventListener('click', function () {
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  var ascending = th.getAttribute('data-order') !== 'asc';
                  rows.sort(function (a, b) {
                    var x = a.cells[column].textContent, y = b.cells[column].textContent;
                    var nx = parseFloat(x), ny = parseFloat(y);
                    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                    return ascending ? c : -c;
                  });
                  rows.forEach(function (row) { body.appendChild(row); });
                  th.setAttribute('data-order', ascending ? 'asc' : 'desc');
                });
              });
            });
            """;
}

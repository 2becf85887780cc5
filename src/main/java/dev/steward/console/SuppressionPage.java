package dev.steward.console;

import dev.steward.consent.Subscriptions;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The suppression list in the console: how many addresses left all marketing email, a purpose or a
 * topic, and the CSV export for a mailing tool (the same file as {@code GET
 * /api/v1/marketing/suppression}), audited as {@code suppression.export}. Shows counts only, never
 * a hash.
 */
public final class SuppressionPage {
  static final String PATH = "/console/suppression";
  private static final Access EXPORT = Access.requires(Permission.SUPPRESSION_EXPORT);

  private final Subscriptions subscriptions;

  public SuppressionPage(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** One row: the scope ({@code *} all marketing email, a purpose, or purpose/topic) and count. */
  public record Row(String scope, long count) {}

  /** What the page shows. */
  public record View(ConsoleNav nav, List<Row> rows, long total) {}

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(PATH, EXPORT, this::show));
    registry.addPage(PageRoute.get(PATH + "/export.csv", EXPORT, this::export));
  }

  private void show(PageCall page) {
    List<Row> rows = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> entry : subscriptions.suppressionCounts().entrySet()) {
      rows.add(new Row(entry.getKey(), entry.getValue()));
      total += entry.getValue();
    }
    page.render(
        "console/suppression.jte",
        new View(ConsoleNav.of(page.caller(), "suppression"), rows, total));
  }

  private void export(PageCall page) {
    StringWriter out = new StringWriter();
    int rows = subscriptions.export(out);
    subscriptionsAudit(page, rows);
    page.ctx().contentType("text/csv; charset=utf-8");
    page.ctx().header("Content-Disposition", "attachment; filename=\"suppression-list.csv\"");
    page.ctx().result(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void subscriptionsAudit(PageCall page, int rows) {
    subscriptions.recordExport(page.caller(), rows);
  }
}

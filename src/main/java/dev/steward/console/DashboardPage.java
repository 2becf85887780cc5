package dev.steward.console;

import dev.steward.principal.Permission;
import dev.steward.request.RequestSearch;
import dev.steward.request.RequestSearch.Overview;
import dev.steward.request.RequestState;
import dev.steward.request.RequestSummary;
import dev.steward.vault.Art14Notice;
import dev.steward.vault.Art14Notices;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The console's landing page: open requests by state and type, those due within a week and those
 * overdue with the time left, a chart of the last weeks, and the Art. 14 notices due. Each part is
 * shown only to a role that may read it.
 */
public final class DashboardPage {
  static final Duration SOON = Duration.ofDays(7);
  private static final int WEEKS = 12;
  private static final int NOTICES = 50;

  private final RequestSearch search;
  private final Art14Notices notices;
  private final Clock clock;

  public DashboardPage(RequestSearch search, Art14Notices notices, Clock clock) {
    this.search = search;
    this.notices = notices;
    this.clock = clock;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get("/console", ConsolePages.ANY_STAFF, this::show));
  }

  private void show(PageCall page) {
    Instant now = clock.instant();
    ConsoleNav nav = ConsoleNav.of(page.caller(), "dashboard");
    Requests requests = null;
    if (page.caller().has(Permission.REQUEST_READ)) {
      Overview overview = search.overview(page.caller(), WEEKS);
      requests =
          new Requests(
              overview,
              rows(page, search.dueWithin(page.caller(), SOON), now),
              rows(page, search.overdue(page.caller()), now),
              WeeklyChart.received(overview.weeks()),
              WeeklyChart.completions(overview.weeks()));
    }
    List<Art14Notice> due =
        page.caller().has(Permission.SUBJECT_READ)
            ? notices.dueWithin(page.caller(), SOON, NOTICES)
            : null;
    page.render(
        "console/dashboard.jte",
        new Dashboard(nav, requests, due, "1".equals(page.query("passwordChanged"))));
  }

  static List<Due> rows(PageCall page, List<RequestSummary> summaries, Instant now) {
    return summaries.stream()
        .map(s -> new Due(s, open(s) ? Shown.left(page.text(), s.dueAt(), now) : "–"))
        .toList();
  }

  private static boolean open(RequestSummary summary) {
    return Arrays.stream(RequestState.values())
        .anyMatch(state -> state.id().equals(summary.state()) && state.isOpen());
  }

  /**
   * @param requests null for a role that does not read requests
   * @param notices null for a role that does not read subjects
   */
  public record Dashboard(
      ConsoleNav nav, Requests requests, List<Art14Notice> notices, boolean passwordChanged) {}

  public record Requests(
      Overview overview,
      List<Due> dueSoon,
      List<Due> overdue,
      WeeklyChart received,
      WeeklyChart completions) {}

  /** A request in a due list, with the time left (or overdue) in the page's words. */
  public record Due(RequestSummary request, String left) {}
}

package dev.steward.console;

import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.retention.Certificates;
import dev.steward.retention.Hold;
import dev.steward.retention.Holds;
import dev.steward.retention.NewHold;
import dev.steward.retention.RetentionProgress;
import dev.steward.retention.RetentionSweep;
import dev.steward.retention.RunSummary;
import dev.steward.retention.SweepReport;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Retention in the console: the rules in force with what the next run would delete and what legal
 * holds keep (a dry run), the legal holds (placed and released here by the DPO and admins), and the
 * runs with their signed deletion certificates to download and check. Each page calls the service
 * its API route calls.
 */
public final class RetentionPages {
  private static final Access READ = Access.requires(Permission.RETENTION_READ);
  private static final Access MANAGE = Access.requires(Permission.RETENTION_MANAGE);
  private static final String PATH = "/console/retention";

  private final RetentionSweep sweep;
  private final Holds holds;

  public RetentionPages(RetentionSweep sweep, Holds holds) {
    this.sweep = sweep;
    this.holds = holds;
  }

  public record RulesView(ConsoleNav nav, SweepReport report) {}

  public record HoldsView(
      ConsoleNav nav,
      List<Hold> holds,
      List<String> scopes,
      boolean manage,
      LocalDate today,
      String done,
      FormErrors errors) {}

  public record RunsView(
      ConsoleNav nav, List<RunSummary> runs, boolean manage, Certificates.Verification verified) {}

  public void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get(
            PATH,
            READ,
            page ->
                page.render(
                    "console/retention-rules.jte",
                    new RulesView(nav(page), sweep.dryRun(page.caller())))));
    registry.addPage(
        PageRoute.get(PATH + "/holds", READ, page -> showHolds(page, 200, FormErrors.none())));
    registry.addPage(PageRoute.post(PATH + "/holds", MANAGE, this::place));
    registry.addPage(
        PageRoute.post(
            PATH + "/holds/{id}/release",
            MANAGE,
            page -> {
              try {
                holds.release(page.caller(), id(page), page.form("reason"));
                page.redirect(PATH + "/holds?done=released");
              } catch (InvalidInputException e) {
                showHolds(page, 400, FormErrors.from(e, page.text(), "retention.holds"));
              }
            }));
    registry.addPage(PageRoute.get(PATH + "/runs", READ, page -> showRuns(page, null)));
    registry.addPage(
        PageRoute.post(
            PATH + "/runs",
            MANAGE,
            page -> {
              sweep.run(page.caller(), "console", RetentionProgress.NONE);
              page.redirect(PATH + "/runs");
            }));
    registry.addPage(
        PageRoute.post(
            PATH + "/runs/verify",
            READ,
            page -> showRuns(page, sweep.verify(page.caller(), page.formRaw("certificate")))));
    registry.addPage(
        PageRoute.get(
            PATH + "/runs/{id}/certificate",
            READ,
            page -> {
              UUID id = id(page);
              String document = sweep.certificate(page.caller(), id);
              page.ctx()
                  .header(
                      "Content-Disposition",
                      "attachment; filename=\"deletion-certificate-" + id + ".json\"")
                  .contentType("application/json")
                  .result(document);
            }));
  }

  private void place(PageCall page) {
    try {
      Hold.Scope scope;
      try {
        scope = Hold.Scope.of(page.form("scope"));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "choose a scope",
            List.of(new InvalidInputException.FieldProblem("scope", "not a scope")));
      }
      LocalDate review;
      try {
        review = LocalDate.parse(page.form("reviewOn"));
      } catch (DateTimeParseException e) {
        review = null;
      }
      holds.place(
          page.caller(),
          new NewHold(scope, page.form("target"), page.form("reason"), page.form("owner"), review));
      page.redirect(PATH + "/holds?done=placed");
    } catch (InvalidInputException e) {
      showHolds(page, 400, FormErrors.from(e, page.text(), "retention.holds"));
    }
  }

  private void showHolds(PageCall page, int status, FormErrors errors) {
    page.render(
        status,
        "console/retention-holds.jte",
        new HoldsView(
            nav(page),
            holds.list(page.caller()),
            Arrays.stream(Hold.Scope.values()).map(Hold.Scope::code).toList(),
            page.caller().has(Permission.RETENTION_MANAGE),
            LocalDate.now(java.time.ZoneOffset.UTC),
            page.query("done"),
            errors));
  }

  private void showRuns(PageCall page, Certificates.Verification verified) {
    page.render(
        "console/retention-runs.jte",
        new RunsView(
            nav(page),
            sweep.runs(page.caller()),
            page.caller().has(Permission.RETENTION_MANAGE),
            verified));
  }

  private static ConsoleNav nav(PageCall page) {
    return ConsoleNav.of(page.caller(), "retention");
  }

  private static UUID id(PageCall page) {
    try {
      return UUID.fromString(page.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no " + page.pathParam("id"));
    }
  }
}

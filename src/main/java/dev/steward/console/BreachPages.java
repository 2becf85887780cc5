package dev.steward.console;

import dev.steward.breach.BreachChange;
import dev.steward.breach.BreachClock;
import dev.steward.breach.BreachDetail;
import dev.steward.breach.BreachDraft;
import dev.steward.breach.BreachSummary;
import dev.steward.breach.Incidents;
import dev.steward.breach.NewBreach;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.documents.PdfFont;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageLanguage;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import dev.steward.web.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The breach register's pages: the list of incidents with each clock's time left, the form that
 * records one, and an incident's page with its clocks, timeline, letters, drafts and export, each
 * step a form that calls the service the API calls.
 */
public final class BreachPages {
  private static final Access READ = Access.requires(Permission.BREACH_READ);
  private static final Access MANAGE = Access.requires(Permission.BREACH_MANAGE);

  private final Incidents incidents;
  private final PublishedPolicies policies;
  private final Supplier<PdfFont> font;
  private final Clock clock;

  public BreachPages(
      Incidents incidents, PublishedPolicies policies, Supplier<PdfFont> font, Clock clock) {
    this.incidents = incidents;
    this.policies = policies;
    this.font = font;
    this.clock = clock;
  }

  /** A clock as a row: when, how long left, where it stands. */
  public record ClockRow(
      String jurisdiction, String audience, String due, String left, String state, String note) {}

  public record Row(
      UUID id,
      String title,
      String status,
      String awareAt,
      String affected,
      List<ClockRow> clocks) {}

  public record Option(String id, String name) {}

  public record ListPage(
      ConsoleNav nav,
      List<Row> rows,
      boolean manage,
      List<Option> systems,
      List<Option> categories,
      FormErrors errors) {}

  public record DetailPage(
      ConsoleNav nav,
      BreachDetail detail,
      List<ClockRow> clocks,
      boolean manage,
      List<Option> jurisdictions,
      String done,
      FormErrors errors) {}

  public record DraftPage(ConsoleNav nav, UUID id, BreachDraft draft) {}

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get("/console/breaches", READ, page -> list(page, 200, null)));
    registry.addPage(
        PageRoute.post(
            "/console/breaches",
            MANAGE,
            page -> {
              try {
                BreachDetail made = incidents.record(page.caller(), newBreach(page));
                page.redirect("/console/breaches/" + made.incident().id() + "?done=recorded");
              } catch (InvalidInputException e) {
                list(page, 400, FormErrors.from(e, page.text(), "breach"));
              }
            }));
    registry.addPage(
        PageRoute.get("/console/breaches/{id}", READ, page -> detail(page, 200, null)));
    step(registry, "change", (page, id) -> incidents.change(page.caller(), id, change(page)));
    step(
        registry,
        "status",
        (page, id) ->
            incidents.setStatus(page.caller(), id, page.form("status"), page.form("reason")));
    step(registry, "count", (page, id) -> incidents.countAffected(page.caller(), id));
    step(
        registry,
        "affected",
        (page, id) ->
            incidents.setAffected(
                page.caller(), id, count(page.form("count")), page.form("reason")));
    step(
        registry,
        "decision",
        (page, id) ->
            incidents.decide(
                page.caller(),
                id,
                "true".equals(page.form("notifyRegulator")),
                "true".equals(page.form("notifyIndividuals")),
                page.form("reasoning")));
    step(
        registry,
        "notified",
        (page, id) ->
            incidents.notified(
                page.caller(),
                id,
                page.form("jurisdiction"),
                page.form("audience"),
                instant(page.form("notifiedAt"), "notifiedAt"),
                page.form("lateReason"),
                page.form("note")));
    registry.addPage(
        PageRoute.post(
            "/console/breaches/{id}/letters",
            MANAGE,
            page -> {
              UUID id = id(page);
              try {
                Incidents.LetterRun run =
                    incidents.sendLetters(
                        page.caller(), id, page.form("language"), page.form("lateReason"));
                page.redirect(
                    "/console/breaches/"
                        + id
                        + "?done=letters&sent="
                        + run.sent()
                        + "&already="
                        + run.alreadySent()
                        + "&unreachable="
                        + run.withoutAddress());
              } catch (InvalidInputException e) {
                detail(page, 400, FormErrors.from(e, page.text(), "breach"));
              } catch (ConflictException e) {
                detail(page, 409, conflict(page.text(), e));
              }
            }));
    registry.addPage(
        PageRoute.get(
            "/console/breaches/{id}/drafts/{kind}",
            READ,
            page -> {
              UUID id = id(page);
              String lang =
                  page.query("lang").isEmpty() ? page.language().tag() : page.query("lang");
              BreachDraft draft = incidents.draft(page.caller(), id, page.pathParam("kind"), lang);
              page.render(
                  "console/breach-draft.jte",
                  new DraftPage(ConsoleNav.of(page.caller(), "breaches"), id, draft));
            }));
    registry.addPage(
        PageRoute.get(
            "/console/breaches/{id}/export.pdf",
            READ,
            page -> {
              UUID id = id(page);
              byte[] pdf =
                  incidents.exportPdf(page.caller(), id, page.language().tag(), font.get());
              page.ctx()
                  .header("Content-Disposition", "attachment; filename=\"breach-" + id + ".pdf\"")
                  .contentType("application/pdf")
                  .result(pdf);
            }));
    registry.addPage(
        PageRoute.get(
            "/console/breaches/{id}/export.json",
            READ,
            page -> {
              UUID id = id(page);
              byte[] json = incidents.exportJson(page.caller(), id);
              page.ctx()
                  .header("Content-Disposition", "attachment; filename=\"breach-" + id + ".json\"")
                  .contentType("application/json")
                  .result(json);
            }));
  }

  private interface Step {
    BreachDetail run(PageCall page, UUID id);
  }

  private void step(RouteRegistry registry, String name, Step step) {
    registry.addPage(
        PageRoute.post(
            "/console/breaches/{id}/" + name,
            MANAGE,
            page -> {
              UUID id = id(page);
              try {
                step.run(page, id);
                page.redirect("/console/breaches/" + id + "?done=" + name);
              } catch (InvalidInputException e) {
                detail(page, 400, FormErrors.from(e, page.text(), "breach"));
              } catch (ConflictException e) {
                detail(page, 409, conflict(page.text(), e));
              }
            }));
  }

  private static FormErrors conflict(Text text, ConflictException e) {
    return FormErrors.of(
        "", text.language() == PageLanguage.EN ? e.getMessage() : text.get("web.error.check"));
  }

  private void list(PageCall page, int status, FormErrors errors) {
    Instant now = clock.instant();
    List<Row> rows = new ArrayList<>();
    for (BreachSummary summary : incidents.list(page.caller())) {
      var i = summary.incident();
      rows.add(
          new Row(
              i.id(),
              i.title(),
              i.status(),
              Shown.at(i.awareAt()),
              i.affected() == null ? "–" : i.affected().toString(),
              clockRows(page.text(), summary.clocks(), now)));
    }
    Policy policy = policies.current().policy();
    page.render(
        status,
        "console/breaches.jte",
        new ListPage(
            ConsoleNav.of(page.caller(), "breaches"),
            rows,
            page.caller().has(Permission.BREACH_MANAGE),
            policy.systems().stream().map(s -> new Option(s.id(), s.name())).toList(),
            policy.allCategories().stream().map(c -> new Option(c.id(), c.name())).toList(),
            errors == null ? FormErrors.none() : errors));
  }

  private void detail(PageCall page, int status, FormErrors errors) {
    UUID id = id(page);
    BreachDetail detail = incidents.detail(page.caller(), id);
    Policy policy = policies.current().policy();
    List<Option> jurisdictions = new ArrayList<>();
    for (String j : detail.incident().jurisdictions()) {
      jurisdictions.add(new Option(j, policy.jurisdiction(j).map(x -> x.name()).orElse(j)));
    }
    String done = page.query("done");
    if ("letters".equals(done)) {
      done =
          page.text()
              .get(
                  "breach.detail.lettersDone",
                  page.query("sent"),
                  page.query("already"),
                  page.query("unreachable"));
    } else if (!done.isEmpty()) {
      done = page.text().get("breach.detail.saved");
    }
    page.render(
        status,
        "console/breach.jte",
        new DetailPage(
            ConsoleNav.of(page.caller(), "breaches"),
            detail,
            clockRows(page.text(), detail.clocks(), clock.instant()),
            page.caller().has(Permission.BREACH_MANAGE),
            jurisdictions,
            done,
            errors == null ? FormErrors.none() : errors));
  }

  private static List<ClockRow> clockRows(Text text, List<BreachClock> clocks, Instant now) {
    List<ClockRow> rows = new ArrayList<>();
    for (BreachClock c : clocks) {
      boolean running = "open".equals(c.state()) || "overdue".equals(c.state());
      rows.add(
          new ClockRow(
              c.jurisdictionName(),
              text.get("breach.audience." + c.audience()),
              c.dueAt() == null ? text.get("breach.timing." + c.timing()) : Shown.at(c.dueAt()),
              running && c.dueAt() != null ? Shown.left(text, c.dueAt(), now) : "–",
              text.get("breach.state." + c.state()),
              c.lateReason() == null
                  ? (c.condition() == null ? "" : c.condition())
                  : c.lateReason()));
    }
    return rows;
  }

  private static UUID id(PageCall page) {
    try {
      return UUID.fromString(page.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no such incident");
    }
  }

  private static NewBreach newBreach(PageCall page) {
    List<FieldProblem> problems = new ArrayList<>();
    NewBreach input =
        new NewBreach(
            page.form("title"),
            page.form("whatHappened"),
            instant(page.form("beganAt"), "beganAt", problems),
            instant(page.form("awareAt"), "awareAt", problems),
            page.form("howFound"),
            page.formAll("systems"),
            page.formAll("categories"),
            null,
            instant(page.form("windowFrom"), "windowFrom", problems),
            instant(page.form("windowTo"), "windowTo", problems),
            page.form("consequences"),
            page.form("measures"),
            page.form("risk").isEmpty() ? null : page.form("risk"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the incident cannot be recorded as given", problems);
    }
    return input;
  }

  private static BreachChange change(PageCall page) {
    List<FieldProblem> problems = new ArrayList<>();
    BreachChange change =
        new BreachChange(
            blankIsNull(page.form("title")),
            blankIsNull(page.form("whatHappened")),
            instant(page.form("beganAt"), "beganAt", problems),
            instant(page.form("awareAt"), "awareAt", problems),
            blankIsNull(page.form("howFound")),
            null,
            null,
            null,
            instant(page.form("windowFrom"), "windowFrom", problems),
            instant(page.form("windowTo"), "windowTo", problems),
            blankIsNull(page.form("consequences")),
            blankIsNull(page.form("measures")),
            blankIsNull(page.form("risk")),
            page.form("reason"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the incident cannot be changed as given", problems);
    }
    return change;
  }

  private static String blankIsNull(String value) {
    return value.isEmpty() ? null : value;
  }

  private static Integer count(String value) {
    try {
      return value.isEmpty() ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Instant instant(String value, String field) {
    List<FieldProblem> problems = new ArrayList<>();
    Instant at = instant(value, field, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("not a time", problems);
    }
    return at;
  }

  /** A time typed as {@code 2026-03-02T09:00Z}, or without a zone, read as UTC. */
  private static Instant instant(String value, String field, List<FieldProblem> problems) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        problems.add(new FieldProblem(field, "write the time as 2026-03-02T09:00Z"));
        return null;
      }
    }
  }
}

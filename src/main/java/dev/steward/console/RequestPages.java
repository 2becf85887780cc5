package dev.steward.console;

import dev.steward.access.StaffUser;
import dev.steward.access.StaffUsers;
import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.fulfilment.InstructionDesk;
import dev.steward.fulfilment.RequestTasks;
import dev.steward.mail.OutgoingMail;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Permission;
import dev.steward.request.CaseActions;
import dev.steward.request.RequestDetail;
import dev.steward.request.RequestSearch;
import dev.steward.request.RequestSearch.Filter;
import dev.steward.request.RequestSummary;
import dev.steward.request.Requests;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The request queue with its filters, one request's detail, and the steps staff take on it. Each
 * step posts a form to the same {@link Requests} method the JSON API calls and redirects back to
 * the detail; a refused form shows the detail again with the messages. The routes declare the
 * permission the API declares, and the services check the caseload and the state again.
 */
public final class RequestPages {
  static final String QUEUE = "/console/requests";
  private static final Access READ = Access.requires(Permission.REQUEST_READ);
  private static final Access WORK = Access.requires(Permission.REQUEST_WORK);

  private final Requests requests;
  private final RequestSearch search;
  private final RequestTasks tasks;
  private final StaffUsers users;
  private final PublishedPolicies policies;
  private final InstructionDesk instructions;
  private final Clock clock;

  public RequestPages(
      Requests requests,
      RequestSearch search,
      RequestTasks tasks,
      StaffUsers users,
      PublishedPolicies policies,
      InstructionDesk instructions,
      Clock clock) {
    this.instructions = instructions;
    this.requests = requests;
    this.search = search;
    this.tasks = tasks;
    this.users = users;
    this.policies = policies;
    this.clock = clock;
  }

  /** A step's form: parse it and call the one service method. */
  @FunctionalInterface
  private interface Step {
    void take(PageCall page, UUID id);
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(QUEUE, READ, this::queue));
    registry.addPage(PageRoute.get(QUEUE + "/{id}", READ, page -> detail(page, 200, null, null)));
    step(
        registry,
        "assign",
        Access.requires(Permission.REQUEST_ASSIGN),
        (page, id) -> requests.assign(page.caller(), id, uuid(page.form("assignee"), "assignee")));
    step(
        registry,
        "verify",
        WORK,
        (page, id) -> requests.verify(page.caller(), id, page.form("method"), null));
    step(registry, "start", WORK, (page, id) -> requests.start(page.caller(), id));
    step(
        registry,
        "extend",
        WORK,
        (page, id) -> requests.extend(page.caller(), id, page.form("reason")));
    step(
        registry,
        "instructions",
        WORK,
        (page, id) ->
            instructions.give(
                page.caller(), id, InstructionForm.parse(page, policies.current().policy())));
    step(registry, "pause", WORK, (page, id) -> requests.pause(page.caller(), id, null));
    step(registry, "resume", WORK, (page, id) -> requests.resume(page.caller(), id, null));
    step(registry, "fee", WORK, (page, id) -> requests.feeReceived(page.caller(), id, null));
    step(
        registry,
        "complete",
        WORK,
        (page, id) ->
            requests.complete(
                page.caller(), id, page.form("evidence"), blankToNull(page.form("message"))));
    step(
        registry,
        "deny",
        WORK,
        (page, id) ->
            requests.deny(
                page.caller(),
                id,
                page.form("reason"),
                blankToNull(page.form("exemption")),
                blankToNull(page.form("note"))));
    step(
        registry,
        "withdraw",
        WORK,
        (page, id) -> requests.withdraw(page.caller(), id, blankToNull(page.form("note"))));
    registry.addPage(PageRoute.post(QUEUE + "/{id}/preview/{step}", WORK, this::preview));
    registry.addPage(
        PageRoute.get(
            QUEUE + "/{id}/documents/{documentId}",
            READ,
            page -> {
              dev.steward.request.OpenedDocument document =
                  requests.document(
                      page.caller(),
                      requestId(page),
                      uuid(page.pathParam("documentId"), "document"));
              page.ctx()
                  .header("Content-Disposition", "inline")
                  .header("Cache-Control", "no-store")
                  .header("X-Content-Type-Options", "nosniff")
                  .contentType(document.contentType())
                  .result(document.bytes());
            }));
    registry.addPage(
        PageRoute.post(
            QUEUE + "/{id}/documents/{documentId}/review",
            WORK,
            page -> {
              UUID id = requestId(page);
              try {
                requests.review(
                    page.caller(),
                    id,
                    uuid(page.pathParam("documentId"), "document"),
                    "approve".equals(page.form("decision")),
                    blankToNull(page.form("reason")));
                page.redirect(QUEUE + "/" + id + "?done=review");
              } catch (InvalidInputException e) {
                detail(page, 400, "review", FormErrors.from(e, page.text(), "console.step"));
              }
            }));
  }

  private void step(RouteRegistry registry, String name, Access access, Step step) {
    registry.addPage(
        PageRoute.post(
            QUEUE + "/{id}/" + name,
            access,
            page -> {
              UUID id = requestId(page);
              try {
                step.take(page, id);
                page.redirect(QUEUE + "/" + id + "?done=" + name);
              } catch (InvalidInputException e) {
                detail(page, 400, name, FormErrors.from(e, page.text(), "console.step"));
              }
            }));
  }

  /** The letter a step would send, with the form to send it as it stands or go back. */
  private void preview(PageCall page) {
    UUID id = requestId(page);
    String step = page.pathParam("step");
    Map<String, String> form = new LinkedHashMap<>();
    for (String field : PREVIEWED.getOrDefault(step, List.of())) {
      String value = blankToNull(page.form(field));
      if (value != null) {
        form.put(field, value);
      }
    }
    try {
      Optional<OutgoingMail> letter = requests.previewLetter(page.caller(), id, step, form);
      page.render(
          "console/preview.jte",
          new Preview(
              ConsoleNav.of(page.caller(), "requests"),
              id,
              step,
              form,
              letter.map(OutgoingMail::to).orElse(null),
              letter.map(OutgoingMail::subject).orElse(null),
              letter.map(OutgoingMail::textBody).orElse(null)));
    } catch (InvalidInputException e) {
      detail(page, 400, step, FormErrors.from(e, page.text(), "console.step"));
    }
  }

  /** The fields each step with a letter posts. */
  private static final Map<String, List<String>> PREVIEWED =
      Map.of(
          "complete", List.of("evidence", "message"),
          "deny", List.of("reason", "exemption", "note"),
          "extend", List.of("reason"));

  private void queue(PageCall page) {
    Filter filter =
        new Filter(
            page.query("type"),
            page.query("state"),
            page.query("jurisdiction"),
            page.query("due"),
            page.query("assignee"));
    List<RequestSummary> found = List.of();
    FormErrors errors = FormErrors.none();
    try {
      found = search.find(page.caller(), filter);
    } catch (InvalidInputException e) {
      errors = FormErrors.from(e, page.text(), "console.queue");
    }
    page.render(
        errors.any() ? 400 : 200,
        "console/queue.jte",
        new Queue(
            ConsoleNav.of(page.caller(), "requests"),
            filter,
            RequestSearch.types(),
            RequestSearch.states(),
            search.jurisdictions(),
            staffNames(),
            DashboardPage.rows(page, found, clock.instant()),
            errors));
  }

  private void detail(PageCall page, int status, String failed, FormErrors errors) {
    UUID id = requestId(page);
    RequestDetail detail = requests.detail(page.caller(), id);
    Set<CaseActions> allowed = CaseActions.allowed(page.caller(), detail.summary());
    page.render(
        status,
        "console/request.jte",
        new Detail(
            ConsoleNav.of(page.caller(), "requests"),
            detail,
            Shown.left(page.text(), detail.summary().dueAt(), clock.instant()),
            allowed,
            staffNames(),
            tasks.of(id),
            CaseActions.denialReasons(),
            CaseActions.exemptions(policies.current().policy(), detail.summary().type()),
            policies.current().policy().purposes().stream().map(p -> p.id()).sorted().toList(),
            page.query("done"),
            failed,
            errors == null ? FormErrors.none() : errors));
  }

  /** Active staff by id, for the assignee's name and the choice of whom to assign. */
  private Map<UUID, String> staffNames() {
    Map<UUID, String> names = new LinkedHashMap<>();
    for (StaffUser user : users.list()) {
      if (!user.disabled()) {
        names.put(user.id(), user.displayName() == null ? user.username() : user.displayName());
      }
    }
    return names;
  }

  private static UUID requestId(PageCall page) {
    try {
      return UUID.fromString(page.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no request " + page.pathParam("id"));
    }
  }

  private static UUID uuid(String raw, String field) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "choose from the list",
          List.of(new InvalidInputException.FieldProblem(field, "choose from the list")));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * @param to null when the request has no address: no letter will be sent
   * @param form the step's fields as posted, sent again when staff confirm
   */
  public record Preview(
      ConsoleNav nav,
      UUID requestId,
      String step,
      Map<String, String> form,
      String to,
      String subject,
      String body) {}

  public record Queue(
      ConsoleNav nav,
      Filter filter,
      List<String> types,
      List<String> states,
      List<String> jurisdictions,
      Map<UUID, String> staff,
      List<DashboardPage.Due> requests,
      FormErrors errors) {}

  /**
   * @param left the time left (or overdue) in the page's words
   * @param done the step just taken, for the confirmation; blank otherwise
   * @param failed the step whose form was refused, shown open with its messages; null otherwise
   */
  public record Detail(
      ConsoleNav nav,
      RequestDetail request,
      String left,
      Set<CaseActions> actions,
      Map<UUID, String> staff,
      List<RequestTasks.Shown> tasks,
      List<String> denialReasons,
      List<String> exemptions,
      List<String> purposes,
      String done,
      String failed,
      FormErrors errors) {
    public boolean may(String action) {
      return actions.stream().anyMatch(a -> a.id().equals(action));
    }
  }
}

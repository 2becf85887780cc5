package dev.steward.request;

import dev.steward.principal.Principal;
import dev.steward.request.Challenges.Kind;
import dev.steward.request.Challenges.Outcome;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * Starting and finishing verification: codes by email or SMS, links for documents and data points,
 * and the move to {@code verified} once every step is done. A failed check answers only for the
 * reference it names, never whether the person is known.
 */
final class Verifications {
  static final Principal REQUESTER = new Principal.Anonymous();

  private final RequestContext context;
  private final Workflow workflow;
  private final Correspondence letters;

  Verifications(RequestContext context, Workflow workflow, Correspondence letters) {
    this.context = context;
    this.workflow = workflow;
    this.letters = letters;
  }

  /** Sends what the open steps need: a code, and a link for documents or data points. */
  void begin(Handle handle, RequestRow row) {
    Set<VerificationStep> open = EnumSet.noneOf(VerificationStep.class);
    open.addAll(row.progress().needed());
    open.removeAll(row.progress().done());
    if (open.remove(VerificationStep.CODE)) {
      sendCode(handle, row);
    }
    if (!open.isEmpty()) {
      String token = context.challenges.issue(handle, row.id(), Kind.TOKEN, workflow.now());
      letters.send(
          handle,
          row,
          Letters.Kind.LINK,
          Map.of(
              "token", token,
              "steps", letters.steps(row, "need."),
              "days", Long.toString(Challenges.TOKEN_LIFETIME.toDays())));
    }
  }

  private void sendCode(Handle handle, RequestRow row) {
    String code = context.challenges.issue(handle, row.id(), Kind.CODE, workflow.now());
    String minutes = Long.toString(Challenges.CODE_LIFETIME.toMinutes());
    if (!letters.send(handle, row, Letters.Kind.CODE, Map.of("code", code, "minutes", minutes))) {
      Contact contact = workflow.contact(row);
      context.sms.send(contact.phone(), row.reference() + ": " + code);
    }
  }

  /** A new code for a request waiting for one; does nothing otherwise, and says nothing. */
  void resendCode(String reference) {
    context.jdbi.useTransaction(
        handle ->
            pending(handle, reference, EnumSet.of(VerificationStep.CODE))
                .ifPresent(row -> sendCode(handle, row)));
  }

  /** Checks the code; on success the step is done. */
  void confirmCode(String reference, String code) {
    checked(
        reference,
        EnumSet.of(VerificationStep.CODE),
        Kind.CODE,
        code,
        (handle, row) -> stepDone(handle, row, VerificationStep.CODE, workflow.now(), REQUESTER));
  }

  /**
   * Runs {@code then} if the secret checks out for a request waiting on one of {@code steps}. Wrong
   * attempts are committed before the failure is thrown, so they count.
   */
  <T> T checked(
      String reference,
      Set<VerificationStep> steps,
      Kind kind,
      String secret,
      BiFunction<Handle, RequestRow, T> then) {
    Result<T> result =
        context.jdbi.inTransaction(
            handle -> {
              Optional<RequestRow> row = pending(handle, reference, steps);
              if (row.isEmpty()) {
                return new Result<T>(null, notPending(handle, reference, kind, secret));
              }
              Outcome outcome =
                  context.challenges.check(handle, row.get().id(), kind, secret, workflow.now());
              if (!outcome.ok()) {
                return new Result<T>(null, outcome.failure());
              }
              return new Result<>(then.apply(handle, row.get()), null);
            });
    if (result.failure() != null) {
      throw new UnableToVerifyException(result.failure());
    }
    return result.value();
  }

  private record Result<T>(T value, String failure) {}

  /** Why nothing is pending: a spent or expired secret says so; anything else says nothing. */
  private String notPending(Handle handle, String reference, Kind kind, String secret) {
    String nothing =
        "no " + (kind == Kind.CODE ? "code" : "link") + " is pending for this reference";
    return RequestRows.byReference(handle, reference == null ? "" : reference)
        .map(id -> context.challenges.check(handle, id, kind, secret, workflow.now()))
        .filter(outcome -> !outcome.ok())
        .map(Outcome::failure)
        .orElse(nothing);
  }

  /** The request a reference names, locked, if it is waiting on one of {@code steps}. */
  Optional<RequestRow> pending(Handle handle, String reference, Set<VerificationStep> steps) {
    return RequestRows.byReference(handle, reference == null ? "" : reference)
        .map(id -> RequestRows.lock(handle, id))
        .filter(row -> row.state() == RequestState.AWAITING_VERIFICATION)
        .filter(row -> !open(row, steps).isEmpty());
  }

  /** Which of {@code steps} the request still waits on. */
  static Set<VerificationStep> open(RequestRow row, Set<VerificationStep> steps) {
    Set<VerificationStep> open = EnumSet.noneOf(VerificationStep.class);
    open.addAll(steps);
    open.retainAll(row.progress().needed());
    open.removeAll(row.progress().done());
    return open;
  }

  /**
   * Marks a step done; when it was the last, the request is verified and its clocks are counted
   * again (a UK month runs afresh from {@code evidenceAt}).
   */
  RequestRow stepDone(
      Handle handle, RequestRow row, VerificationStep step, Instant evidenceAt, Principal actor) {
    Set<VerificationStep> done = EnumSet.noneOf(VerificationStep.class);
    done.addAll(row.progress().done());
    done.add(step);
    RequestRow stepped = row.change(edit -> edit.done = done);
    RequestRows.update(handle, stepped);
    CaseRows.prove(handle, row.id(), provenBy(step, workflow.contact(row)), "verified");
    workflow.note(handle, stepped, actor, "step_done", step.id(), null);
    if (!stepped.progress().isVerificationComplete()) {
      return stepped;
    }
    return verified(handle, stepped, evidenceAt, actor, "verified", step.id(), null);
  }

  /**
   * The identity types a step proves the requester controls: where its code or link went. A code
   * goes to the person's email address, or by SMS to their phone when they gave no address; a link
   * goes to the email address unless an agent acts, when it reaches the agent instead and proves
   * nothing of the person. Staff approving documents vouch for the documents, not for an address.
   */
  static Set<String> provenBy(VerificationStep step, Contact contact) {
    return switch (step) {
      case CODE -> Set.of(contact.email() != null ? "email" : "phone");
      case DOCUMENTS, PARENTAL, TWO_DATA_POINTS, THREE_DATA_POINTS ->
          contact.agentEmail() == null && contact.email() != null ? Set.of("email") : Set.of();
      case AGENT_PERMISSION -> Set.of();
    };
  }

  RequestRow verified(
      Handle handle,
      RequestRow row,
      Instant evidenceAt,
      Principal actor,
      String action,
      String code,
      String note) {
    Instant now = workflow.now();
    RequestRow moved = workflow.move(handle, row, RequestState.VERIFIED, actor, action, code, note);
    RequestRow evidenced =
        moved.change(
            edit -> {
              edit.done = edit.needed;
              edit.identityReceivedAt = evidenceAt;
              edit.verifiedAt = now;
            });
    RequestRows.update(handle, evidenced);
    return workflow.reclock(
        handle,
        evidenced,
        workflow.granted(handle, evidenced),
        evidenced.progress().extendedAt() != null);
  }
}

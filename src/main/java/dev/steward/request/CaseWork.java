package dev.steward.request;

import dev.steward.calendar.DeadlineRule.Count;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.request.Letters.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * What staff do to a request: verify it by other means, start it, extend its time once, stop and
 * restart the UK clock for a clarification, assign it. Each runs in one transaction with the row
 * locked; the request is returned as it is afterwards.
 */
final class CaseWork {
  private final RequestContext context;
  private final Workflow workflow;
  private final Verifications verifications;
  private final Correspondence letters;

  CaseWork(
      RequestContext context,
      Workflow workflow,
      Verifications verifications,
      Correspondence letters) {
    this.context = context;
    this.workflow = workflow;
    this.verifications = verifications;
    this.letters = letters;
  }

  /** Runs {@code change} on the locked request if the caller may work it. */
  RequestRow on(Principal caller, UUID id, BiFunction<Handle, RequestRow, RequestRow> change) {
    return context.jdbi.inTransaction(
        handle -> change.apply(handle, Caseload.lockFor(handle, caller, id)));
  }

  RequestRow verify(Principal actor, UUID id, String method, Instant evidenceAt) {
    Instant evidence = past(evidenceAt, "evidenceReceivedAt");
    if (method == null || method.isBlank()) {
      throw new InvalidInputException(
          "say how the identity was verified", List.of(new FieldProblem("method", "required")));
    }
    return on(
        actor,
        id,
        (handle, row) -> {
          // Staff who verify by hand vouch for every identity the request gives.
          CaseRows.prove(handle, row.id(), null, "staff");
          return verifications.verified(handle, row, evidence, actor, "verified", "staff", method);
        });
  }

  RequestRow start(Principal actor, UUID id) {
    return on(actor, id, (handle, row) -> workflow.start(handle, row, actor));
  }

  /** GDPR Art. 12(3), 11 CCR §7021(b): once, with reasons, told within the original period. */
  RequestRow extend(Principal actor, UUID id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "an extension needs the reason the requester is told",
          List.of(new FieldProblem("reason", "required")));
    }
    return on(
        actor,
        id,
        (handle, row) -> {
          requireOpen(row, "extended");
          if (row.progress().extendedAt() != null) {
            throw new ConflictException("request " + id + " was already extended; one is allowed");
          }
          var granted = workflow.granted(handle, row);
          if (granted.stream().noneMatch(g -> g.right().extension().isPresent())) {
            throw new ConflictException("no law of request " + id + " allows an extension");
          }
          Instant now = workflow.now();
          if (row.progress().dueAt() != null && now.isAfter(row.progress().dueAt())) {
            throw new ConflictException(
                "the extension had to be given before the original due date "
                    + row.progress().dueDate());
          }
          RequestRow marked = row.change(edit -> edit.extendedAt = now);
          RequestRow extended = workflow.reclock(handle, marked, granted, true);
          workflow.note(handle, extended, actor, "extended", null, reason);
          letters.send(handle, extended, Kind.EXTENSION, Map.of("reason", reason));
          return extended;
        });
  }

  /** The extension letter {@link #extend} would send with {@code reason}; nothing is stored. */
  java.util.Optional<dev.steward.mail.OutgoingMail> previewExtension(
      Handle handle, RequestRow row, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "an extension needs the reason the requester is told",
          List.of(new FieldProblem("reason", "required")));
    }
    return letters.compose(handle, row, Kind.EXTENSION, Map.of("reason", reason));
  }

  /** UK GDPR Art. 12A: the clock of an access request stops while a clarification is awaited. */
  RequestRow pause(Principal actor, UUID id, Instant askedAt) {
    Instant asked = past(askedAt, "askedAt");
    return on(
        actor,
        id,
        (handle, row) -> {
          requireOpen(row, "paused");
          boolean ukClock =
              CaseRows.clocks(handle, id).stream()
                  .anyMatch(clock -> clock.rule().count() == Count.UK_MONTHS);
          if (row.type() != RequestType.ACCESS || !ukClock) {
            throw new ConflictException(
                "only the UK clock of an access request stops for a clarification");
          }
          if (row.progress().paused()) {
            throw new ConflictException("request " + id + " is already paused");
          }
          CaseRows.insertPause(handle, id, asked);
          RequestRow paused = row.change(edit -> edit.paused = true);
          paused =
              workflow.reclock(handle, paused, workflow.granted(handle, paused), extended(row));
          workflow.note(handle, paused, actor, "paused", null, null);
          return paused;
        });
  }

  RequestRow resume(Principal actor, UUID id, Instant answeredAt) {
    Instant answered = past(answeredAt, "answeredAt");
    return on(
        actor,
        id,
        (handle, row) -> {
          if (!row.progress().paused()) {
            throw new ConflictException("request " + id + " is not paused");
          }
          Instant asked =
              CaseRows.pauses(handle, id).stream()
                  .filter(p -> p.isOpen())
                  .findFirst()
                  .orElseThrow()
                  .askedAt();
          if (answered.isBefore(asked)) {
            throw new InvalidInputException(
                "the answer cannot arrive before the question was asked (" + asked + ")",
                List.of(new FieldProblem("answeredAt", "before the pause began")));
          }
          CaseRows.answerPause(handle, id, answered);
          RequestRow resumed = row.change(edit -> edit.paused = false);
          resumed =
              workflow.reclock(handle, resumed, workflow.granted(handle, resumed), extended(row));
          workflow.note(handle, resumed, actor, "resumed", null, null);
          return resumed;
        });
  }

  RequestRow assign(Principal actor, UUID id, UUID assignee) {
    return on(
        actor,
        id,
        (handle, row) -> {
          requireOpen(row, "assigned");
          boolean exists =
              handle
                      .createQuery(
                          "select count(*) from staff_user where id = :id and not disabled")
                      .bind("id", assignee)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (!exists) {
            throw new NotFoundException("no active staff user " + assignee);
          }
          RequestRow assigned = row.change(edit -> edit.assignee = assignee);
          RequestRows.update(handle, assigned);
          workflow.note(handle, assigned, actor, "assigned", assignee.toString(), null);
          return assigned;
        });
  }

  private static boolean extended(RequestRow row) {
    return row.progress().extendedAt() != null;
  }

  private static void requireOpen(RequestRow row, String what) {
    if (!row.state().isOpen()) {
      throw new ConflictException(
          "a request that is " + row.state() + " cannot be " + what + " any more");
    }
  }

  private Instant past(Instant at, String field) {
    Instant now = workflow.now();
    if (at == null) {
      return now;
    }
    if (at.isAfter(now)) {
      throw new InvalidInputException(
          field + " is in the future", List.of(new FieldProblem(field, "must not be after now")));
    }
    return at;
  }
}

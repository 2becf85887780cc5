package dev.steward.request;

import dev.steward.calendar.DeadlineRule.Count;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.principal.Principal;
import java.time.Instant;
import java.util.List;

/**
 * Staff record that the fee asked of a UK requester arrived. The UK month runs afresh from the
 * latest of the request, the identity evidence asked for and the fee (UK GDPR Art. 12(5) and 12(3);
 * ICO guidance), so the clocks are counted again. Recorded again, the later receipt counts (a
 * corrected time); each recording is an event and an audit entry with the actor.
 */
final class FeeReceipts {
  private final CaseWork work;
  private final Workflow workflow;

  FeeReceipts(CaseWork work, Workflow workflow) {
    this.work = work;
    this.workflow = workflow;
  }

  RequestRow record(Principal actor, java.util.UUID id, Instant receivedAt) {
    Instant now = workflow.now();
    Instant received = receivedAt == null ? now : receivedAt;
    if (received.isAfter(now)) {
      throw new InvalidInputException(
          "receivedAt is in the future",
          List.of(new FieldProblem("receivedAt", "must not be after now")));
    }
    return work.on(
        actor,
        id,
        (handle, row) -> {
          if (!row.state().isOpen()) {
            throw new ConflictException(
                "a request that is " + row.state() + " takes no fee any more");
          }
          if (received.isBefore(row.receivedAt())) {
            throw new InvalidInputException(
                "the fee cannot arrive before the request (" + row.receivedAt() + ")",
                List.of(new FieldProblem("receivedAt", "before the request was received")));
          }
          boolean ukClock =
              CaseRows.clocks(handle, id).stream()
                  .anyMatch(clock -> clock.rule().count() == Count.UK_MONTHS);
          if (!ukClock) {
            throw new ConflictException(
                "only the UK month runs from a fee; request " + id + " has no UK clock");
          }
          CaseRows.recordFee(handle, id, received);
          RequestRow clocked =
              workflow.reclock(
                  handle, row, workflow.granted(handle, row), row.progress().extendedAt() != null);
          // The time, not an amount or a payer: the event and audit hold no personal data.
          workflow.note(handle, clocked, actor, "fee_received", "received=" + received, null);
          return clocked;
        });
  }
}

package dev.steward.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The part of a request that changes over its life: state, verification, clocks, assignment and
 * outcome. Change it through {@link #edit()}.
 *
 * @param stoppedSince while a clarification stops a clock (UK GDPR Art. 12A), when it was asked
 *     for; else null
 * @param daysLeftWhenResumed while stopped, the days that clock will still run once the answer
 *     arrives; else null
 */
record Progress(
    RequestState state,
    UUID subjectId,
    Set<VerificationStep> needed,
    Set<VerificationStep> done,
    Instant identityReceivedAt,
    Instant verifiedAt,
    String governing,
    Instant dueAt,
    LocalDate dueDate,
    Instant confirmBy,
    Instant confirmedAt,
    boolean paused,
    Instant stoppedSince,
    Integer daysLeftWhenResumed,
    Instant extendedAt,
    UUID assignee,
    String outcome,
    String exemptionId,
    Instant closedAt) {

  Progress {
    needed = Set.copyOf(needed);
    done = Set.copyOf(done);
  }

  boolean isVerificationComplete() {
    return done.containsAll(needed);
  }

  Edit edit() {
    return new Edit(this);
  }

  /** A copy being changed; {@link #apply()} makes the new value. */
  static final class Edit {
    RequestState state;
    UUID subjectId;
    Set<VerificationStep> needed;
    Set<VerificationStep> done;
    Instant identityReceivedAt;
    Instant verifiedAt;
    String governing;
    Instant dueAt;
    LocalDate dueDate;
    Instant confirmBy;
    Instant confirmedAt;
    boolean paused;
    Instant stoppedSince;
    Integer daysLeftWhenResumed;
    Instant extendedAt;
    UUID assignee;
    String outcome;
    String exemptionId;
    Instant closedAt;

    private Edit(Progress p) {
      state = p.state;
      subjectId = p.subjectId;
      needed = p.needed;
      done = p.done;
      identityReceivedAt = p.identityReceivedAt;
      verifiedAt = p.verifiedAt;
      governing = p.governing;
      dueAt = p.dueAt;
      dueDate = p.dueDate;
      confirmBy = p.confirmBy;
      confirmedAt = p.confirmedAt;
      paused = p.paused;
      stoppedSince = p.stoppedSince;
      daysLeftWhenResumed = p.daysLeftWhenResumed;
      extendedAt = p.extendedAt;
      assignee = p.assignee;
      outcome = p.outcome;
      exemptionId = p.exemptionId;
      closedAt = p.closedAt;
    }

    Progress apply() {
      return new Progress(
          state,
          subjectId,
          needed,
          done,
          identityReceivedAt,
          verifiedAt,
          governing,
          dueAt,
          dueDate,
          confirmBy,
          confirmedAt,
          paused,
          stoppedSince,
          daysLeftWhenResumed,
          extendedAt,
          assignee,
          outcome,
          exemptionId,
          closedAt);
    }
  }
}

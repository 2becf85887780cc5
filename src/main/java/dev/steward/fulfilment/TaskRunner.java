package dev.steward.fulfilment;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.error.StewardException;
import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.store.Backoff;
import dev.steward.web.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task on its system. db-scheduler picks each execution on one node (row lock), retries a
 * failure with exponential backoff and keeps the task across restarts; a task already done is not
 * run again, so a replay after a crash between the work and the bookkeeping repeats only idempotent
 * system calls. After {@link #MAX_ATTEMPTS} the task is marked failed for staff and the request
 * waits, showing why. When the last task is done the request's finish is scheduled.
 */
final class TaskRunner {
  static final int MAX_ATTEMPTS = 8;
  // Waits double from the first retry; past an hour apart they stop growing.
  static final Duration LONGEST_WAIT = Duration.ofHours(1);
  private static final Principal ACTOR = new Principal.System("fulfilment");
  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

  private final Jdbi jdbi;
  private final Map<String, DataSystem> systems;
  private final Steps steps;
  private final Planning planning;
  private final Sealing sealing;
  private final Recipients recipients;
  private final Clock clock;
  private final OneTimeTask<Void> task;

  TaskRunner(
      Jdbi jdbi,
      List<DataSystem> systems,
      Steps steps,
      Planning planning,
      Sealing sealing,
      Recipients recipients,
      Duration firstRetry,
      Clock clock) {
    this.jdbi = jdbi;
    this.systems =
        systems.stream()
            .collect(java.util.stream.Collectors.toMap(DataSystem::id, system -> system));
    this.steps = steps;
    this.planning = planning;
    this.sealing = sealing;
    this.recipients = recipients;
    this.clock = clock;
    this.task =
        Tasks.oneTime(Planning.TASK_NAME)
            .onFailure(new Backoff(firstRetry, LONGEST_WAIT).<Void>handler())
            .execute((instance, context) -> run(UUID.fromString(instance.getId())));
  }

  OneTimeTask<Void> task() {
    return task;
  }

  void run(UUID taskId) {
    Task row = jdbi.withHandle(handle -> TaskRows.find(handle, taskId)).orElse(null);
    if (row == null || !row.status().equals(Task.PENDING)) {
      return;
    }
    Plan plan = jdbi.withHandle(handle -> TaskRows.plan(handle, row.requestId())).orElseThrow();
    SystemResult result;
    List<String> told;
    try {
      told = recipients(row, plan);
      result = execute(row, plan);
    } catch (RuntimeException e) {
      boolean last = row.attempts() + 1 >= MAX_ATTEMPTS;
      String error = e instanceof StewardException ? e.getMessage() : e.getClass().getName();
      jdbi.useTransaction(handle -> TaskRows.fail(handle, taskId, error, last, clock.instant()));
      log.warn("fulfilment task {} failed (attempt {}): {}", taskId, row.attempts() + 1, error);
      if (last) {
        return;
      }
      throw e;
    }
    byte[] sealed =
        result.items().isEmpty()
            ? null
            : sealing.sealJson(row.requestId(), "items:" + row.systemId(), result.items());
    String evidence = evidence(row, result, told);
    Instant now = clock.instant();
    jdbi.useTransaction(
        handle -> {
          // GDPR Art. 17: items read before the subject was erased meanwhile are not kept.
          boolean erased = TaskRows.lockSubjectErased(handle, row.requestId()).isPresent();
          TaskRows.finish(handle, taskId, evidence, erased ? null : sealed, now);
          boolean allDone =
              TaskRows.ofRequest(handle, row.requestId()).stream()
                  .allMatch(t -> t.status().equals(Task.DONE));
          if (allDone) {
            planning.schedule(handle, Planning.FINISH_NAME, row.requestId(), now);
          } else {
            planning.releaseVaultErasure(handle, row.requestId(), now);
          }
        });
  }

  private SystemResult execute(Task row, Plan plan) {
    SubjectRef subject =
        new SubjectRef(
            plan.subjectId(),
            plan.subjectType() == null ? "" : plan.subjectType(),
            plan.requestId(),
            identities(plan.requestId()));
    if (row.systemId().equals(Task.STEWARD)) {
      return steps.run(row.operation(), plan);
    }
    DataSystem system = systems.get(row.systemId());
    if (system == null) {
      throw new StewardException(
          "configuration", 500, "system " + row.systemId() + " is not configured on this node");
    }
    Instructions instructions = steps.instructions(plan.requestId());
    return switch (Operation.of(row.operation())) {
      case ACCESS -> system.access(subject);
      case ERASE ->
          system.erase(
              subject, new ErasureScope(plan.type() == RequestType.DELETE, instructions.keep()));
      case RECTIFY -> system.rectify(subject, instructions.corrections());
      case RESTRICT -> system.restrict(subject, !instructions.lifts());
      case DELETE_BY_AGE -> throw new IllegalStateException("not a request operation");
    };
  }

  /** The identities the request proved; none once its key is destroyed or when it gave none. */
  private List<SubjectRef.Identity> identities(UUID requestId) {
    return jdbi.withHandle(handle -> TaskRows.identities(handle, requestId))
        .map(
            box ->
                sealing.openJson(
                    requestId,
                    Planning.IDENTITIES,
                    box,
                    new com.fasterxml.jackson.core.type.TypeReference<
                        List<SubjectRef.Identity>>() {}))
        .orElse(List.of());
  }

  /**
   * GDPR Art. 19: who received the subject's data, as captured at planning and joined with the
   * disclosure log while the subject still exists; stored before the system runs, so a retry after
   * an erasure that went through still knows whom to tell. Recipient ids only.
   */
  private List<String> recipients(Task row, Plan plan) {
    if (!Recipients.changesData(row.operation()) || plan.subjectId() == null) {
      return List.of();
    }
    String stored = jdbi.withHandle(handle -> TaskRows.evidence(handle, row.id())).orElse(null);
    List<String> captured = Recipients.captured(stored);
    List<String> current = recipients.current(plan.subjectId(), captured);
    if (stored == null || !current.equals(captured)) {
      String evidence = Recipients.evidence(current);
      jdbi.useTransaction(handle -> TaskRows.capture(handle, row.id(), evidence, clock.instant()));
    }
    return current;
  }

  private static String evidence(Task row, SystemResult result, List<String> recipients) {
    try {
      return Json.mapper()
          .writeValueAsString(
              Map.of(
                  "system", row.systemId(),
                  "operation", row.operation(),
                  "summary", result.summary(),
                  "counts", result.counts(),
                  "ids", result.ids(),
                  "kept", result.kept(),
                  "outOfScope", result.outOfScope(),
                  "recipients", recipients));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write evidence", e);
    }
  }
}

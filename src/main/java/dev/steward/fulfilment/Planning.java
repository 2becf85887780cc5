package dev.steward.fulfilment;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.steward.policy.RequestType;
import dev.steward.request.FulfilmentPlanner;
import dev.steward.store.Database;
import dev.steward.store.TaskScheduling;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Plans a started request: one task per system that supports the request's operation, written and
 * scheduled in the workflow's own transaction so the start and its tasks commit together. Types
 * fulfilment does not carry out (information requests, opt-outs handled at intake ...) and requests
 * with no vault subject stay with staff.
 */
final class Planning implements FulfilmentPlanner {
  static final String TASK_NAME = "fulfilment-task";
  static final String FINISH_NAME = "fulfilment-finish";

  private final List<DataSystem> systems;
  private final Clock clock;
  private final TaskScheduling tasks;

  Planning(Database database, List<DataSystem> systems, Clock clock) {
    this.systems = List.copyOf(systems);
    this.clock = clock;
    // Written the way the node's scheduler (alwaysPersistTimestampInUTC) reads them back.
    this.tasks = database.tasks();
  }

  @Override
  public Plan plan(Handle handle, StartedRequest request) {
    Optional<UUID> subject = request.subjectId().or(() -> subjectOf(handle, request.id()));
    List<String[]> steps = steps(request.type(), subject.isPresent());
    if (steps.isEmpty()) {
      return Plan.MANUAL;
    }
    Instant now = clock.instant();
    TaskRows.insertPlan(
        handle,
        new dev.steward.fulfilment.Plan(
            request.id(),
            request.type(),
            subject.orElse(null),
            request.language(),
            request.jurisdictions()),
        now);
    for (String[] step : steps) {
      Task task = new Task(UUID.randomUUID(), request.id(), step[0], step[1], Task.PENDING, 0);
      TaskRows.insert(handle, task, now);
      schedule(handle, TASK_NAME, task.id(), now);
    }
    return Plan.AWAITING_SYSTEMS;
  }

  /** Pairs of (system id, operation) for a request type; empty when staff carry it out. */
  List<String[]> steps(RequestType type, boolean hasSubject) {
    if (type == RequestType.CONTENT_REMOVAL) {
      List<String[]> purge = new ArrayList<>();
      purge.add(new String[] {Task.STEWARD, Task.PURGE_CONTENT});
      return purge;
    }
    if (!hasSubject) {
      return List.of();
    }
    return switch (type) {
      case ACCESS, KNOW, KNOW_SPECIFIC, PORTABILITY -> onSystems(Operation.ACCESS);
      case ERASURE, DELETE, PARENTAL_DELETION -> onSystems(Operation.ERASE);
      case RECTIFICATION, CORRECT -> onSystems(Operation.RECTIFY);
      case RESTRICTION -> onSystems(Operation.RESTRICT);
      case OBJECTION -> List.<String[]>of(new String[] {Task.STEWARD, Task.OBJECT});
      case WITHDRAW_CONSENT ->
          List.<String[]>of(new String[] {Task.STEWARD, Task.WITHDRAW_CONSENT});
      default -> List.of();
    };
  }

  /**
   * The vault subject behind the identities the request was verified for (the workflow stores the
   * vault's keyed hashes); none when they lead to no subject or to more than one.
   */
  private static Optional<UUID> subjectOf(Handle handle, UUID requestId) {
    List<UUID> subjects =
        handle
            .createQuery(
                "select distinct i.subject_id from request_identity r"
                    + " join vault_identity i on i.hash = r.identity_hash"
                    + " where r.request_id = :id")
            .bind("id", requestId)
            .mapTo(UUID.class)
            .list();
    return subjects.size() == 1 ? Optional.of(subjects.get(0)) : Optional.empty();
  }

  private List<String[]> onSystems(Operation operation) {
    return systems.stream()
        .filter(system -> system.supports(operation))
        .map(system -> new String[] {system.id(), operation.id()})
        .toList();
  }

  void schedule(Handle handle, String taskName, UUID id, Instant at) {
    tasks.scheduleIfNotExists(handle, new TaskInstance<Void>(taskName, id.toString()), at, clock);
  }
}

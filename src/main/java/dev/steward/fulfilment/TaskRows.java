package dev.steward.fulfilment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL of {@code fulfilment_task} and {@code fulfilment_plan}. */
final class TaskRows {
  private TaskRows() {}

  static void insertPlan(Handle handle, Plan plan, Instant now) {
    var insert =
        handle.createUpdate(
            "insert into fulfilment_plan"
                + " (request_id, request_type, subject_id, subject_type, language, jurisdictions,"
                + " planned_at) values (:request, :type, :subject, :subjectType, :language,"
                + " :jurisdictions, :now)");
    // A content removal has no subject; PostgreSQL needs a typed null for the uuid column.
    if (plan.subjectId() == null) {
      insert.bindNull("subject", java.sql.Types.OTHER);
    } else {
      insert.bind("subject", plan.subjectId());
    }
    insert
        .bind("request", plan.requestId())
        .bind("subjectType", plan.subjectType())
        .bind("type", plan.type().name())
        .bind("language", plan.language())
        .bind("jurisdictions", String.join(",", plan.jurisdictions()))
        .bind("now", now)
        .execute();
  }

  /** The request's identities, sealed under its key, for the systems outside the vault. */
  static void storeIdentities(Handle handle, UUID requestId, byte[] sealed) {
    handle
        .createUpdate(
            "update fulfilment_plan set identities_sealed = :sealed where request_id = :id")
        .bind("id", requestId)
        .bindByType("sealed", sealed, byte[].class)
        .execute();
  }

  static Optional<byte[]> identities(Handle handle, UUID requestId) {
    return handle
        .createQuery("select identities_sealed from fulfilment_plan where request_id = :id")
        .bind("id", requestId)
        .map((rs, ctx) -> rs.getBytes(1))
        .findOne()
        .filter(java.util.Objects::nonNull);
  }

  static Optional<Plan> plan(Handle handle, UUID requestId) {
    return handle
        .createQuery(
            "select request_id, request_type, subject_id, subject_type, language, jurisdictions"
                + " from fulfilment_plan where request_id = :id")
        .bind("id", requestId)
        .map(
            (rs, ctx) ->
                new Plan(
                    rs.getObject("request_id", UUID.class),
                    dev.steward.policy.RequestType.valueOf(rs.getString("request_type")),
                    rs.getObject("subject_id", UUID.class),
                    rs.getString("subject_type"),
                    rs.getString("language"),
                    List.of(rs.getString("jurisdictions").split(","))))
        .findOne();
  }

  /** When the plan's subject was erased ({@link ErasedCopies}), if it was. */
  static Optional<Instant> subjectErased(Handle handle, UUID requestId) {
    return subjectErased(handle, requestId, "");
  }

  /**
   * As {@link #subjectErased}, locking the plan's row until the transaction ends: {@link
   * ErasedCopies} takes the same lock, so a copy stored under it either commits first and is erased
   * there, or sees the mark and is not stored readable.
   */
  static Optional<Instant> lockSubjectErased(Handle handle, UUID requestId) {
    return subjectErased(handle, requestId, " for update");
  }

  private static Optional<Instant> subjectErased(Handle handle, UUID requestId, String lock) {
    return handle
        .createQuery("select subject_erased_at from fulfilment_plan where request_id = :id" + lock)
        .bind("id", requestId)
        .map((rs, ctx) -> Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
        .one()
        .map(java.time.OffsetDateTime::toInstant);
  }

  /** Inserts a pending task with its first evidence (recipients captured at planning), or null. */
  static void insert(Handle handle, Task task, String evidence, Instant now) {
    handle
        .createUpdate(
            "insert into fulfilment_task (id, request_id, system_id, operation, status, attempts,"
                + " evidence, created_at, updated_at) values (:id, :request, :system, :operation,"
                + " :status, 0, :evidence, :now, :now)")
        .bind("evidence", evidence)
        .bind("id", task.id())
        .bind("request", task.requestId())
        .bind("system", task.systemId())
        .bind("operation", task.operation())
        .bind("status", task.status())
        .bind("now", now)
        .execute();
  }

  static Optional<Task> find(Handle handle, UUID id) {
    return handle
        .createQuery("select * from fulfilment_task where id = :id")
        .bind("id", id)
        .map(TaskRows::task)
        .findOne();
  }

  static List<Task> ofRequest(Handle handle, UUID requestId) {
    return handle
        .createQuery("select * from fulfilment_task where request_id = :id order by created_at, id")
        .bind("id", requestId)
        .map(TaskRows::task)
        .list();
  }

  static void finish(Handle handle, UUID id, String evidence, byte[] sealed, Instant now) {
    handle
        .createUpdate(
            "update fulfilment_task set status = 'done', attempts = attempts + 1,"
                + " evidence = :evidence, result_sealed = :sealed, last_error = null,"
                + " failing_since = null, updated_at = :now, finished_at = :now where id = :id")
        .bind("id", id)
        .bind("evidence", evidence)
        .bind("sealed", sealed)
        .bind("now", now)
        .execute();
  }

  static int fail(Handle handle, UUID id, String error, boolean last, Instant now) {
    handle
        .createUpdate(
            "update fulfilment_task set attempts = attempts + 1, last_error = :error,"
                + " status = :status, updated_at = :now,"
                + " failing_since = coalesce(failing_since, :now) where id = :id")
        .bind("id", id)
        .bind("error", error.length() > 500 ? error.substring(0, 500) : error)
        .bind("status", last ? Task.FAILED : Task.PENDING)
        .bind("now", now)
        .execute();
    return find(handle, id).map(Task::attempts).orElse(0);
  }

  /** Replaces a pending task's evidence, e.g. with recipients captured before its system runs. */
  static void capture(Handle handle, UUID id, String evidence, Instant now) {
    handle
        .createUpdate(
            "update fulfilment_task set evidence = :evidence, updated_at = :now"
                + " where id = :id and status = 'pending'")
        .bind("id", id)
        .bind("evidence", evidence)
        .bind("now", now)
        .execute();
  }

  static Optional<String> evidence(Handle handle, UUID id) {
    return handle
        .createQuery("select evidence from fulfilment_task where id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne();
  }

  /** The sealed access items of each system, keyed by system id. */
  static java.util.Map<String, byte[]> sealedResults(Handle handle, UUID requestId) {
    java.util.Map<String, byte[]> results = new java.util.TreeMap<>();
    handle
        .createQuery(
            "select system_id, result_sealed from fulfilment_task where request_id = :id"
                + " and result_sealed is not null")
        .bind("id", requestId)
        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getBytes(2)))
        .forEach(entry -> results.put(entry.getKey(), entry.getValue()));
    return results;
  }

  /** Marks the plan finished; false when another execution already did. */
  static boolean markFinished(Handle handle, UUID requestId, Instant now) {
    return handle
            .createUpdate(
                "update fulfilment_plan set finished_at = :now"
                    + " where request_id = :id and finished_at is null")
            .bind("id", requestId)
            .bind("now", now)
            .execute()
        == 1;
  }

  private static Task task(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Task(
        rs.getObject("id", UUID.class),
        rs.getObject("request_id", UUID.class),
        rs.getString("system_id"),
        rs.getString("operation"),
        rs.getString("status"),
        rs.getInt("attempts"));
  }
}

package dev.steward.fulfilment;

import dev.steward.store.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The fulfilment tasks of one request as staff follow them: per system and operation, the status,
 * the attempts and the last error. Callers check the request is in the caller's caseload first (the
 * console reads the request's detail before its tasks). Thread-safe.
 */
public final class RequestTasks {
  private final Jdbi jdbi;

  public RequestTasks(Database database) {
    this(database.jdbi());
  }

  RequestTasks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @param lastError the system's last refusal or failure, as it reported it; null once done
   * @param failingSince when the current run of failures began; null when the last attempt (if any)
   *     succeeded
   */
  public record Shown(
      String system,
      String operation,
      String status,
      int attempts,
      String lastError,
      Instant updatedAt,
      Instant failingSince) {

    /** True while the task waits for its system to come back (it failed and will be retried). */
    public boolean waiting() {
      return failingSince != null && lastError != null && status.equals(Task.PENDING);
    }

    /** {@code waiting on SYSTEM since TIME: ERROR}, in English, for the API and logs. */
    public String waitingLine() {
      return waiting() ? Waiting.line(system, failingSince, lastError) : null;
    }
  }

  public List<Shown> of(UUID requestId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select system_id, operation, status, attempts, last_error, updated_at,"
                        + " failing_since from fulfilment_task where request_id = :id order by created_at, id")
                .bind("id", requestId)
                .map(
                    (rs, ctx) -> {
                      OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
                      OffsetDateTime failing = rs.getObject("failing_since", OffsetDateTime.class);
                      return new Shown(
                          rs.getString("system_id"),
                          rs.getString("operation"),
                          rs.getString("status"),
                          rs.getInt("attempts"),
                          rs.getString("last_error"),
                          updated == null ? null : updated.toInstant(),
                          failing == null ? null : failing.toInstant());
                    })
                .list());
  }
}

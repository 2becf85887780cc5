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
    this.jdbi = database.jdbi();
  }

  /**
   * @param lastError the system's last refusal or failure, as it reported it; null once done
   */
  public record Shown(
      String system,
      String operation,
      String status,
      int attempts,
      String lastError,
      Instant updatedAt) {}

  public List<Shown> of(UUID requestId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select system_id, operation, status, attempts, last_error, updated_at from"
                        + " fulfilment_task where request_id = :id order by created_at, id")
                .bind("id", requestId)
                .map(
                    (rs, ctx) -> {
                      OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
                      return new Shown(
                          rs.getString("system_id"),
                          rs.getString("operation"),
                          rs.getString("status"),
                          rs.getInt("attempts"),
                          rs.getString("last_error"),
                          updated == null ? null : updated.toInstant());
                    })
                .list());
  }
}

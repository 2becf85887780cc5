package dev.steward.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the {@code mail_outbox} table. Each method is one statement. */
final class OutboxStore {
  private static final String ENTRY_COLUMNS =
      "id, kind, message_id, related_type, related_id, status, attempts, last_error,"
          + " enqueued_at, give_up_at, last_attempt_at, sent_at, failed_at";

  private final Jdbi jdbi;

  OutboxStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A letter with its sealed content, null once sent. */
  record Stored(OutboxEntry entry, byte[] sealedContent) {}

  static void insert(Handle handle, OutboxEntry entry, byte[] sealedContent) {
    handle
        .createUpdate(
            "insert into mail_outbox (id, kind, message_id, related_type, related_id, status,"
                + " sealed_content, attempts, enqueued_at, give_up_at)"
                + " values (:id, :kind, :messageId, :relatedType, :relatedId, :status,"
                + " :sealed, 0, :enqueuedAt, :giveUpAt)")
        .bindMethods(entry)
        .bind("status", entry.status().column())
        .bind("sealed", sealedContent)
        .execute();
  }

  Optional<Stored> load(UUID id) {
    return jdbi.withHandle(
        handle ->
            handle
                .select(
                    "select " + ENTRY_COLUMNS + ", sealed_content from mail_outbox where id = ?",
                    id)
                .map((rs, ctx) -> new Stored(entry(rs), rs.getBytes("sealed_content")))
                .findOne());
  }

  Optional<OutboxEntry> find(UUID id) {
    return load(id).map(Stored::entry);
  }

  List<OutboxEntry> about(String relatedType, String relatedId) {
    return jdbi.withHandle(
        handle ->
            handle
                .select(
                    "select "
                        + ENTRY_COLUMNS
                        + " from mail_outbox where related_type = ? and related_id = ?"
                        + " order by enqueued_at, id",
                    relatedType,
                    relatedId)
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  List<OutboxEntry> withStatus(MailStatus status, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .select(
                    "select "
                        + ENTRY_COLUMNS
                        + " from mail_outbox where status = ? order by enqueued_at, id"
                        + " limit ?",
                    status.column(),
                    limit)
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  /** Counts the accepted attempt and drops the content: it was needed only to send. */
  /** Marks a pending letter sent; {@code then} runs in the same transaction if it was pending. */
  void markSent(UUID id, Instant now, Consumer<Handle> then) {
    updateThen(
        "update mail_outbox set status = 'sent', sent_at = :now, last_attempt_at = :now,"
            + " attempts = attempts + 1, last_error = null, sealed_content = null"
            + " where id = :id and status = 'pending'",
        Map.of("id", id, "now", now),
        then);
  }

  void recordFailure(UUID id, Instant now, String reason) {
    update(
        "update mail_outbox set attempts = attempts + 1, last_attempt_at = :now, last_error = :reason"
            + " where id = :id and status = 'pending'",
        Map.of("id", id, "now", now, "reason", reason));
  }

  /** Marks a pending letter failed; {@code then} runs in the same transaction if it was pending. */
  void markFailed(UUID id, Instant now, Consumer<Handle> then) {
    updateThen(
        "update mail_outbox set status = 'failed', failed_at = :now where id = :id and status = 'pending'",
        Map.of("id", id, "now", now),
        then);
  }

  /** Gives a failed letter a fresh window; false when it is not failed (or does not exist). */
  static boolean requeue(Handle handle, UUID id, Instant giveUpAt) {
    return handle
            .createUpdate(
                "update mail_outbox set status = 'pending', failed_at = null, give_up_at = :giveUpAt"
                    + " where id = :id and status = 'failed' and sealed_content is not null")
            .bind("id", id)
            .bind("giveUpAt", giveUpAt)
            .execute()
        == 1;
  }

  /** Pending letters with no scheduled delivery: none, unless something interrupted a hand-over. */
  static List<UUID> pendingWithoutTask(Handle handle, String taskName) {
    return handle
        .select(
            "select id from mail_outbox o where status = 'pending' and not exists"
                + " (select 1 from scheduled_tasks t where t.task_name = ?"
                + " and t.task_instance = cast(o.id as varchar(100)))",
            taskName)
        .mapTo(UUID.class)
        .list();
  }

  private void update(String sql, Map<String, Object> arguments) {
    jdbi.useHandle(handle -> handle.createUpdate(sql).bindMap(arguments).execute());
  }

  private void updateThen(String sql, Map<String, Object> arguments, Consumer<Handle> then) {
    jdbi.useTransaction(
        handle -> {
          if (handle.createUpdate(sql).bindMap(arguments).execute() > 0) {
            then.accept(handle);
          }
        });
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    return new OutboxEntry(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("message_id"),
        rs.getString("related_type"),
        rs.getString("related_id"),
        MailStatus.fromColumn(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "enqueued_at"),
        instant(rs, "give_up_at"),
        instant(rs, "last_attempt_at"),
        instant(rs, "sent_at"),
        instant(rs, "failed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}

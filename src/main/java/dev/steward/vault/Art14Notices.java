package dev.steward.vault;

import dev.steward.error.ConflictException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The people who must be told that their data came from another source (GDPR Art. 14), by when, and
 * when they were. The clock starts when records from an indirect source are stored ({@link
 * Art14Clock}); erased subjects drop out of the list. Ids and dates only. Stateless; thread-safe.
 */
public final class Art14Notices {
  private static final String SELECT =
      "select n.id, coalesce(m.survivor_id, n.subject_id) as subject, n.source, n.obtained_at,"
          + " n.due_date, n.due_at, n.rule, n.notified_at, n.method from art14_notice n"
          + " left join vault_subject_merge m on m.merged_id = n.subject_id";

  private final VaultContext vault;

  Art14Notices(VaultContext vault) {
    this.vault = vault;
  }

  /** Notices not yet given that fall due within {@code within} from now, overdue ones first. */
  public List<Art14Notice> dueWithin(Principal actor, Duration within, int limit) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "art14.list", "-");
    Instant until = vault.clock().instant().plus(within);
    return vault
        .store()
        .inTransaction(
            handle -> {
              List<Art14Notice> due =
                  handle
                      .createQuery(
                          SELECT
                              + " where n.notified_at is null and n.due_at <= :until and not"
                              + " exists (select 1 from vault_tombstone t where t.subject_id ="
                              + " coalesce(m.survivor_id, n.subject_id)) order by n.due_at, n.id"
                              + " limit :limit")
                      .bind("until", until)
                      .bind("limit", Math.max(1, Math.min(limit, 10_000)))
                      .map((rs, ctx) -> map(rs))
                      .list();
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "art14.list",
                      "art14-notice",
                      "-",
                      "ok",
                      "within=" + within + " notices=" + due.size());
              return due;
            });
  }

  /** Records that the person was told; a notice is given once. */
  public Art14Notice markNotified(
      Principal actor, UUID noticeId, Art14Notice.NoticeMethod method, Instant notifiedAt) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "art14.notified", noticeId);
    return vault
        .store()
        .inTransaction(
            handle -> {
              Art14Notice notice =
                  find(handle, noticeId)
                      .orElseThrow(() -> new NotFoundException("no Art. 14 notice " + noticeId));
              if (notice.notifiedAt() != null) {
                throw new ConflictException(
                    "Art. 14 notice " + noticeId + " was already given at " + notice.notifiedAt());
              }
              handle
                  .createUpdate(
                      "update art14_notice set notified_at = :at, method = :method where id = :id")
                  .bind("at", notifiedAt)
                  .bind("method", method.toString())
                  .bind("id", noticeId)
                  .execute();
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "art14.notified",
                      "art14-notice",
                      noticeId.toString(),
                      "ok",
                      "subject=" + notice.subjectId() + " method=" + method);
              return find(handle, noticeId).orElseThrow();
            });
  }

  private static Optional<Art14Notice> find(Handle handle, UUID id) {
    return handle
        .createQuery(SELECT + " where n.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  private static Art14Notice map(java.sql.ResultSet rs) throws java.sql.SQLException {
    OffsetDateTime notified = rs.getObject("notified_at", OffsetDateTime.class);
    String method = rs.getString("method");
    return new Art14Notice(
        rs.getObject("id", UUID.class),
        rs.getObject("subject", UUID.class),
        rs.getString("source"),
        rs.getObject("obtained_at", OffsetDateTime.class).toInstant(),
        rs.getObject("due_date", LocalDate.class),
        rs.getObject("due_at", OffsetDateTime.class).toInstant(),
        rs.getString("rule"),
        notified == null ? null : notified.toInstant(),
        method == null
            ? null
            : Art14Notice.NoticeMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)));
  }
}

package dev.steward.audit;

import dev.steward.store.Database;
import java.time.OffsetDateTime;
import java.util.List;

/** Pages through the stored audit entries in chain order. Thread-safe. */
public final class AuditReader {
  static final int MAX_PAGE = 1000;
  private final Database database;

  public AuditReader(Database database) {
    this.database = database;
  }

  /** Up to {@code limit} entries with a sequence number above {@code afterSeq}. */
  public List<AuditEntry> page(long afterSeq, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "select seq, at, actor_type, actor_id, action, object_type, object_id,"
                            + " outcome, detail, prev_hash, hash from audit_entry where seq > :after"
                            + " order by seq limit :size")
                    .bind("after", afterSeq)
                    .bind("size", size)
                    .map(
                        (rs, ctx) ->
                            new AuditEntry(
                                rs.getLong("seq"),
                                rs.getObject("at", OffsetDateTime.class).toInstant(),
                                rs.getString("actor_type"),
                                rs.getString("actor_id"),
                                rs.getString("action"),
                                rs.getString("object_type"),
                                rs.getString("object_id"),
                                rs.getString("outcome"),
                                rs.getString("detail"),
                                rs.getString("prev_hash"),
                                rs.getString("hash")))
                    .list());
  }
}

package dev.steward.vault;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;

/**
 * The rows a bulk-import batch writes (subjects, identity hashes, encrypted records, GDPR Art. 14
 * notices), sent in bulk within the caller's transaction: on PostgreSQL with {@code COPY ... FROM
 * STDIN}, one round trip per table (the import benchmark's profile showed row-by-row inserts as the
 * main cost); elsewhere as JDBC batches. Not thread-safe; one per batch.
 */
abstract class ImportInserts implements Art14Clock.NoticeRows {
  static final String SUBJECT_COLUMNS =
      "id, subject_type, relationship_start, relationship_end, created_at";
  static final String IDENTITY_COLUMNS =
      "hash, subject_id, identity_type, proof, holder_hash, added_at";
  static final String NOTICE_COLUMNS =
      "id, subject_id, source, obtained_at, due_at, due_date, rule, created_at";

  final Instant now;

  ImportInserts(Instant now) {
    this.now = now;
  }

  static ImportInserts on(Handle handle, Instant now) {
    if (isPostgres(handle)) {
      try {
        return new Copy(handle, handle.getConnection().unwrap(PGConnection.class), now);
      } catch (SQLException e) {
        throw new org.jdbi.v3.core.ConnectionException(e);
      }
    }
    return new Batches(handle, now);
  }

  /**
   * {@code sql} followed by a membership test on {@code values}: one array parameter on PostgreSQL
   * (planned once, unlike an IN list of a thousand parameters), an IN list on H2, whose planner
   * uses the index for IN lists but not for {@code = any(array)}.
   */
  static org.jdbi.v3.core.statement.Query whereIn(Handle handle, String sql, List<String> values) {
    if (isPostgres(handle)) {
      return handle.createQuery(sql + " = any(:values)").bindArray("values", String.class, values);
    }
    return handle.createQuery(sql + " in (<values>)").bindList("values", values);
  }

  private static boolean isPostgres(Handle handle) {
    try {
      return handle.getConnection().isWrapperFor(PGConnection.class);
    } catch (SQLException e) {
      throw new org.jdbi.v3.core.ConnectionException(e);
    }
  }

  abstract void subject(UUID id, ImportRow row);

  abstract void identity(String hash, UUID subjectId, IdentityType type);

  abstract void record(UUID id, UUID subjectId, ImportRow row, int value, byte[] sealed);

  abstract void execute();

  /** COPY in CSV form: ids and hashes need no quoting; purposes are quoted; bytea as hex. */
  private static final class Copy extends ImportInserts {
    private final PGConnection connection;
    private final StringBuilder subjects = new StringBuilder();
    private final StringBuilder identities = new StringBuilder();
    private final StringBuilder records = new StringBuilder();
    private final StringBuilder notices = new StringBuilder();
    private final String at;

    Copy(Handle handle, PGConnection connection, Instant now) {
      super(now);
      this.connection = connection;
      this.at = now.toString();
    }

    @Override
    void subject(UUID id, ImportRow row) {
      subjects.append(id).append(',').append(row.subjectType()).append(',');
      date(subjects, row.relationshipStart()).append(',');
      date(subjects, row.relationshipEnd()).append(',').append(at).append('\n');
    }

    @Override
    void identity(String hash, UUID subjectId, IdentityType type) {
      identities.append(hash).append(',').append(subjectId).append(',').append(type.id());
      identities.append(',').append(IdentityProof.STAFF.id()).append(',');
      if (type.identifiesOnePerson()) {
        identities.append(hash);
      }
      identities.append(',').append(at).append('\n');
    }

    @Override
    void record(UUID id, UUID subjectId, ImportRow row, int value, byte[] sealed) {
      Provenance p = row.provenance();
      records.append(id).append(',').append(subjectId).append(',');
      records.append(row.values().get(value).category()).append(',');
      records.append(p.source()).append(',').append(p.system()).append(",\"");
      records.append(String.join(",", new TreeSet<>(p.purposes()))).append("\",");
      records.append(p.legalBasis()).append(',').append(p.collectedAt()).append(',');
      if (p.noticeVersion() != null) {
        records.append('"').append(p.noticeVersion().replace("\"", "\"\"")).append('"');
      }
      records.append(",\\x").append(HexFormat.of().formatHex(sealed)).append('\n');
    }

    @Override
    public void notice(UUID subjectId, String source, Instant obtainedAt, NoticeDeadlines.Due due) {
      notices.append(UUID.randomUUID()).append(',').append(subjectId).append(',');
      notices.append(source).append(',').append(obtainedAt).append(',');
      notices.append(due.dueAt()).append(',').append(due.dueDate()).append(",\"");
      notices.append(due.rule().replace("\"", "\"\"")).append("\",").append(at).append('\n');
    }

    @Override
    void execute() {
      copy("vault_subject (" + SUBJECT_COLUMNS + ")", subjects);
      copy("vault_identity (" + IDENTITY_COLUMNS + ")", identities);
      copy("vault_record (" + RecordRows.COLUMNS + ")", records);
      copy("art14_notice (" + NOTICE_COLUMNS + ")", notices);
    }

    private void copy(String table, StringBuilder rows) {
      if (rows.length() == 0) {
        return;
      }
      try {
        connection
            .getCopyAPI()
            .copyIn(
                "copy " + table + " from stdin (format csv)", new StringReader(rows.toString()));
      } catch (SQLException e) {
        throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static StringBuilder date(StringBuilder out, LocalDate date) {
      return date == null ? out : out.append(date);
    }
  }

  /** JDBC batches, for H2. */
  private static final class Batches extends ImportInserts {
    private final PreparedBatch subjects;
    private final PreparedBatch identities;
    private final PreparedBatch records;
    private final PreparedBatch notices;

    Batches(Handle handle, Instant now) {
      super(now);
      this.subjects =
          handle.prepareBatch(
              "insert into vault_subject ("
                  + SUBJECT_COLUMNS
                  + ")"
                  + " values (:id, :type, :start, :end, :at)");
      this.identities =
          handle.prepareBatch(
              "insert into vault_identity ("
                  + IDENTITY_COLUMNS
                  + ")"
                  + " values (:hash, :subject, :type, :proof, :holder, :at)");
      this.records = RecordRows.insertBatch(handle);
      this.notices =
          handle.prepareBatch(
              "insert into art14_notice ("
                  + NOTICE_COLUMNS
                  + ") values (:id, :subject, :source, :obtained, :dueAt, :dueDate, :rule, :at)");
    }

    @Override
    void subject(UUID id, ImportRow row) {
      subjects
          .bind("id", id)
          .bind("type", row.subjectType())
          .bindByType("start", row.relationshipStart(), LocalDate.class)
          .bindByType("end", row.relationshipEnd(), LocalDate.class)
          .bind("at", now)
          .add();
    }

    @Override
    void identity(String hash, UUID subjectId, IdentityType type) {
      identities
          .bind("hash", hash)
          .bind("subject", subjectId)
          .bind("type", type.id())
          .bind("proof", IdentityProof.STAFF.id())
          .bind("holder", type.identifiesOnePerson() ? hash : null)
          .bind("at", now)
          .add();
    }

    @Override
    void record(UUID id, UUID subjectId, ImportRow row, int value, byte[] sealed) {
      RecordRows.add(
          records, id, subjectId, row.values().get(value).category(), row.provenance(), sealed);
    }

    @Override
    public void notice(UUID subjectId, String source, Instant obtainedAt, NoticeDeadlines.Due due) {
      notices
          .bind("id", UUID.randomUUID())
          .bind("subject", subjectId)
          .bind("source", source)
          .bind("obtained", obtainedAt)
          .bind("dueAt", due.dueAt())
          .bind("dueDate", due.dueDate())
          .bind("rule", due.rule())
          .bind("at", now)
          .add();
    }

    @Override
    void execute() {
      for (PreparedBatch batch : List.of(subjects, identities, records, notices)) {
        if (batch.size() > 0) {
          batch.execute();
        }
      }
    }
  }
}

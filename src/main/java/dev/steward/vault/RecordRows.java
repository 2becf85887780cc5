package dev.steward.vault;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for encrypted records. Callers own the transaction. */
final class RecordRows {
  static final String COLUMNS =
      "id, subject_id, category, source, system, purposes, legal_basis, collected_at,"
          + " notice_version, value_ciphertext";

  private RecordRows() {}

  /** A stored record: metadata in clear, the value as ciphertext. */
  record Stored(
      UUID id,
      UUID subjectId,
      String category,
      Provenance provenance,
      byte[] ciphertext,
      Instant rectifiedAt) {}

  static PreparedBatch insertBatch(Handle handle) {
    return handle.prepareBatch(
        "insert into vault_record ("
            + COLUMNS
            + ") values (:id, :subject, :category, :source, :system, :purposes, :basis,"
            + " :collected, :notice, :ciphertext)");
  }

  static void add(
      PreparedBatch batch, UUID id, UUID subjectId, String category, Provenance p, byte[] sealed) {
    batch
        .bind("id", id)
        .bind("subject", subjectId)
        .bind("category", category)
        .bind("source", p.source())
        .bind("system", p.system())
        .bind("purposes", String.join(",", new TreeSet<>(p.purposes())))
        .bind("basis", p.legalBasis())
        .bind("collected", p.collectedAt())
        .bind("notice", p.noticeVersion())
        .bind("ciphertext", sealed)
        .add();
  }

  static List<Stored> ofSubject(Handle handle, UUID subjectId) {
    return handle
        .createQuery(
            "select "
                + COLUMNS
                + ", rectified_at from vault_record where subject_id = :id order by collected_at, id")
        .bind("id", subjectId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  static List<Stored> byId(Handle handle, UUID recordId) {
    return handle
        .createQuery(
            "select " + COLUMNS + ", rectified_at from vault_record where id = :id for update")
        .bind("id", recordId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Points a record at another subject with a value sealed for that subject. */
  static void reseal(Handle handle, UUID recordId, UUID subjectId, byte[] sealed) {
    handle
        .createUpdate(
            "update vault_record set subject_id = :subject, value_ciphertext = :sealed where id = :id")
        .bind("subject", subjectId)
        .bind("sealed", sealed)
        .bind("id", recordId)
        .execute();
  }

  static Provenance provenance(java.sql.ResultSet rs) throws java.sql.SQLException {
    String purposes = rs.getString("purposes");
    return new Provenance(
        rs.getString("source"),
        rs.getString("system"),
        purposes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(purposes.split(","))),
        rs.getString("legal_basis"),
        rs.getObject("collected_at", OffsetDateTime.class).toInstant(),
        rs.getString("notice_version"));
  }

  private static Stored map(java.sql.ResultSet rs) throws java.sql.SQLException {
    OffsetDateTime rectified = rs.getObject("rectified_at", OffsetDateTime.class);
    return new Stored(
        rs.getObject("id", UUID.class),
        rs.getObject("subject_id", UUID.class),
        rs.getString("category"),
        provenance(rs),
        rs.getBytes("value_ciphertext"),
        rectified == null ? null : rectified.toInstant());
  }
}

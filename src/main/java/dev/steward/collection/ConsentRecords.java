package dev.steward.collection;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ForbiddenException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The consent records written by the collection API ({@code consent_record}), enough for the
 * consent ledger to build on: read them per subject. Stateless; thread-safe.
 */
public final class ConsentRecords {
  private static final String COLUMNS =
      "id, subject_id, controller, notice_version, notice_hash, purposes, categories, legal_basis,"
          + " method, given_at, expires_at, withdrawal, form_id, submission_id, evidence_hash";

  private final Jdbi jdbi;
  private final AuditTrail audit;

  public ConsentRecords(Jdbi jdbi, AuditTrail audit) {
    this.jdbi = jdbi;
    this.audit = audit;
  }

  /** Every consent record of the subject, oldest first; needs {@code subject:read}, audited. */
  public List<ConsentRecord> ofSubject(Principal actor, UUID subjectId) {
    if (!actor.has(Permission.SUBJECT_READ)) {
      audit.record(actor, "consent.list", "subject", subjectId.toString(), "denied", null);
      throw new ForbiddenException("this needs the subject:read permission");
    }
    return jdbi.inTransaction(
        handle -> {
          List<ConsentRecord> found =
              handle
                  .createQuery(
                      "select "
                          + COLUMNS
                          + " from consent_record where subject_id = :id order by given_at, id")
                  .bind("id", subjectId)
                  .map((rs, ctx) -> map(rs))
                  .list();
          audit.record(
              handle,
              actor,
              "consent.list",
              "subject",
              subjectId.toString(),
              "ok",
              "records=" + found.size());
          return found;
        });
  }

  /** Stores a consent record in the caller's transaction. */
  static void insert(Handle handle, ConsentRecord record) {
    handle
        .createUpdate(
            "insert into consent_record ("
                + COLUMNS
                + ") values (:id, :subject, :controller, :version, :hash, :purposes,"
                + " :categories, :basis, :method, :given, :expires, :withdrawal, :form,"
                + " :submission, :evidence)")
        .bind("id", record.id())
        .bind("subject", record.subjectId())
        .bind("controller", record.controller())
        .bind("version", record.noticeVersion())
        .bind("hash", record.noticeHash())
        .bind("purposes", String.join(",", record.purposes()))
        .bind("categories", String.join(",", record.categories()))
        .bind("basis", record.legalBasis())
        .bind("method", record.method())
        .bind("given", record.givenAt())
        .bindByType("expires", record.expiresAt(), java.time.Instant.class)
        .bind("withdrawal", String.join(",", record.withdrawal()))
        .bind("form", record.formId())
        .bind("submission", record.submissionId())
        .bind("evidence", record.evidenceHash())
        .execute();
  }

  private static ConsentRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
    return new ConsentRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("subject_id", UUID.class),
        rs.getString("controller"),
        rs.getString("notice_version"),
        rs.getString("notice_hash"),
        split(rs.getString("purposes")),
        split(rs.getString("categories")),
        rs.getString("legal_basis"),
        rs.getString("method"),
        rs.getObject("given_at", OffsetDateTime.class).toInstant(),
        expires == null ? null : expires.toInstant(),
        split(rs.getString("withdrawal")),
        rs.getString("form_id"),
        rs.getObject("submission_id", UUID.class),
        rs.getString("evidence_hash"));
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}

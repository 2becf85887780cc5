package dev.steward.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The rows of {@code consent_event}: inserted once, never changed. */
final class ConsentRows {
  static final String COLUMNS =
      "id, consent_id, subject_id, device_id, kind, controller, purposes, categories, legal_basis,"
          + " notice_version, notice_hash, method, occurred_at, expires_at, withdrawal, evidence,"
          + " source";

  private ConsentRows() {}

  static void insert(Handle handle, ConsentEvent event, Instant recordedAt) {
    var insert =
        handle.createUpdate(
            "insert into consent_event ("
                + COLUMNS
                + ", recorded_at) values (:id, :consent, :subject, :device, :kind, :controller,"
                + " :purposes, :categories, :basis, :version, :hash, :method, :at, :expires,"
                + " :withdrawal, :evidence, :source, :recorded)");
    // A device's event has no subject; PostgreSQL needs a typed null for the uuid column.
    if (event.subjectId() == null) {
      insert.bindNull("subject", java.sql.Types.OTHER);
    } else {
      insert.bind("subject", event.subjectId());
    }
    insert
        .bind("id", event.id())
        .bind("consent", event.consentId())
        .bindByType("device", event.deviceId(), String.class)
        .bind("kind", event.kind().code())
        .bind("controller", event.controller())
        .bind("purposes", String.join(",", event.purposes()))
        .bind("categories", String.join(",", event.categories()))
        .bind("basis", event.legalBasis())
        .bind("version", event.noticeVersion())
        .bind("hash", event.noticeHash())
        .bind("method", event.method())
        .bind("at", event.occurredAt())
        .bindByType("expires", event.expiresAt(), Instant.class)
        .bind("withdrawal", String.join(",", event.withdrawal()))
        .bind("evidence", event.evidence())
        .bind("source", event.source())
        .bind("recorded", recordedAt)
        .execute();
  }

  /** Events where {@code column} (subject_id, device_id or id) is {@code value}, oldest first. */
  static List<ConsentEvent> where(Handle handle, String column, Object value) {
    return handle
        .createQuery(
            "select "
                + COLUMNS
                + " from consent_event where "
                + column
                + " = :value order by occurred_at, recorded_at, id")
        .bind("value", value)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  static ConsentEvent map(ResultSet rs) throws SQLException {
    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
    return new ConsentEvent(
        rs.getObject("id", UUID.class),
        rs.getObject("consent_id", UUID.class),
        rs.getObject("subject_id", UUID.class),
        rs.getString("device_id"),
        ConsentEvent.Kind.of(rs.getString("kind")),
        rs.getString("controller"),
        split(rs.getString("purposes")),
        split(rs.getString("categories")),
        rs.getString("legal_basis"),
        rs.getString("notice_version"),
        rs.getString("notice_hash"),
        rs.getString("method"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        expires == null ? null : expires.toInstant(),
        split(rs.getString("withdrawal")),
        rs.getString("evidence"),
        rs.getString("source"));
  }

  static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}

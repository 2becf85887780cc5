package dev.steward.request;

import dev.steward.error.NotFoundException;
import dev.steward.policy.RequestType;
import dev.steward.policy.Verification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** SQL for {@code rights_request} and {@code request_alias}. */
final class RequestRows {
  private static final String COLUMNS =
      "id, reference, request_type, document_id, residence, language, channel, state,"
          + " contact_sealed, has_email, subject_id, submitted_by_type, submitted_by_id,"
          + " received_at, logged_at, verification_level, verification_needed, verification_done,"
          + " identity_received_at, verified_at, governing, due_at, due_date, confirm_by,"
          + " confirmed_at, paused, stopped_since, days_left, extended_at, assignee, outcome,"
          + " exemption_id, closed_at";

  private RequestRows() {}

  static void insert(Handle handle, RequestRow row) {
    Update insert =
        handle.createUpdate(
            "insert into rights_request ("
                + COLUMNS
                + ") values (:id, :reference, :type, :documentId, :residence, :language, :channel,"
                + " :state, :contactSealed, :hasEmail, cast(:subjectId as uuid), :submittedByType,"
                + " :submittedById, :receivedAt, :loggedAt, :level, :needed, :done,"
                + " :identityReceivedAt, :verifiedAt, :governing, :dueAt, :dueDate, :confirmBy,"
                + " :confirmedAt, :paused, :stoppedSince, :daysLeft, :extendedAt,"
                + " cast(:assignee as uuid), :outcome, :exemptionId, :closedAt)");
    bindMutable(insert, row)
        .bind("reference", row.reference())
        .bind("type", row.type().name())
        .bindByType("documentId", row.documentId(), String.class)
        .bind("residence", row.residence())
        .bind("language", row.language().tag())
        .bind("channel", row.channel())
        .bind("contactSealed", row.contactSealed())
        .bind("hasEmail", row.hasEmail())
        .bind("submittedByType", row.submittedByType())
        .bind("submittedById", row.submittedById())
        .bind("receivedAt", row.receivedAt())
        .bind("loggedAt", row.loggedAt())
        .bind("level", row.verificationLevel().name())
        .execute();
  }

  /** Writes every column that changes over a request's life. */
  static void update(Handle handle, RequestRow row) {
    Update update =
        handle.createUpdate(
            "update rights_request set state = :state, subject_id = cast(:subjectId as uuid),"
                + " verification_needed = :needed, verification_done = :done,"
                + " identity_received_at = :identityReceivedAt, verified_at = :verifiedAt,"
                + " governing = :governing, due_at = :dueAt, due_date = :dueDate,"
                + " confirm_by = :confirmBy, confirmed_at = :confirmedAt, paused = :paused,"
                + " stopped_since = :stoppedSince, days_left = :daysLeft, extended_at = :extendedAt, assignee = cast(:assignee as uuid), outcome = :outcome,"
                + " exemption_id = :exemptionId, closed_at = :closedAt where id = :id");
    bindMutable(update, row).execute();
  }

  /** The request, locked until the transaction ends, so transitions on it queue. */
  static RequestRow lock(Handle handle, UUID id) {
    return handle
        .createQuery("select " + COLUMNS + " from rights_request where id = :id for update")
        .bind("id", id)
        .map(RequestRows::map)
        .findOne()
        .orElseThrow(() -> new NotFoundException("no request " + id));
  }

  static Optional<RequestRow> find(Handle handle, UUID id) {
    return handle
        .createQuery("select " + COLUMNS + " from rights_request where id = :id")
        .bind("id", id)
        .map(RequestRows::map)
        .findOne();
  }

  /** The request a reference names, its own or an alias of a duplicate submission. */
  static Optional<UUID> byReference(Handle handle, String reference) {
    return handle
        .createQuery(
            "select id from rights_request where reference = :ref union"
                + " select request_id from request_alias where reference = :ref")
        .bind("ref", reference)
        .mapTo(UUID.class)
        .findFirst();
  }

  static void insertAlias(
      Handle handle, String reference, UUID requestId, String channel, Instant receivedAt) {
    handle
        .createUpdate(
            "insert into request_alias (reference, request_id, channel, received_at)"
                + " values (:reference, :id, :channel, :at)")
        .bind("reference", reference)
        .bind("id", requestId)
        .bind("channel", channel)
        .bind("at", receivedAt)
        .execute();
  }

  static RequestRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    Progress progress =
        new Progress(
            RequestState.of(rs.getString("state")),
            rs.getObject("subject_id", UUID.class),
            VerificationStep.split(rs.getString("verification_needed")),
            VerificationStep.split(rs.getString("verification_done")),
            instant(rs, "identity_received_at"),
            instant(rs, "verified_at"),
            rs.getString("governing"),
            instant(rs, "due_at"),
            rs.getObject("due_date", LocalDate.class),
            instant(rs, "confirm_by"),
            instant(rs, "confirmed_at"),
            rs.getBoolean("paused"),
            instant(rs, "stopped_since"),
            rs.getObject("days_left", Integer.class),
            instant(rs, "extended_at"),
            rs.getObject("assignee", UUID.class),
            rs.getString("outcome"),
            rs.getString("exemption_id"),
            instant(rs, "closed_at"));
    return new RequestRow(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        RequestType.valueOf(rs.getString("request_type")),
        rs.getString("document_id"),
        rs.getString("residence"),
        Language.parse(rs.getString("language")),
        rs.getString("channel"),
        rs.getBytes("contact_sealed"),
        rs.getBoolean("has_email"),
        rs.getString("submitted_by_type"),
        rs.getString("submitted_by_id"),
        instant(rs, "received_at"),
        instant(rs, "logged_at"),
        Verification.valueOf(rs.getString("verification_level")),
        progress);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Binds the columns that change over a request's life. */
  private static <T extends SqlStatement<T>> T bindMutable(T statement, RequestRow row) {
    Progress p = row.progress();
    return statement
        .bind("id", row.id())
        .bind("state", p.state().id())
        // Bound as text and cast in SQL: a null UUID binds untyped, which PostgreSQL refuses.
        .bindByType("subjectId", text(p.subjectId()), String.class)
        .bind("needed", VerificationStep.join(p.needed()))
        .bind("done", VerificationStep.join(p.done()))
        .bindByType("identityReceivedAt", p.identityReceivedAt(), Instant.class)
        .bindByType("verifiedAt", p.verifiedAt(), Instant.class)
        .bindByType("governing", p.governing(), String.class)
        .bindByType("dueAt", p.dueAt(), Instant.class)
        .bindByType("dueDate", p.dueDate(), LocalDate.class)
        .bindByType("confirmBy", p.confirmBy(), Instant.class)
        .bindByType("confirmedAt", p.confirmedAt(), Instant.class)
        .bind("paused", p.paused())
        .bindByType("stoppedSince", p.stoppedSince(), Instant.class)
        .bindByType("daysLeft", p.daysLeftWhenResumed(), Integer.class)
        .bindByType("extendedAt", p.extendedAt(), Instant.class)
        .bindByType("assignee", text(p.assignee()), String.class)
        .bindByType("outcome", p.outcome(), String.class)
        .bindByType("exemptionId", p.exemptionId(), String.class)
        .bindByType("closedAt", p.closedAt(), Instant.class);
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}

package dev.steward.opendsr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for {@code opendsr_request} and {@code opendsr_callback}; runs on the caller's handle. */
final class OpenDsrStore {
  private OpenDsrStore() {}

  /** What Steward keeps of one OpenDSR submission; no identity and not the body itself. */
  record Mapping(
      UUID id,
      UUID requestId,
      UUID controllerId,
      String subjectRequestId,
      String regulation,
      String bodySha256,
      List<String> callbackUrls,
      String lastStatus,
      Instant receivedAt) {}

  /** One status callback to one URL, with the exact body every attempt sends. */
  record Callback(UUID id, String url, String body, String status, int attempts) {}

  static void insert(Handle handle, Mapping m) {
    handle
        .createUpdate(
            "insert into opendsr_request (id, request_id, controller_id, subject_request_id,"
                + " regulation, body_sha256, callback_urls, last_status, received_at) values"
                + " (:id, :request, :controller, :subject, :regulation, :sha, :urls, :status,"
                + " :received)")
        .bind("id", m.id())
        .bind("request", m.requestId())
        .bind("controller", m.controllerId())
        .bind("subject", m.subjectRequestId())
        .bind("regulation", m.regulation())
        .bind("sha", m.bodySha256())
        // A URL cannot hold a line break, so one per line is unambiguous.
        .bind("urls", String.join("\n", m.callbackUrls()))
        .bind("status", m.lastStatus())
        .bind("received", m.receivedAt())
        .execute();
  }

  static Optional<Mapping> find(Handle handle, UUID controllerId, String subjectRequestId) {
    return handle
        .createQuery(
            "select * from opendsr_request where controller_id = :controller"
                + " and subject_request_id = :subject")
        .bind("controller", controllerId)
        .bind("subject", subjectRequestId)
        .map((rs, ctx) -> mapping(rs))
        .findOne();
  }

  /** Every submission that points at the request, locked: several when duplicates were linked. */
  static List<Mapping> forRequest(Handle handle, UUID requestId) {
    return handle
        .createQuery("select * from opendsr_request where request_id = :request for update")
        .bind("request", requestId)
        .map((rs, ctx) -> mapping(rs))
        .list();
  }

  static void setStatus(Handle handle, UUID id, String status) {
    handle
        .createUpdate("update opendsr_request set last_status = :status where id = :id")
        .bind("id", id)
        .bind("status", status)
        .execute();
  }

  static void insertCallback(
      Handle handle, UUID id, UUID opendsrId, String url, String body, Instant now) {
    handle
        .createUpdate(
            "insert into opendsr_callback (id, opendsr_id, url, body, status, attempts,"
                + " created_at) values (:id, :opendsr, :url, :body, 'pending', 0, :now)")
        .bind("id", id)
        .bind("opendsr", opendsrId)
        .bind("url", url)
        .bind("body", body)
        .bind("now", now)
        .execute();
  }

  static Optional<Callback> callback(Handle handle, UUID id) {
    return handle
        .createQuery("select id, url, body, status, attempts from opendsr_callback where id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Callback(
                    rs.getObject("id", UUID.class),
                    rs.getString("url"),
                    rs.getString("body"),
                    rs.getString("status"),
                    rs.getInt("attempts")))
        .findOne();
  }

  static void delivered(Handle handle, UUID id, Instant now) {
    handle
        .createUpdate(
            "update opendsr_callback set status = 'delivered', attempts = attempts + 1,"
                + " delivered_at = :now where id = :id")
        .bind("id", id)
        .bind("now", now)
        .execute();
  }

  /** Counts a failed attempt; with {@code giveUp} the callback is not tried again. */
  static void failed(Handle handle, UUID id, String error, boolean giveUp) {
    handle
        .createUpdate(
            "update opendsr_callback set attempts = attempts + 1, last_error = :error,"
                + " status = :status where id = :id")
        .bind("id", id)
        .bind("error", error.length() > 300 ? error.substring(0, 300) : error)
        .bind("status", giveUp ? "failed" : "pending")
        .execute();
  }

  private static Mapping mapping(ResultSet rs) throws SQLException {
    String urls = rs.getString("callback_urls");
    return new Mapping(
        rs.getObject("id", UUID.class),
        rs.getObject("request_id", UUID.class),
        rs.getObject("controller_id", UUID.class),
        rs.getString("subject_request_id"),
        rs.getString("regulation"),
        rs.getString("body_sha256"),
        urls.isEmpty() ? List.of() : Arrays.asList(urls.split("\n")),
        rs.getString("last_status"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant());
  }
}

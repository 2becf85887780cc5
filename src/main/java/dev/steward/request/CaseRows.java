package dev.steward.request;

import dev.steward.calendar.DeadlineRule;
import dev.steward.calendar.UkClockInputs.ClarificationPause;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for a request's clocks, pauses, fee, identity hashes and duplicate look-up. */
final class CaseRows {
  private CaseRows() {}

  static void replaceClocks(Handle handle, UUID requestId, List<ClockRow> clocks) {
    handle
        .createUpdate("delete from request_clock where request_id = :id")
        .bind("id", requestId)
        .execute();
    for (ClockRow clock : clocks) {
      handle
          .createUpdate(
              "insert into request_clock (request_id, jurisdiction_id, count_method, amount,"
                  + " calendar_id, counted_from, days_paused, due_date, due_at, confirm_by,"
                  + " extended, uncounted, stopped_since, days_left) values (:id, :jurisdiction,"
                  + " :count, :amount, :calendar, :from, :paused, :dueDate, :dueAt, :confirmBy,"
                  + " :extended, :uncounted, :stoppedSince, :daysLeft)")
          .bind("id", requestId)
          .bind("jurisdiction", clock.jurisdictionId())
          .bind("count", clock.rule().count().name())
          .bind("amount", clock.rule().amount())
          .bind("calendar", clock.rule().calendarId())
          .bind("from", clock.countedFrom())
          .bind("paused", clock.daysPaused())
          .bindByType("dueDate", clock.dueDate(), LocalDate.class)
          .bindByType("dueAt", clock.dueAt(), Instant.class)
          .bindByType("confirmBy", clock.confirmBy(), Instant.class)
          .bind("extended", clock.extended())
          .bindByType("uncounted", clock.uncounted(), String.class)
          .bindByType("stoppedSince", clock.stoppedSince(), Instant.class)
          .bindByType("daysLeft", clock.daysLeftWhenResumed(), Integer.class)
          .execute();
    }
  }

  static List<ClockRow> clocks(Handle handle, UUID requestId) {
    return handle
        .createQuery(
            "select * from request_clock where request_id = :id order by due_at, jurisdiction_id")
        .bind("id", requestId)
        .map(
            (rs, ctx) ->
                new ClockRow(
                    rs.getString("jurisdiction_id"),
                    new DeadlineRule(
                        DeadlineRule.Count.valueOf(rs.getString("count_method")),
                        rs.getInt("amount"),
                        rs.getString("calendar_id")),
                    rs.getObject("counted_from", LocalDate.class),
                    rs.getInt("days_paused"),
                    rs.getObject("due_date", LocalDate.class),
                    RequestRows.instant(rs, "due_at"),
                    RequestRows.instant(rs, "confirm_by"),
                    rs.getBoolean("extended"),
                    rs.getString("uncounted"),
                    RequestRows.instant(rs, "stopped_since"),
                    rs.getObject("days_left", Integer.class)))
        .list();
  }

  static List<ClarificationPause> pauses(Handle handle, UUID requestId) {
    return handle
        .createQuery(
            "select asked_at, answered_at from request_pause where request_id = :id"
                + " order by asked_at")
        .bind("id", requestId)
        .map(
            (rs, ctx) ->
                new ClarificationPause(
                    RequestRows.instant(rs, "asked_at"), RequestRows.instant(rs, "answered_at")))
        .list();
  }

  /** When the UK fee was received, or null when none was recorded. */
  static Instant feeReceivedAt(Handle handle, UUID requestId) {
    return handle
        .createQuery("select fee_received_at from rights_request where id = :id")
        .bind("id", requestId)
        .map((rs, ctx) -> RequestRows.instant(rs, "fee_received_at"))
        .findOne()
        .orElse(null);
  }

  static void recordFee(Handle handle, UUID requestId, Instant receivedAt) {
    handle
        .createUpdate("update rights_request set fee_received_at = :at where id = :id")
        .bind("id", requestId)
        .bind("at", receivedAt)
        .execute();
  }

  static void insertPause(Handle handle, UUID requestId, Instant askedAt) {
    handle
        .createUpdate("insert into request_pause (request_id, asked_at) values (:id, :at)")
        .bind("id", requestId)
        .bind("at", askedAt)
        .execute();
  }

  static void answerPause(Handle handle, UUID requestId, Instant answeredAt) {
    handle
        .createUpdate(
            "update request_pause set answered_at = :at where request_id = :id"
                + " and answered_at is null")
        .bind("id", requestId)
        .bind("at", answeredAt)
        .execute();
  }

  /** Stores the request's identity hashes, marking the one the requester is reached at. */
  static void insertIdentities(
      Handle handle, UUID requestId, Map<String, String> hashToType, String contactHash) {
    hashToType.forEach(
        (hash, type) ->
            handle
                .createUpdate(
                    "insert into request_identity (request_id, identity_hash, identity_type,"
                        + " contact) values (:id, :hash, :type, :contact)")
                .bind("id", requestId)
                .bind("hash", hash)
                .bind("type", type)
                .bind("contact", hash.equals(contactHash))
                .execute());
  }

  /**
   * Records that the verification proved the request's identities of {@code types} (all of them
   * when null) by {@code proof}: {@code verified} or {@code staff}. A stronger proof stands.
   */
  static void prove(
      Handle handle, UUID requestId, java.util.Collection<String> types, String proof) {
    String only = types == null ? "" : " and identity_type in (<types>)";
    if (types != null && types.isEmpty()) {
      return;
    }
    var update =
        handle
            .createUpdate(
                "update request_identity set proof = :proof where request_id = :id"
                    + " and (proof is null or proof = 'verified')"
                    + only)
            .bind("proof", proof)
            .bind("id", requestId);
    if (types != null) {
      update.bindList("types", List.copyOf(types));
    }
    update.execute();
  }

  /**
   * An open request of the same type reached at the same identity: a duplicate to link to. Only the
   * contact identity counts, since the duplicate's letter goes to the open request's requester: a
   * phone number typed beside someone else's address must not pull that person's request in.
   */
  static java.util.Optional<UUID> openDuplicate(Handle handle, String contactHash, String type) {
    return handle
        .createQuery(
            "select r.id from rights_request r join request_identity i on i.request_id = r.id"
                + " where i.identity_hash = :hash and i.contact and r.request_type = :type"
                + " and r.state not in ('completed', 'denied', 'withdrawn')"
                + " order by r.received_at")
        .bind("hash", contactHash)
        .bind("type", type)
        .mapTo(UUID.class)
        .findFirst();
  }
}

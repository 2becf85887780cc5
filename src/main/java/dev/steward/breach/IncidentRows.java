package dev.steward.breach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The register's rows: reading and writing incidents, events, notices and letters. */
final class IncidentRows {
  private static final String COLUMNS =
      "id, status, title, what_happened, began_at, aware_at, how_found, systems, categories,"
          + " jurisdictions, window_from, window_to, affected_computed, records_computed,"
          + " affected_count, affected_reason, consequences, measures, risk, notify_regulator,"
          + " notify_individuals, decision_reasoning, decided_at, created_at, updated_at";

  private IncidentRows() {}

  static void insert(Handle handle, BreachIncident i) {
    handle
        .createUpdate(
            "insert into breach_incident ("
                + COLUMNS
                + ") values (:id, :status, :title, :whatHappened, :beganAt, :awareAt, :howFound,"
                + " :systems, :categories, :jurisdictions, :windowFrom, :windowTo,"
                + " :affectedComputed, :recordsComputed, :affected, :affectedReason,"
                + " :consequences, :measures, :risk, :notifyRegulator, :notifyIndividuals,"
                + " :decisionReasoning, :decidedAt, :createdAt, :updatedAt)")
        .bindMethods(i)
        .bind("systems", String.join(",", i.systems()))
        .bind("categories", String.join(",", i.categories()))
        .bind("jurisdictions", String.join(",", i.jurisdictions()))
        .execute();
  }

  static void update(Handle handle, BreachIncident i) {
    handle
        .createUpdate(
            "update breach_incident set status = :status, title = :title,"
                + " what_happened = :whatHappened, began_at = :beganAt, aware_at = :awareAt,"
                + " how_found = :howFound, systems = :systems, categories = :categories,"
                + " jurisdictions = :jurisdictions, window_from = :windowFrom,"
                + " window_to = :windowTo, affected_computed = :affectedComputed,"
                + " records_computed = :recordsComputed, affected_count = :affected,"
                + " affected_reason = :affectedReason, consequences = :consequences,"
                + " measures = :measures, risk = :risk, notify_regulator = :notifyRegulator,"
                + " notify_individuals = :notifyIndividuals,"
                + " decision_reasoning = :decisionReasoning, decided_at = :decidedAt,"
                + " updated_at = :updatedAt where id = :id")
        .bindMethods(i)
        .bind("systems", String.join(",", i.systems()))
        .bind("categories", String.join(",", i.categories()))
        .bind("jurisdictions", String.join(",", i.jurisdictions()))
        .execute();
  }

  /** The incident, its row locked until the transaction ends, so changes to it queue. */
  static Optional<BreachIncident> lock(Handle handle, UUID id) {
    return handle
        .createQuery("select " + COLUMNS + " from breach_incident where id = :id for update")
        .bind("id", id)
        .map((rs, ctx) -> incident(rs))
        .findOne();
  }

  static Optional<BreachIncident> find(Handle handle, UUID id) {
    return handle
        .createQuery("select " + COLUMNS + " from breach_incident where id = :id")
        .bind("id", id)
        .map((rs, ctx) -> incident(rs))
        .findOne();
  }

  /** Newest awareness first. */
  static List<BreachIncident> all(Handle handle, int limit) {
    return handle
        .createQuery(
            "select " + COLUMNS + " from breach_incident order by aware_at desc, id limit :limit")
        .bind("limit", limit)
        .map((rs, ctx) -> incident(rs))
        .list();
  }

  static void event(
      Handle handle,
      UUID incident,
      Instant at,
      String actorType,
      String actorId,
      String kind,
      String detail) {
    int seq =
        handle
            .createQuery(
                "select coalesce(max(seq), 0) + 1 from breach_event where incident_id = :id")
            .bind("id", incident)
            .mapTo(Integer.class)
            .one();
    handle
        .createUpdate(
            "insert into breach_event (id, incident_id, seq, at, actor_type, actor_id, kind,"
                + " detail) values (:id, :incident, :seq, :at, :actorType, :actorId, :kind,"
                + " :detail)")
        .bind("id", UUID.randomUUID())
        .bind("incident", incident)
        .bind("seq", seq)
        .bind("at", at)
        .bind("actorType", actorType)
        .bind("actorId", actorId)
        .bind("kind", kind)
        .bind("detail", detail.length() > 8000 ? detail.substring(0, 8000) : detail)
        .execute();
  }

  static List<BreachEvent> events(Handle handle, UUID incident) {
    return handle
        .createQuery(
            "select seq, at, actor_type, actor_id, kind, detail from breach_event"
                + " where incident_id = :id order by seq")
        .bind("id", incident)
        .map(
            (rs, ctx) ->
                new BreachEvent(
                    rs.getInt("seq"),
                    instant(rs, "at"),
                    rs.getString("actor_type"),
                    rs.getString("actor_id"),
                    rs.getString("kind"),
                    rs.getString("detail")))
        .list();
  }

  static boolean given(Handle handle, UUID incident, String jurisdiction, String audience) {
    return handle
            .createQuery(
                "select count(*) from breach_notification where incident_id = :id"
                    + " and jurisdiction = :jurisdiction and audience = :audience")
            .bind("id", incident)
            .bind("jurisdiction", jurisdiction)
            .bind("audience", audience)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  static void give(
      Handle handle,
      UUID incident,
      String jurisdiction,
      String audience,
      Instant at,
      String lateReason,
      String note,
      Instant recordedAt) {
    handle
        .createUpdate(
            "insert into breach_notification (incident_id, jurisdiction, audience, notified_at,"
                + " late_reason, note, recorded_at) values (:id, :jurisdiction, :audience, :at,"
                + " :lateReason, :note, :recordedAt)")
        .bind("id", incident)
        .bind("jurisdiction", jurisdiction)
        .bind("audience", audience)
        .bind("at", at)
        .bind("lateReason", lateReason)
        .bind("note", note)
        .bind("recordedAt", recordedAt)
        .execute();
  }

  static List<BreachClocks.Given> givenAll(Handle handle, UUID incident) {
    return handle
        .createQuery(
            "select jurisdiction, audience, notified_at, late_reason from breach_notification"
                + " where incident_id = :id")
        .bind("id", incident)
        .map(
            (rs, ctx) ->
                new BreachClocks.Given(
                    rs.getString("jurisdiction"),
                    rs.getString("audience"),
                    instant(rs, "notified_at"),
                    rs.getString("late_reason")))
        .list();
  }

  static boolean lettered(Handle handle, UUID incident, UUID subject) {
    return handle
            .createQuery(
                "select count(*) from breach_letter where incident_id = :id and subject_id = :s")
            .bind("id", incident)
            .bind("s", subject)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  static void letter(
      Handle handle, UUID incident, UUID subject, UUID outbox, String language, Instant at) {
    handle
        .createUpdate(
            "insert into breach_letter (incident_id, subject_id, outbox_id, language, sent_at)"
                + " values (:id, :s, :o, :l, :at)")
        .bind("id", incident)
        .bind("s", subject)
        .bind("o", outbox)
        .bind("l", language)
        .bind("at", at)
        .execute();
  }

  /** Letters in the order sent; their delivery state is the outbox's, filled in by the caller. */
  static List<BreachLetter> letters(Handle handle, UUID incident) {
    return handle
        .createQuery(
            "select subject_id, outbox_id, language, sent_at from breach_letter"
                + " where incident_id = :id order by sent_at, subject_id")
        .bind("id", incident)
        .map(
            (rs, ctx) ->
                new BreachLetter(
                    rs.getObject("subject_id", UUID.class),
                    rs.getObject("outbox_id", UUID.class),
                    rs.getString("language"),
                    instant(rs, "sent_at"),
                    null))
        .list();
  }

  private static BreachIncident incident(ResultSet rs) throws SQLException {
    return new BreachIncident(
        rs.getObject("id", UUID.class),
        rs.getString("status"),
        rs.getString("title"),
        rs.getString("what_happened"),
        instant(rs, "began_at"),
        instant(rs, "aware_at"),
        rs.getString("how_found"),
        split(rs.getString("systems")),
        split(rs.getString("categories")),
        split(rs.getString("jurisdictions")),
        instant(rs, "window_from"),
        instant(rs, "window_to"),
        (Integer) rs.getObject("affected_computed", Integer.class),
        (Integer) rs.getObject("records_computed", Integer.class),
        (Integer) rs.getObject("affected_count", Integer.class),
        rs.getString("affected_reason"),
        rs.getString("consequences"),
        rs.getString("measures"),
        rs.getString("risk"),
        (Boolean) rs.getObject("notify_regulator", Boolean.class),
        (Boolean) rs.getObject("notify_individuals", Boolean.class),
        rs.getString("decision_reasoning"),
        instant(rs, "decided_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static List<SystemCount> systemCounts(Handle handle, UUID id) {
    return handle
        .createQuery(
            "select system_id, vault_people, system_people from breach_system_count where"
                + " incident_id = :id order by system_id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new SystemCount(rs.getString(1), rs.getInt(2), rs.getObject(3, Integer.class)))
        .list();
  }

  static void replaceSystemCounts(
      Handle handle, UUID id, List<SystemCount> counts, java.time.Instant at) {
    handle
        .createUpdate("delete from breach_system_count where incident_id = :id")
        .bind("id", id)
        .execute();
    for (SystemCount count : counts) {
      handle
          .createUpdate(
              "insert into breach_system_count (incident_id, system_id, vault_people,"
                  + " system_people, counted_at) values (:id, :system, :vault, :own, :at)")
          .bind("id", id)
          .bind("system", count.system())
          .bind("vault", count.vaultPeople())
          .bindByType("own", count.systemPeople(), Integer.class)
          .bind("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
          .execute();
    }
  }
}

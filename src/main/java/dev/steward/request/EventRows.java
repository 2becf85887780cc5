package dev.steward.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for {@code request_event}: the steps of a request's life, in order. */
final class EventRows {
  private EventRows() {}

  /** A step as stored; {@code note} is sealed staff text, or null. */
  record Event(
      int seq,
      Instant at,
      String action,
      String fromState,
      String toState,
      String actorType,
      String actorId,
      String code,
      byte[] note) {}

  static void append(Handle handle, UUID requestId, Event event) {
    int seq =
        handle
            .createQuery(
                "select coalesce(max(seq), 0) + 1 from request_event where request_id = :id")
            .bind("id", requestId)
            .mapTo(Integer.class)
            .one();
    handle
        .createUpdate(
            "insert into request_event (request_id, seq, at, action, from_state, to_state,"
                + " actor_type, actor_id, code, note_sealed) values (:id, :seq, :at, :action,"
                + " :from, :to, :actorType, :actorId, :code, :note)")
        .bind("id", requestId)
        .bind("seq", seq)
        .bind("at", event.at())
        .bind("action", event.action())
        .bindByType("from", event.fromState(), String.class)
        .bind("to", event.toState())
        .bind("actorType", event.actorType())
        .bind("actorId", event.actorId())
        .bindByType("code", event.code(), String.class)
        .bindByType("note", event.note(), byte[].class)
        .execute();
  }

  static List<Event> list(Handle handle, UUID requestId) {
    return handle
        .createQuery("select * from request_event where request_id = :id order by seq")
        .bind("id", requestId)
        .map(
            (rs, ctx) ->
                new Event(
                    rs.getInt("seq"),
                    RequestRows.instant(rs, "at"),
                    rs.getString("action"),
                    rs.getString("from_state"),
                    rs.getString("to_state"),
                    rs.getString("actor_type"),
                    rs.getString("actor_id"),
                    rs.getString("code"),
                    rs.getBytes("note_sealed")))
        .list();
  }
}

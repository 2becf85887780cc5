package dev.steward.retention;

import dev.steward.policy.Policy;
import dev.steward.policy.RetentionRule;
import dev.steward.policy.Source;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The start events read from what other features record, per vault subject: the person's last
 * activity and the closing of their last rights request. Read once per plan, and only when a rule
 * counts from them. A subject merged into another counts for the survivor.
 *
 * <p>Last activity is the latest of: a sign-in to the privacy center by an identity of the person
 * ({@code subject_session}), a record collected from a {@code direct} source of the policy (a form,
 * the person themself), a consent choice of theirs ({@code consent_event} given, refused, withdrawn
 * or reconsented; an expiry is not their act), and a rights request of theirs received (by subject,
 * by the plan that found them, or by an identity given at intake). A person with none counts from
 * their creation in the vault.
 */
final class StartEvents {
  private final Map<UUID, UUID> survivors = new HashMap<>();
  private final Map<UUID, Instant> activity = new HashMap<>();
  private final Map<UUID, Instant> closed = new HashMap<>();
  private final Set<UUID> openRequests = new HashSet<>();

  StartEvents(Handle handle, Policy policy, List<RetentionRule> rules) {
    boolean activityUsed =
        rules.stream().anyMatch(r -> r.start() == RetentionRule.Start.LAST_ACTIVITY);
    boolean closedUsed =
        rules.stream().anyMatch(r -> r.start() == RetentionRule.Start.REQUEST_CLOSED);
    if (!activityUsed && !closedUsed) {
      return;
    }
    handle
        .createQuery("select merged_id, survivor_id from vault_subject_merge")
        .map((rs, ctx) -> survivors.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .list();
    if (activityUsed) {
      readActivity(handle, policy);
    }
    if (closedUsed) {
      readRequests(handle);
    }
  }

  /** The person's last recorded activity, or {@code createdAt} when none is recorded. */
  Instant lastActivity(UUID subject, Instant createdAt) {
    Instant last = activity.get(subject);
    if (createdAt != null && (last == null || last.isBefore(createdAt))) {
      return createdAt;
    }
    return last;
  }

  /**
   * When the person's last rights request closed; null while one is open or when they made none, so
   * nothing is counted before every request of theirs is closed.
   */
  Instant requestClosed(UUID subject) {
    return openRequests.contains(subject) ? null : closed.get(subject);
  }

  private void readActivity(Handle handle, Policy policy) {
    latest(
        handle,
        "select i.subject_id, max(s.created_at) from subject_session s join vault_identity i on"
            + " i.hash = s.subject_ref group by i.subject_id",
        activity);
    List<String> direct =
        policy.sources().stream()
            .filter(source -> source.kind() == Source.Kind.DIRECT)
            .map(Source::id)
            .toList();
    if (!direct.isEmpty()) {
      handle
          .createQuery(
              "select subject_id, max(collected_at) from vault_record where source in (<sources>)"
                  + " group by subject_id")
          .bindList("sources", direct)
          .map(
              (rs, ctx) ->
                  put(
                      activity,
                      rs.getObject(1, UUID.class),
                      instant(rs.getObject(2, OffsetDateTime.class))))
          .list();
    }
    latest(
        handle,
        "select subject_id, max(occurred_at) from consent_event where subject_id is not null and"
            + " kind in ('given', 'refused', 'withdrawn', 'reconsented') group by subject_id",
        activity);
    latest(
        handle,
        "select subject_id, max(received_at) from rights_request where subject_id is not null"
            + " group by subject_id",
        activity);
    latest(
        handle,
        "select p.subject_id, max(r.received_at) from fulfilment_plan p join rights_request r on"
            + " r.id = p.request_id where p.subject_id is not null group by p.subject_id",
        activity);
    latest(
        handle,
        "select i.subject_id, max(r.received_at) from request_identity q join vault_identity i on"
            + " i.hash = q.identity_hash join rights_request r on r.id = q.request_id group by"
            + " i.subject_id",
        activity);
  }

  private void readRequests(Handle handle) {
    for (String query :
        List.of(
            "select subject_id, closed_at from rights_request where subject_id is not null",
            "select p.subject_id, r.closed_at from fulfilment_plan p join rights_request r on r.id"
                + " = p.request_id where p.subject_id is not null")) {
      handle
          .createQuery(query)
          .map(
              (rs, ctx) -> {
                UUID subject = survivor(rs.getObject(1, UUID.class));
                Instant at = instant(rs.getObject(2, OffsetDateTime.class));
                if (at == null) {
                  openRequests.add(subject);
                } else {
                  closed.merge(subject, at, (a, b) -> a.isAfter(b) ? a : b);
                }
                return 0;
              })
          .list();
    }
  }

  private void latest(Handle handle, String query, Map<UUID, Instant> into) {
    handle
        .createQuery(query)
        .map(
            (rs, ctx) ->
                put(
                    into,
                    rs.getObject(1, UUID.class),
                    instant(rs.getObject(2, OffsetDateTime.class))))
        .list();
  }

  private int put(Map<UUID, Instant> into, UUID subject, Instant at) {
    if (subject != null && at != null) {
      into.merge(survivor(subject), at, (a, b) -> a.isAfter(b) ? a : b);
    }
    return 0;
  }

  private UUID survivor(UUID subject) {
    UUID current = subject;
    for (int hops = 0; hops < 16 && survivors.containsKey(current); hops++) {
      current = survivors.get(current);
    }
    return current;
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}

package dev.steward.consent;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Reads what decisions need of one party in one snapshot. Besides the ledger's own tables it reads,
 * without changing them, the vault's subject, merge and tombstone rows and fulfilment's restriction
 * and objection rows: one read model for the hot path rather than one audited service call per fact
 * (a decision is audited in its own way, docs/consent.md).
 */
final class StateLoader {
  private StateLoader() {}

  static PartyState load(Handle handle, Party party) {
    return switch (party.kind()) {
      case SUBJECT -> subject(handle, party.subjectId(), party);
      case DEVICE -> device(handle, party);
      case IDENTITY -> identity(handle, party);
    };
  }

  private static PartyState subject(Handle handle, UUID asked, Party party) {
    UUID id = survivor(handle, asked);
    boolean erased =
        count(handle, "select count(*) from vault_tombstone where subject_id = :id", id) > 0;
    Optional<Map<String, Object>> row =
        handle
            .createQuery("select under_13, relationship_end from vault_subject where id = :id")
            .bind("id", id)
            .mapToMap()
            .findOne();
    boolean restricted =
        count(
                handle,
                "select count(*) from subject_restriction where subject_id = :id"
                    + " and lifted_at is null",
                id)
            > 0;
    Set<String> objections = new HashSet<>();
    handle
        .createQuery(
            "select purposes from subject_objection where subject_id = :id and kind = 'objection'")
        .bind("id", id)
        .mapTo(String.class)
        .forEach(purposes -> objections.addAll(ConsentRows.split(purposes)));
    Map<OptOutKind, String> optOuts = optOuts(handle, Party.subject(id));
    if (!id.equals(asked)) {
      optOuts(handle, party).forEach(optOuts::putIfAbsent);
    }
    // An opt-out made by email or phone before Steward knew the person reaches them once it does.
    List<String> hashes = identityHashes(handle, id);
    for (String hash : hashes) {
      optOuts(handle, Party.identity(hash)).forEach(optOuts::putIfAbsent);
    }
    // Unsubscribes are kept under the identities' hashes (and the subject for post): the latest
    // choice per scope across all of them is the person's.
    List<Party> subscribers = new java.util.ArrayList<>();
    subscribers.add(Party.subject(id));
    hashes.forEach(hash -> subscribers.add(Party.identity(hash)));
    Set<String> unsubscribed = Subscriptions.unsubscribed(handle, subscribers);
    return new PartyState(
        party,
        row.isPresent() || erased,
        erased,
        row.map(r -> Boolean.TRUE.equals(r.get("under_13"))).orElse(false),
        row.map(r -> toDate(r.get("relationship_end"))).orElse(null),
        restricted,
        objections,
        consents(
            ConsentRows.where(handle, "subject_id", id), ParentalConsents.approved(handle, id)),
        optOuts,
        unsubscribed);
  }

  private static PartyState device(Handle handle, Party party) {
    PartyState own =
        new PartyState(
            party,
            false,
            false,
            false,
            null,
            false,
            Set.of(),
            consents(ConsentRows.where(handle, "device_id", party.id())),
            optOuts(handle, party));
    List<UUID> subjects =
        handle
            .createQuery("select subject_id from consent_device_link where device_id = :id")
            .bind("id", party.id())
            .mapTo(UUID.class)
            .list();
    for (UUID subject : subjects) {
      own = own.with(subject(handle, subject, Party.subject(subject)));
    }
    return own;
  }

  private static PartyState identity(Handle handle, Party party) {
    boolean erased =
        count(handle, "select count(*) from vault_tombstone_identity where hash = :id", party.id())
            > 0;
    PartyState own =
        new PartyState(
            party, erased, erased, false, null, false, Set.of(), Map.of(), optOuts(handle, party));
    Optional<UUID> subject =
        handle
            .createQuery("select subject_id from vault_identity where hash = :id")
            .bind("id", party.id())
            .mapTo(UUID.class)
            .findOne();
    // A known identity's choices are read with its subject's, latest first; an unknown one's alone
    // are the suppression list's entry for it.
    return subject
        .map(id -> own.with(subject(handle, id, Party.subject(id))))
        .orElseGet(() -> own.withUnsubscribed(Subscriptions.unsubscribed(handle, List.of(party))));
  }

  private static List<String> identityHashes(Handle handle, UUID subjectId) {
    return handle
        .createQuery(
            "select hash from vault_identity where subject_id = :id"
                + " union select hash from vault_tombstone_identity where subject_id = :id")
        .bind("id", subjectId)
        .mapTo(String.class)
        .list();
  }

  /**
   * Every party whose cached state may include that of {@code changed}: a subject's identities,
   * linked devices and the subjects merged into it; an identity's or a device's subject; and so on,
   * up to {@code limit} parties. Read in the changing transaction, so rows it adds count.
   */
  static java.util.Set<String> affected(Handle handle, Party changed, int limit) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<Party> queue = new java.util.ArrayDeque<>();
    queue.add(changed);
    while (!queue.isEmpty() && seen.size() < limit) {
      Party party = queue.poll();
      if (!seen.add(party.key())) {
        continue;
      }
      switch (party.kind()) {
        case SUBJECT -> {
          UUID id = party.subjectId();
          identityHashes(handle, id).forEach(hash -> queue.add(Party.identity(hash)));
          handle
              .createQuery("select device_id from consent_device_link where subject_id = :id")
              .bind("id", id)
              .mapTo(String.class)
              .forEach(device -> queue.add(new Party(Party.Kind.DEVICE, device)));
          handle
              .createQuery(
                  "select merged_id from vault_subject_merge where survivor_id = :id"
                      + " union select survivor_id from vault_subject_merge where merged_id = :id")
              .bind("id", id)
              .mapTo(UUID.class)
              .forEach(other -> queue.add(Party.subject(other)));
        }
        case IDENTITY ->
            handle
                .createQuery(
                    "select subject_id from vault_identity where hash = :hash"
                        + " union select subject_id from vault_tombstone_identity where hash = :hash")
                .bind("hash", party.id())
                .mapTo(UUID.class)
                .forEach(subject -> queue.add(Party.subject(subject)));
        case DEVICE ->
            handle
                .createQuery("select subject_id from consent_device_link where device_id = :id")
                .bind("id", party.id())
                .mapTo(UUID.class)
                .forEach(subject -> queue.add(Party.subject(subject)));
      }
    }
    return seen;
  }

  /** The latest event per purpose; equal times keep the later-recorded one. */
  static Map<String, PartyState.Consent> consents(List<ConsentEvent> events) {
    return consents(events, Set.of());
  }

  /**
   * The latest event per purpose, marked parental when a parent's consent is on record for its
   * consent ({@code approved}: consent ids).
   */
  static Map<String, PartyState.Consent> consents(List<ConsentEvent> events, Set<UUID> approved) {
    Map<String, PartyState.Consent> latest = new HashMap<>();
    for (ConsentEvent event : events) {
      for (String purpose : event.purposes()) {
        latest.put(
            purpose,
            new PartyState.Consent(
                event.kind(),
                event.occurredAt(),
                event.expiresAt(),
                approved.contains(event.consentId())));
      }
    }
    return latest;
  }

  /** The opt-outs in force: per kind, the latest event, when it is an opt-out. */
  static Map<OptOutKind, String> optOuts(Handle handle, Party party) {
    Map<OptOutKind, String> inForce = new EnumMap<>(OptOutKind.class);
    handle
        .createQuery(
            "select kind, action, source from opt_out_event where party = :party"
                + " order by occurred_at, id")
        .bind("party", party.key())
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .forEach(
            row -> {
              OptOutKind kind = OptOutKind.of(row[0]);
              if (row[1].equals("opt_out")) {
                inForce.put(kind, row[2]);
              } else {
                inForce.remove(kind);
              }
            });
    return inForce;
  }

  /** A merged subject's id leads to the subject that absorbed it. */
  private static UUID survivor(Handle handle, UUID id) {
    UUID current = id;
    for (int hops = 0; hops < 8; hops++) {
      Optional<UUID> next =
          handle
              .createQuery("select survivor_id from vault_subject_merge where merged_id = :id")
              .bind("id", current)
              .mapTo(UUID.class)
              .findOne();
      if (next.isEmpty()) {
        return current;
      }
      current = next.get();
    }
    return current;
  }

  private static int count(Handle handle, String sql, Object id) {
    return handle.createQuery(sql).bind("id", id).mapTo(Integer.class).one();
  }

  private static LocalDate toDate(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return LocalDate.parse(value.toString());
  }
}

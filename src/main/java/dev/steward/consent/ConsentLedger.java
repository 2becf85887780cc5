package dev.steward.consent;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ForbiddenException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The consent ledger: an append-only history of consent events per subject and device, from which
 * the consent in force is derived ({@link PartyState}). Each event is audited in its own
 * transaction and makes every node forget the state it changes; each has a signed receipt.
 * Stateless apart from its collaborators; thread-safe.
 */
public final class ConsentLedger {
  private final Jdbi jdbi;
  private final AuditTrail audit;
  private final ConsentStates states;
  private final ConsentReceipts receipts;
  private final Clock clock;
  private volatile DoubleOptIn confirmations;

  public ConsentLedger(
      Jdbi jdbi, AuditTrail audit, ConsentStates states, ConsentReceipts receipts, Clock clock) {
    this.jdbi = jdbi;
    this.audit = audit;
    this.states = states;
    this.receipts = receipts;
    this.clock = clock;
  }

  /** Appends {@code event} in the caller's transaction, with its audit entry. */
  public ConsentEvent append(Handle handle, Principal actor, ConsentEvent event) {
    ConsentRows.insert(handle, event, clock.instant());
    audit.record(
        handle,
        actor,
        "consent." + event.kind().code(),
        "consent",
        event.consentId().toString(),
        "ok",
        "event="
            + event.id()
            + (event.subjectId() == null ? "" : " subject=" + event.subjectId())
            + (event.deviceId() == null ? "" : " device=" + event.deviceId())
            + " purposes="
            + String.join(",", event.purposes())
            + " source="
            + event.source());
    states.changed(handle, parties(event));
    return event;
  }

  /**
   * Appends consent given with the person's email address (a collection form, or the API with an
   * address): through double opt-in where a purpose asks for it and the node confirms by email
   * ({@link #confirmBy}), else at once. The confirmation letter is written in {@code language}
   * ({@code en}, {@code zh-CN}; English for anything else).
   */
  public List<ConsentEvent> appendCollected(
      Handle handle, Principal actor, ConsentEvent given, String email, String language) {
    DoubleOptIn confirming = confirmations;
    if (confirming == null || !given.kind().grants()) {
      return List.of(append(handle, actor, given));
    }
    return confirming.appendGiven(handle, actor, given, email, language);
  }

  /** Double opt-in for the consents collected from now on (set once the node knows its URL). */
  public void confirmBy(DoubleOptIn confirming) {
    this.confirmations = confirming;
  }

  /** Appends {@code event} in a transaction of its own. */
  public ConsentEvent record(Principal actor, ConsentEvent event) {
    return jdbi.inTransaction(handle -> append(handle, actor, event));
  }

  /**
   * GDPR Art. 7(3): withdraws the subject's live consents for {@code purposes} (every purpose when
   * empty), one {@code withdrawn} event per consent touched, in the caller's transaction.
   *
   * @return the events appended; none when nothing was live, so a retry appends nothing
   */
  public List<ConsentEvent> withdraw(
      Handle handle,
      Principal actor,
      UUID subjectId,
      Set<String> purposes,
      String method,
      String evidence,
      String source) {
    Instant now = clock.instant();
    List<ConsentEvent> appended = new ArrayList<>();
    for (Map.Entry<ConsentEvent, Set<String>> live :
        liveByConsent(handle, subjectId, now).entrySet()) {
      Set<String> named = new LinkedHashSet<>(live.getValue());
      if (!purposes.isEmpty()) {
        named.retainAll(purposes);
      }
      if (named.isEmpty()) {
        continue;
      }
      ConsentEvent withdrawn =
          live.getKey()
              .next(
                  UUID.randomUUID(),
                  ConsentEvent.Kind.WITHDRAWN,
                  List.copyOf(named),
                  method,
                  now,
                  evidence,
                  source);
      appended.add(append(handle, actor, withdrawn));
    }
    return appended;
  }

  /**
   * The subject a signed-in person's proven identity leads to, if Steward knows one. The session
   * carries the identity-index hash only, so this is the only way from a session to a subject.
   */
  public Optional<UUID> subjectOf(Principal.SubjectSession person) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("select subject_id from vault_identity where hash = :hash")
                .bind("hash", person.subjectRef())
                .mapTo(UUID.class)
                .findFirst());
  }

  /**
   * The signed-in person's own consent history, oldest first (GDPR Art. 15(1), 7(1)): no staff
   * permission, only the events of the subject the session's identity leads to. Audited as a read.
   */
  public List<ConsentEvent> ownHistory(Principal.SubjectSession person) {
    Optional<UUID> subject = subjectOf(person);
    if (subject.isEmpty()) {
      return List.of();
    }
    return jdbi.inTransaction(
        handle -> {
          List<ConsentEvent> events = ConsentRows.where(handle, "subject_id", subject.get());
          audit.record(
              handle,
              person,
              "consent.history",
              "subject",
              subject.get().toString(),
              "ok",
              "events=" + events.size() + " own=true");
          return events;
        });
  }

  /**
   * The signed receipt of one of the person's own events. Another subject's event answers exactly
   * as an unknown one does, so an id cannot be probed.
   */
  public String ownReceipt(Principal.SubjectSession person, UUID eventId) {
    Optional<UUID> subject = subjectOf(person);
    ConsentEvent event =
        jdbi.withHandle(handle -> ConsentRows.where(handle, "id", eventId)).stream()
            .filter(e -> subject.isPresent() && subject.get().equals(e.subjectId()))
            .findFirst()
            .orElseThrow(
                () -> {
                  audit.record(
                      person,
                      "consent.receipt",
                      "consent-event",
                      eventId.toString(),
                      "denied",
                      null);
                  return new NotFoundException("no consent event " + eventId);
                });
    audit.record(
        person,
        "consent.receipt",
        "consent",
        event.consentId().toString(),
        "ok",
        "event=" + eventId + " own=true");
    return receipts.sign(event);
  }

  /**
   * GDPR Art. 7(3): the person withdraws one of their own consents, every purpose of it still live,
   * in one transaction; "as easy to withdraw as to give". Another subject's consent, or one with
   * nothing live, appends nothing.
   *
   * @return the events appended
   */
  public List<ConsentEvent> withdrawOwn(Principal.SubjectSession person, UUID consentId) {
    Optional<UUID> subject = subjectOf(person);
    if (subject.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    return jdbi.inTransaction(
        handle -> {
          List<ConsentEvent> appended = new ArrayList<>();
          for (Map.Entry<ConsentEvent, Set<String>> live :
              liveByConsent(handle, subject.get(), now).entrySet()) {
            if (!live.getKey().consentId().equals(consentId)) {
              continue;
            }
            ConsentEvent withdrawn =
                live.getKey()
                    .next(
                        UUID.randomUUID(),
                        ConsentEvent.Kind.WITHDRAWN,
                        List.copyOf(live.getValue()),
                        "form",
                        now,
                        "session=" + person.sessionId(),
                        "preferences");
            appended.add(append(handle, person, withdrawn));
          }
          return appended;
        });
  }

  /** Per consent (by its latest granting event), the purposes live now. */
  private static Map<ConsentEvent, Set<String>> liveByConsent(
      Handle handle, UUID subjectId, Instant now) {
    Map<UUID, Map<String, ConsentEvent>> byConsent = new HashMap<>();
    for (ConsentEvent event : ConsentRows.where(handle, "subject_id", subjectId)) {
      Map<String, ConsentEvent> latest =
          byConsent.computeIfAbsent(event.consentId(), id -> new HashMap<>());
      event.purposes().forEach(purpose -> latest.put(purpose, event));
    }
    Map<ConsentEvent, Set<String>> live = new HashMap<>();
    byConsent
        .values()
        .forEach(
            latest ->
                latest.forEach(
                    (purpose, event) -> {
                      boolean granted =
                          event.kind().grants()
                              && (event.expiresAt() == null || now.isBefore(event.expiresAt()));
                      if (granted) {
                        live.computeIfAbsent(event, e -> new LinkedHashSet<>()).add(purpose);
                      }
                    }));
    return live;
  }

  /**
   * Consent is specific to what the person was told (GDPR Art. 4(11), Art. 7): once {@code version}
   * changes {@code purposes} significantly, a consent to them given on an earlier notice no longer
   * counts. One {@code expired} event per consent touched, for the changed purposes only, in the
   * caller's transaction; the person is asked again rather than assumed to agree.
   *
   * @return the events appended; none on a second call
   */
  public List<ConsentEvent> expireForChangedPurposes(
      Handle handle, Principal actor, Set<String> purposes, String version, String source) {
    Instant now = clock.instant();
    Set<UUID> subjects = new LinkedHashSet<>();
    for (String purpose : purposes) {
      subjects.addAll(
          handle
              .createQuery(
                  "select distinct subject_id from consent_event where subject_id is not null"
                      + " and purposes like :purpose")
              .bind("purpose", "%" + purpose + "%")
              .mapTo(UUID.class)
              .list());
    }
    List<ConsentEvent> appended = new ArrayList<>();
    for (UUID subject : subjects) {
      for (Map.Entry<ConsentEvent, Set<String>> live :
          liveByConsent(handle, subject, now).entrySet()) {
        if (live.getKey().noticeVersion().equals(version)) {
          continue;
        }
        Set<String> changed = new LinkedHashSet<>(live.getValue());
        changed.retainAll(purposes);
        if (changed.isEmpty()) {
          continue;
        }
        ConsentEvent expired =
            live.getKey()
                .next(
                    UUID.randomUUID(),
                    ConsentEvent.Kind.EXPIRED,
                    List.copyOf(changed),
                    "notice",
                    now,
                    "policy version " + version + " changed the purpose",
                    source);
        appended.add(append(handle, actor, expired));
      }
    }
    return appended;
  }

  /** A device shown to belong to a subject: the device's signals reach the subject from now on. */
  public void link(Handle handle, Principal actor, String deviceId, UUID subjectId) {
    int added =
        handle
            .createUpdate(
                "insert into consent_device_link (device_id, subject_id, linked_at)"
                    + " select :device, :subject, :now where not exists (select 1 from"
                    + " consent_device_link where device_id = :device and subject_id = :subject)")
            .bind("device", deviceId)
            .bind("subject", subjectId)
            .bind("now", clock.instant())
            .execute();
    if (added > 0) {
      audit.record(
          handle,
          actor,
          "consent.device_linked",
          "subject",
          subjectId.toString(),
          "ok",
          "device=" + deviceId);
      states.changed(handle, List.of(Party.device(deviceId, "device"), Party.subject(subjectId)));
    }
  }

  /** Every event about the subject or device, oldest first; staff with {@code subject:read}. */
  public List<ConsentEvent> history(Principal actor, Party party) {
    permit(actor, "consent.history", party.key());
    String column =
        switch (party.kind()) {
          case SUBJECT -> "subject_id";
          case DEVICE -> "device_id";
          case IDENTITY -> throw new NotFoundException("consent is kept per subject or device");
        };
    Object value = party.kind() == Party.Kind.SUBJECT ? party.subjectId() : party.id();
    return jdbi.inTransaction(
        handle -> {
          List<ConsentEvent> events = ConsentRows.where(handle, column, value);
          audit.record(
              handle,
              actor,
              "consent.history",
              party.kind().code(),
              party.id(),
              "ok",
              "events=" + events.size());
          return events;
        });
  }

  /** The signed receipt of one event, as a JSON document; audited as a read. */
  public String receipt(Principal actor, UUID eventId) {
    permit(actor, "consent.receipt", eventId.toString());
    ConsentEvent event =
        jdbi.withHandle(handle -> ConsentRows.where(handle, "id", eventId)).stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no consent event " + eventId));
    audit.record(
        actor,
        "consent.receipt",
        "consent",
        event.consentId().toString(),
        "ok",
        "event=" + eventId);
    return receipts.sign(event);
  }

  public ConsentReceipts receipts() {
    return receipts;
  }

  private void permit(Principal actor, String action, String object) {
    if (!actor.has(Permission.SUBJECT_READ)) {
      audit.record(actor, action, "consent", object, "denied", null);
      throw new ForbiddenException("this needs the subject:read permission");
    }
  }

  private static List<Party> parties(ConsentEvent event) {
    List<Party> parties = new ArrayList<>();
    if (event.subjectId() != null) {
      parties.add(Party.subject(event.subjectId()));
    }
    if (event.deviceId() != null) {
      parties.add(new Party(Party.Kind.DEVICE, event.deviceId()));
    }
    return parties;
  }
}

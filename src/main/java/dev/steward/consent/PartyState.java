package dev.steward.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What decisions need to know of one party now, derived from the store: whether the subject was
 * erased, is a child under 13, is restricted, objected; the last consent event per purpose; the
 * opt-outs in force and where each came from. Immutable; a device's or identity's state includes
 * that of the subject it leads to.
 *
 * @param known true when the party is a vault subject, or leads to one
 * @param objections purpose ids objected to (GDPR Art. 21), {@code *} for all
 * @param consents per purpose, the latest consent event about it
 * @param optOuts per kind in force, its source ({@code gpc}, {@code api}, {@code request} ...)
 * @param unsubscribed the marketing scopes left ({@link Subscriptions.Scope#key()})
 */
public record PartyState(
    Party party,
    boolean known,
    boolean erased,
    boolean under13,
    LocalDate relationshipEnd,
    boolean restricted,
    Set<String> objections,
    Map<String, Consent> consents,
    Map<OptOutKind, String> optOuts,
    Set<String> unsubscribed) {

  /** Wildcard for every purpose in objections. */
  public static final String ALL = "*";

  public PartyState {
    objections = Set.copyOf(objections);
    consents = Map.copyOf(consents);
    optOuts = optOuts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(optOuts));
    unsubscribed = Set.copyOf(unsubscribed);
  }

  /** A state that has left no marketing scope. */
  public PartyState(
      Party party,
      boolean known,
      boolean erased,
      boolean under13,
      LocalDate relationshipEnd,
      boolean restricted,
      Set<String> objections,
      Map<String, Consent> consents,
      Map<OptOutKind, String> optOuts) {
    this(
        party,
        known,
        erased,
        under13,
        relationshipEnd,
        restricted,
        objections,
        consents,
        optOuts,
        Set.of());
  }

  /**
   * True when the person left the channel, the purpose's messages on it, or this topic ({@code
   * topic} null: the purpose's messages as a whole).
   */
  public boolean unsubscribedFrom(String channel, String purpose, String topic) {
    return Subscriptions.stops(unsubscribed, channel, purpose, topic);
  }

  /** This state with the marketing scopes left, as read from the store. */
  PartyState withUnsubscribed(Set<String> left) {
    return new PartyState(
        party,
        known,
        erased,
        under13,
        relationshipEnd,
        restricted,
        objections,
        consents,
        optOuts,
        left);
  }

  /**
   * The latest consent event about one purpose: its kind, time and expiry, and whether a parent or
   * guardian gave or authorised that consent (GDPR Art. 8(1), 16 CFR 312.5, PIPL Art. 31).
   */
  public record Consent(ConsentEvent.Kind kind, Instant at, Instant expiresAt, boolean parental) {
    public Consent(ConsentEvent.Kind kind, Instant at, Instant expiresAt) {
      this(kind, at, expiresAt, false);
    }

    /** GDPR Art. 7: given (or given again), not withdrawn, refused or expired at {@code now}. */
    public boolean liveAt(Instant now) {
      return kind.grants() && (expiresAt == null || now.isBefore(expiresAt));
    }
  }

  public static PartyState empty(Party party) {
    return new PartyState(party, false, false, false, null, false, Set.of(), Map.of(), Map.of());
  }

  public boolean liveConsent(String purpose, Instant now) {
    Consent consent = consents.get(purpose);
    return consent != null && consent.liveAt(now);
  }

  /** A parent's consent is on record for the live consent to {@code purpose}. */
  public boolean parentalConsent(String purpose, Instant now) {
    Consent consent = consents.get(purpose);
    return consent != null && consent.liveAt(now) && consent.parental();
  }

  /** When consent for {@code purpose} ended (withdrawn, refused or expired), if it did. */
  public Optional<Instant> consentEndedAt(String purpose, Instant now) {
    Consent consent = consents.get(purpose);
    if (consent == null) {
      return Optional.empty();
    }
    if (!consent.kind().grants()) {
      return Optional.of(consent.at());
    }
    return consent.expiresAt() != null && !now.isBefore(consent.expiresAt())
        ? Optional.of(consent.expiresAt())
        : Optional.empty();
  }

  public boolean objectedTo(String purpose) {
    return objections.contains(ALL) || objections.contains(purpose);
  }

  /** The source of the opt-out of {@code kind} in force, if any. */
  public Optional<String> optedOut(OptOutKind kind) {
    return Optional.ofNullable(optOuts.get(kind));
  }

  /**
   * This state joined with that of a subject it leads to: the subject's facts, and the opt-outs,
   * objections and consents of both (the later consent event per purpose wins).
   */
  public PartyState with(PartyState subject) {
    Map<String, Consent> joined = new HashMap<>(consents);
    subject
        .consents()
        .forEach(
            (purpose, consent) ->
                joined.merge(
                    purpose,
                    consent,
                    (mine, theirs) -> theirs.at().isAfter(mine.at()) ? theirs : mine));
    Set<String> objected = new HashSet<>(objections);
    objected.addAll(subject.objections());
    Map<OptOutKind, String> opted = new EnumMap<>(OptOutKind.class);
    opted.putAll(subject.optOuts());
    opted.putAll(optOuts);
    Set<String> left = new HashSet<>(unsubscribed);
    left.addAll(subject.unsubscribed());
    return new PartyState(
        party,
        known || subject.known(),
        erased || subject.erased(),
        under13 || subject.under13(),
        relationshipEnd != null ? relationshipEnd : subject.relationshipEnd(),
        restricted || subject.restricted(),
        objected,
        joined,
        opted,
        left);
  }
}

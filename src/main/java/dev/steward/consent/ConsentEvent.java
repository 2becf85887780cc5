package dev.steward.consent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One event of the consent ledger, with the fields of ISO/IEC TS 27560 and the Kantara Consent
 * Receipt 1.1 (RULES.md, "Consent records"). Ids and hashes only, never personal data. Events are
 * never changed; a person's consent now is derived from them ({@link PartyState}).
 *
 * @param consentId the consent this event belongs to: the id of its first event
 * @param subjectId the vault subject, or null for a device not linked to one
 * @param deviceId the device (consent id) the choice was made on, or null
 * @param controller the entity or joint controller the consent is given to
 * @param noticeVersion the policy version shown; {@code noticeHash} the SHA-256 of its exact file
 * @param legalBasis a W3C DPV id, {@code dpv:Consent} or one of its subtypes
 * @param method how it was collected: form, banner, api, email, phone, paper, request
 * @param expiresAt null: until withdrawn
 * @param withdrawal the channels by which it can be withdrawn
 * @param evidence what proves it: a keyed hash of the submission, a request id ...
 * @param source what recorded it: {@code form:<id>}, {@code request:<id>}, {@code api}
 */
public record ConsentEvent(
    UUID id,
    UUID consentId,
    UUID subjectId,
    String deviceId,
    Kind kind,
    String controller,
    List<String> purposes,
    List<String> categories,
    String legalBasis,
    String noticeVersion,
    String noticeHash,
    String method,
    Instant occurredAt,
    Instant expiresAt,
    List<String> withdrawal,
    String evidence,
    String source) {

  public ConsentEvent {
    purposes = List.copyOf(purposes);
    categories = List.copyOf(categories);
    withdrawal = List.copyOf(withdrawal);
    if (subjectId == null && deviceId == null) {
      throw new IllegalArgumentException("a consent event is about a subject or a device");
    }
  }

  /** What happened to the consent. */
  public enum Kind {
    GIVEN,
    REFUSED,
    WITHDRAWN,
    EXPIRED,
    RECONSENTED,
    /**
     * Given by email for a purpose with double opt-in, not yet confirmed through the emailed link:
     * not live until a {@code given} event confirms it (docs/consent.md, "Double opt-in").
     */
    PENDING;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** True for the kinds after which the consent is live. */
    public boolean grants() {
      return this == GIVEN || this == RECONSENTED;
    }
  }

  /** The same consent taken to {@code kind} now, e.g. its withdrawal. */
  public ConsentEvent next(
      UUID eventId,
      Kind kind,
      List<String> onlyPurposes,
      String how,
      Instant at,
      String proof,
      String recordedBy) {
    return new ConsentEvent(
        eventId,
        consentId,
        subjectId,
        deviceId,
        kind,
        controller,
        onlyPurposes,
        categories,
        legalBasis,
        noticeVersion,
        noticeHash,
        how,
        at,
        kind.grants() ? expiresAt : null,
        withdrawal,
        proof,
        recordedBy);
  }
}

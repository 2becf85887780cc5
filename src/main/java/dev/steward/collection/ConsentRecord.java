package dev.steward.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Consent as given, with the fields of ISO/IEC TS 27560 and the Kantara Consent Receipt 1.1. Ids
 * and hashes only; the consent ledger reads these.
 *
 * @param controller the entity or joint controller the consent is given to
 * @param noticeHash SHA-256 of the exact policy file of {@code noticeVersion}
 * @param legalBasis a W3C DPV id, {@code dpv:Consent} or one of its subtypes
 * @param method how it was collected: {@code web-form}
 * @param expiresAt null: until withdrawn
 * @param withdrawal the channels by which it can be withdrawn, from the purposes
 * @param evidenceHash keyed hash (HMAC-SHA256 under the identity-index key) of the submission
 */
public record ConsentRecord(
    UUID id,
    UUID subjectId,
    String controller,
    String noticeVersion,
    String noticeHash,
    List<String> purposes,
    List<String> categories,
    String legalBasis,
    String method,
    Instant givenAt,
    Instant expiresAt,
    List<String> withdrawal,
    String formId,
    UUID submissionId,
    String evidenceHash) {
  public ConsentRecord {
    purposes = List.copyOf(purposes);
    categories = List.copyOf(categories);
    withdrawal = List.copyOf(withdrawal);
  }
}

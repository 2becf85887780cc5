package dev.steward.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded disclosure, with who recorded it and when.
 *
 * @param subjectId the subject as recorded; for a subject merged since, the id it had then
 */
public record Disclosure(
    UUID id,
    UUID subjectId,
    String recipient,
    List<String> categories,
    Instant disclosedAt,
    String purpose,
    String legalBasis,
    String reason,
    String recordedByType,
    String recordedBy,
    Instant recordedAt) {
  public Disclosure {
    categories = List.copyOf(categories);
  }
}

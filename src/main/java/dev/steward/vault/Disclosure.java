package dev.steward.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded disclosure, with who recorded it and when.
 *
 * @param subjectId the subject as recorded; for a subject merged since, the id it had then
 * @param outsidePolicy what the disclosure gave beyond what the policy in force when it was
 *     recorded declares for the recipient ({@code category:<id>}, {@code purpose:<id>}); empty when
 *     within it or when the policy leaves the recipient's categories and purposes unstated
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
    Instant recordedAt,
    List<String> outsidePolicy) {
  public Disclosure {
    categories = List.copyOf(categories);
    outsidePolicy = List.copyOf(outsidePolicy);
  }
}

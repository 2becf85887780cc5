package dev.steward.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A disclosure to record: which subject's data of which categories went to which recipient of the
 * policy, when, for which purpose and on which legal basis (a DPV id).
 *
 * @param reason may be null; why, in words, without personal data (e.g. "order 1234 shipped")
 */
public record NewDisclosure(
    UUID subjectId,
    String recipient,
    Set<String> categories,
    Instant disclosedAt,
    String purpose,
    String legalBasis,
    String reason) {
  public NewDisclosure {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(recipient, "recipient");
    categories = Set.copyOf(categories);
    Objects.requireNonNull(disclosedAt, "disclosedAt");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(legalBasis, "legalBasis");
  }
}

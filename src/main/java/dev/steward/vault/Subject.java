package dev.steward.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A data subject as the vault holds it: no values in clear, identities as their keyed hashes. */
public record Subject(
    UUID id,
    String subjectType,
    LocalDate relationshipStart,
    LocalDate relationshipEnd,
    Boolean under13,
    Instant createdAt,
    List<IdentityRef> identities) {

  /**
   * An identity of the subject: its type, keyed hash, and how it was established ({@code asserted},
   * {@code verified} or {@code staff}; see {@link IdentityProof}).
   */
  public record IdentityRef(String type, String hash, String proof) {}
}

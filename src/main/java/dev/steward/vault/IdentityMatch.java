package dev.steward.vault;

import java.time.Instant;
import java.util.UUID;

/** What a lookup by identity found: a live subject, an erased one, or nobody. */
public sealed interface IdentityMatch {

  /** The identity belongs to this subject. */
  record Found(UUID subjectId) implements IdentityMatch {}

  /**
   * The identity belonged to a subject that was erased: a returning person, whose old data must not
   * come back.
   */
  record Erased(UUID formerSubjectId, Instant erasedAt, String requestId)
      implements IdentityMatch {}

  /** No subject has or had this identity. */
  record None() implements IdentityMatch {}
}

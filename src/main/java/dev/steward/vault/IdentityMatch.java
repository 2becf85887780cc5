package dev.steward.vault;

import java.time.Instant;
import java.util.List;
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

  /**
   * A shared kind of identity (a name, a postal address, an IP address) that several subjects hold,
   * oldest first: it identifies none of them.
   */
  record Several(List<UUID> subjectIds) implements IdentityMatch {
    public Several {
      subjectIds = List.copyOf(subjectIds);
    }
  }

  /** No subject has or had this identity. */
  record None() implements IdentityMatch {}
}

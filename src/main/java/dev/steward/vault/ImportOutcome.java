package dev.steward.vault;

import java.util.UUID;

/** What a bulk import did with one row. */
public sealed interface ImportOutcome {

  /** The row made a new subject. */
  record Created(UUID subjectId) implements ImportOutcome {}

  /** The row joined the subject that already had one of its identities. */
  record Added(UUID subjectId) implements ImportOutcome {}

  /**
   * The row was not imported.
   *
   * @param reason a stable slug: {@code invalid-<identity type>}, {@code no-identity}, {@code
   *     identity-conflict}, {@code erased-subject-returned} or {@code subject-being-erased}
   * @param identityIndex the position of the identity at fault in {@link ImportRow#identities()},
   *     or -1
   */
  record Rejected(String reason, int identityIndex) implements ImportOutcome {}
}

package dev.steward.vault;

/** What to do when a new identity matches the tombstone of an erased subject. */
public enum ReturningPerson {
  /**
   * Refuse with {@link ReturningPersonException}: imports and syncs, where the data may be a stale
   * copy of what was erased.
   */
  REFUSE,
  /** Accept as a new relationship: the person came back and gave the data again themselves. */
  WELCOME
}

package dev.steward.fulfilment;

import java.util.Locale;

/** What fulfilment can ask of a {@link DataSystem}; each system declares the ones it supports. */
public enum Operation {
  /** Return every item held about the subject (GDPR Art. 15, CCPA know). */
  ACCESS,
  /** Delete the subject, keeping only what an exemption names (GDPR Art. 17, CCPA delete). */
  ERASE,
  /** Replace values the subject showed to be wrong (GDPR Art. 16, CCPA correct). */
  RECTIFY,
  /** Mark the subject's data as restricted: stored, not used (GDPR Art. 18). */
  RESTRICT,
  /** Delete items of one category older than a cut-off, for retention sweeps. */
  DELETE_BY_AGE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Operation of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}

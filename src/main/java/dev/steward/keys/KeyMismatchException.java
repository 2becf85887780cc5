package dev.steward.keys;

import dev.steward.error.ConfigurationException;

/**
 * A shared key is missing or differs from the one the store was set up with. The node refuses to
 * start: nodes with different keys would sign, index or encrypt data the others cannot check.
 */
public final class KeyMismatchException extends ConfigurationException {
  private final KeyName key;
  private final String expectedFingerprint;
  private final String actualFingerprint;

  private KeyMismatchException(
      KeyName key, String expectedFingerprint, String actualFingerprint, String message) {
    super(message);
    this.key = key;
    this.expectedFingerprint = expectedFingerprint;
    this.actualFingerprint = actualFingerprint;
  }

  static KeyMismatchException differs(KeyName key, String where, String actual, String expected) {
    return new KeyMismatchException(
        key,
        expected,
        actual,
        "key "
            + key.id()
            + " in "
            + where
            + " differs from the one this store was set up with (fingerprint "
            + abbreviate(actual)
            + " expected "
            + abbreviate(expected)
            + "): every node must use the same keys");
  }

  static KeyMismatchException missing(KeyName key, String where, String expected) {
    return new KeyMismatchException(
        key,
        expected,
        null,
        "key "
            + key.id()
            + " is missing from "
            + where
            + " but this store was set up with one (fingerprint "
            + abbreviate(expected)
            + "): every node must use the same keys");
  }

  public KeyName key() {
    return key;
  }

  public String expectedFingerprint() {
    return expectedFingerprint;
  }

  /** The fingerprint of the key this node has, or null when it has none. */
  public String actualFingerprint() {
    return actualFingerprint;
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.length() <= 12 ? fingerprint : fingerprint.substring(0, 12) + "…";
  }
}

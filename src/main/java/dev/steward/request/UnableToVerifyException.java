package dev.steward.request;

import dev.steward.error.StewardException;

/**
 * A code or link did not verify a request: wrong, expired, used, or out of attempts. The message
 * says which, and never whether the person is known to Steward.
 */
public class UnableToVerifyException extends StewardException {
  public UnableToVerifyException(String message) {
    super("verification-failed", 422, message);
  }
}

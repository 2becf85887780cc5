package dev.steward.mail;

import dev.steward.error.StewardException;

/** A letter's content could not be sealed or opened: a missing key or altered bytes. */
public class SealingException extends StewardException {
  public SealingException(String message, Throwable cause) {
    super("sealing", 500, message, cause);
  }
}

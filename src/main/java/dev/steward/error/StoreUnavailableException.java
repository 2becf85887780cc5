package dev.steward.error;

/** The database cannot be reached or refused the work; nothing was changed. CLI exit code 1. */
public class StoreUnavailableException extends StewardException {
  public StoreUnavailableException(String message, Throwable cause) {
    super("store-unavailable", 503, message, cause);
  }
}

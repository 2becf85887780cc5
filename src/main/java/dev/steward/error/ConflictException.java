package dev.steward.error;

/** The request clashes with the current state: a duplicate name, a transition not allowed now. */
public class ConflictException extends StewardException {
  public ConflictException(String message) {
    super("conflict", 409, message);
  }
}

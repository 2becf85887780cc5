package dev.steward.error;

/** The named thing does not exist, or the caller may not know whether it exists. */
public class NotFoundException extends StewardException {
  public NotFoundException(String message) {
    super("not-found", 404, message);
  }
}

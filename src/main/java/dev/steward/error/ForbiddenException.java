package dev.steward.error;

/** The caller is known but lacks the permission the route or action declares. */
public class ForbiddenException extends StewardException {
  public ForbiddenException(String message) {
    super("forbidden", 403, message);
  }
}

package dev.steward.error;

/** No valid credential came with the call. The message never says which part was wrong. */
public class UnauthenticatedException extends StewardException {
  public UnauthenticatedException(String message) {
    super("unauthenticated", 401, message);
  }
}

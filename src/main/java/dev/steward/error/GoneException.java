package dev.steward.error;

/**
 * What the caller asks for existed and is gone for good (HTTP 410): a download link that expired,
 * or data erased since the link was issued. {@code kind} says which, for the problem's type.
 */
public class GoneException extends StewardException {
  public GoneException(String kind, String message) {
    super(kind, 410, message);
  }
}

package dev.steward.error;

/**
 * Root of every failure Steward reports on purpose. Each subclass names a stable problem kind (used
 * as the RFC 9457 {@code type} on the API and mapped to an exit code on the CLI) and an HTTP
 * status. Messages are written for the person who reads them and never carry personal data.
 */
public class StewardException extends RuntimeException {
  private final String kind;
  private final int httpStatus;

  public StewardException(String kind, int httpStatus, String message) {
    super(message);
    this.kind = kind;
    this.httpStatus = httpStatus;
  }

  public StewardException(String kind, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
  }

  /** Stable, lower-case slug naming the kind of problem, e.g. {@code not-found}. */
  public String kind() {
    return kind;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** True when the failure came from what the caller sent, not from Steward or its store. */
  public boolean isCallerError() {
    return httpStatus >= 400 && httpStatus < 500;
  }
}

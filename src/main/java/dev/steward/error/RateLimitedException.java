package dev.steward.error;

import java.time.Duration;

/** Too many calls or failed attempts; {@code retryAfter} tells the caller when to try again. */
public class RateLimitedException extends StewardException {
  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super("rate-limited", 429, message);
    this.retryAfter = retryAfter;
  }

  /** A refusal of another kind and status that also tells the caller when to send again. */
  protected RateLimitedException(String kind, int httpStatus, String message, Duration retryAfter) {
    super(kind, httpStatus, message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}

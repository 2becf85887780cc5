package dev.steward.mail;

import dev.steward.store.Backoff;
import java.time.Duration;

/**
 * When to try a letter again after the SMTP server refused or could not be reached: the first retry
 * after {@code firstDelay}, each next one after twice the previous delay, never more than {@code
 * maxDelay} apart. A letter still not accepted {@code maxAge} after it was enqueued is marked
 * failed and reported, never dropped.
 */
public record MailRetry(Duration firstDelay, Duration maxDelay, Duration maxAge) {

  public MailRetry {
    requirePositive("mail retry firstDelay", firstDelay);
    requirePositive("mail retry maxDelay", maxDelay);
    requirePositive("mail retry maxAge", maxAge);
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("mail retry maxDelay cannot be less than firstDelay");
    }
  }

  /** 30 s doubling up to 1 h, given up after 3 days: rides out a long weekend's outage. */
  public static MailRetry defaults() {
    return new MailRetry(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3));
  }

  /** The wait before the next attempt once {@code failures} attempts in a row have failed. */
  public Duration delayAfter(int failures) {
    return new Backoff(firstDelay, maxDelay).delayAfter(failures);
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
    }
  }
}

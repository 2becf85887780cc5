package dev.steward.request;

import dev.steward.error.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Admission control for intake: at most as many submissions in progress at once as the store has
 * connections, in arrival order. A submission that finds every place taken for longer than a short
 * wait is refused at once with 503 {@code intake-busy} and {@code Retry-After}, nothing stored,
 * instead of queueing for seconds behind a burst the store cannot take. Thread-safe.
 */
final class IntakeGate {
  /** How long a submission may wait for a place before it is refused. */
  static final Duration WAIT = Duration.ofMillis(750);

  /** How long a refused caller is asked to wait before sending again. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final Semaphore places;
  private final long waitNanos;

  IntakeGate(int places, Duration wait) {
    this.places = new Semaphore(Math.max(1, places), true);
    this.waitNanos = wait.toNanos();
  }

  /** A gate with one place per connection of the store's pool. */
  static IntakeGate forPool(int poolSize) {
    return new IntakeGate(poolSize, WAIT);
  }

  /** A gate that never refuses, for nodes built without a pool size (tests). */
  static IntakeGate open() {
    return new IntakeGate(Integer.MAX_VALUE / 2, WAIT);
  }

  /** Runs {@code submission} once a place is free, or refuses it after the wait. */
  <T> T admit(Supplier<T> submission) {
    boolean admitted;
    try {
      admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new Busy();
    }
    try {
      return submission.get();
    } finally {
      places.release();
    }
  }

  /** 503 with Retry-After: the submission was not taken, and may be sent again as it was. */
  static final class Busy extends RateLimitedException {
    Busy() {
      super(
          "intake-busy",
          503,
          "Steward is taking as many requests as its store can now; send this one again.",
          RETRY_AFTER);
    }
  }
}

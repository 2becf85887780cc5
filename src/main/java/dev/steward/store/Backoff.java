package dev.steward.store;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;

/**
 * The one retry schedule of Steward's background work (letters, OpenDSR callbacks, fulfilment
 * tasks): the first retry after {@code first}, each next one after twice the previous wait, never
 * more than {@code longest} apart. Whoever retries decides when to give up.
 */
public record Backoff(Duration first, Duration longest) {

  public Backoff {
    requirePositive("first", first);
    requirePositive("longest", longest);
    if (longest.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff longest cannot be less than first");
    }
  }

  /** The wait before the next attempt once {@code failures} attempts in a row have failed. */
  public Duration delayAfter(int failures) {
    Duration delay = first;
    for (int i = 1; i < failures && delay.compareTo(longest) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(longest) < 0 ? delay : longest;
  }

  /** A db-scheduler failure handler that runs the failed execution again on this schedule. */
  public <T> FailureHandler<T> handler() {
    return (complete, operations) ->
        operations.reschedule(
            complete,
            complete
                .getTimeDone()
                .plus(delayAfter(complete.getExecution().consecutiveFailures + 1)));
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "backoff " + field + " must be a positive duration, was " + value);
    }
  }
}

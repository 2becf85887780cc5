package dev.steward.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a UK GDPR clock stands: running to a deadline, or stopped while the controller awaits a
 * clarification it asked for (UK GDPR Art. 12A). See {@link LegalClock#ukClock}.
 */
public sealed interface UkClock {

  /** The deadline, when there is one. */
  default java.util.Optional<Deadline> deadline() {
    return this instanceof Running running
        ? java.util.Optional.of(running.due())
        : java.util.Optional.empty();
  }

  /** The clock runs and ends at {@code due}. */
  record Running(Deadline due) implements UkClock {
    public Running {
      Objects.requireNonNull(due, "due");
    }
  }

  /**
   * The clock stands still from the day the clarification was asked for.
   *
   * @param askedAt when the clarification was asked for
   * @param daysLeftWhenResumed the calendar days of the period still to run: once the answer
   *     arrives, the period ends that many days after the day of the answer (then moved to the next
   *     working day), whenever the answer comes
   * @param daysPaused the days earlier, answered clarifications stopped the clock
   * @param inExtension whether the clock stopped in the extended period
   */
  record Stopped(Instant askedAt, int daysLeftWhenResumed, int daysPaused, boolean inExtension)
      implements UkClock {
    public Stopped {
      Objects.requireNonNull(askedAt, "askedAt");
    }
  }
}

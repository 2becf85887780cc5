package dev.steward.calendar;

import dev.steward.calendar.UkClockInputs.ClarificationPause;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The days a UK month clock stood still for clarification, by the rules stated on {@link
 * LegalClock#ukDueDate}: local days (in the jurisdiction's zone) from asking to answer, both
 * included, counted from the first counted day, overlaps once, pauses after the deadline ignored,
 * an open pause stops the clock.
 */
final class ClarificationPauses {
  private ClarificationPauses() {}

  /**
   * @param pauses sorted by {@code askedAt}
   * @param start the local date the month runs from
   * @param dueAfter the due date if the clock had stood still for the given number of days
   * @return the days paused, or empty while a pause is open
   */
  static OptionalInt daysPaused(
      List<ClarificationPause> pauses,
      ZoneId zone,
      LocalDate start,
      IntFunction<LocalDate> dueAfter) {
    int paused = 0;
    LocalDate firstUnpausedDay = start.plusDays(1);
    for (ClarificationPause pause : pauses) {
      LocalDate asked = max(LocalDate.ofInstant(pause.askedAt(), zone), firstUnpausedDay);
      if (asked.isAfter(dueAfter.apply(paused))) {
        break;
      }
      if (pause.isOpen()) {
        return OptionalInt.empty();
      }
      LocalDate answered = LocalDate.ofInstant(pause.answeredAt(), zone);
      if (answered.isBefore(asked)) {
        continue;
      }
      paused += (int) ChronoUnit.DAYS.between(asked, answered) + 1;
      firstUnpausedDay = answered.plusDays(1);
    }
    return OptionalInt.of(paused);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}

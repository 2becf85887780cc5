package dev.steward.calendar;

import dev.steward.calendar.UkClockInputs.ClarificationPause;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Counts a UK GDPR month, with its extension when one was given, through the clarification pauses,
 * by the rules stated on {@link LegalClock#ukClock}.
 *
 * <p>The period is walked in order: the month, then (if extended) the two further months counted
 * from the month's end as moved by the pauses asked during it. Each pause belongs to the period
 * running on the day it was asked: it moves that period's end by the days it stopped the clock.
 */
final class UkPeriod {
  private final HolidayCalendar calendar;
  private final ZoneId zone;

  UkPeriod(HolidayCalendar calendar, ZoneId zone) {
    this.calendar = calendar;
    this.zone = zone;
  }

  UkClock count(
      DeadlineRule rule,
      Optional<DeadlineRule> extension,
      UkClockInputs inputs,
      Deadlines deadlines) {
    LocalDate start = LocalDate.ofInstant(inputs.clockStart(), zone);
    LocalDate end = start.plusMonths(rule.amount());
    Deadline original = null;
    int paused = 0;
    LocalDate firstUnpaused = start.plusDays(1);
    for (ClarificationPause pause : inputs.pauses()) {
      LocalDate asked = max(LocalDate.ofInstant(pause.askedAt(), zone), firstUnpaused);
      if (original == null && extension.isPresent() && asked.isAfter(due(end))) {
        // Asked after the month ran out but while the extension runs: the extension's clock stops.
        original = deadlines.of(rule, start, paused, end, null);
        end = end.plusMonths(extension.get().amount());
      }
      if (asked.isAfter(due(end))) {
        break; // the clock ran out before the question; asking cannot revive it
      }
      if (pause.isOpen()) {
        // The days from asking to the end are still owed; they run again after the answer.
        int left = (int) Math.max(0, ChronoUnit.DAYS.between(asked, end) + 1);
        return new UkClock.Stopped(pause.askedAt(), left, paused, original != null);
      }
      LocalDate answered = LocalDate.ofInstant(pause.answeredAt(), zone);
      if (answered.isBefore(asked)) {
        continue; // inside an earlier pause: those days were already left out
      }
      int days = (int) ChronoUnit.DAYS.between(asked, answered) + 1;
      paused += days;
      // Asked after the period's last day but before the due date it was moved to (a weekend or
      // bank holiday), nothing was left to run: the answer's day is the end, never earlier.
      end = max(end.plusDays(days), answered);
      firstUnpaused = answered.plusDays(1);
    }
    if (original == null && extension.isPresent()) {
      original = deadlines.of(rule, start, paused, end, null);
      end = end.plusMonths(extension.get().amount());
    }
    if (original != null) {
      return new UkClock.Running(
          deadlines.of(extension.get(), original.periodEnd(), paused, end, original));
    }
    return new UkClock.Running(deadlines.of(rule, start, paused, end, null));
  }

  private LocalDate due(LocalDate periodEnd) {
    return calendar.nextWorkingDayOnOrAfter(periodEnd);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** Makes the deadline of a period ending on a day, moved to a working day. */
  interface Deadlines {
    Deadline of(
        DeadlineRule rule,
        LocalDate countedFrom,
        int paused,
        LocalDate periodEnd,
        Deadline original);
  }
}

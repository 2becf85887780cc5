package dev.steward.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The working days of a place. A calendar holds dates only: which zone turns an instant into one of
 * its dates is the counting jurisdiction's ({@link LegalClock}), so two jurisdictions in different
 * zones may share a calendar.
 *
 * <p>A working day is Monday to Friday, minus the calendar's public holidays, plus any weekend day
 * the calendar declares a working day (mainland China moves weekend days to build longer holidays).
 * A calendar answers only for the years it covers; asking about any other year throws {@link
 * CalendarNotCoveredException} rather than guessing.
 *
 * <p>Implementations are immutable after construction apart from internal caches and are safe to
 * share between threads. Obtain them from {@link Calendars}.
 */
public interface HolidayCalendar {

  /** The id the policy file gives this calendar, e.g. {@code gb-eng}. */
  String id();

  /** True when this calendar has holiday data for every day of {@code year}. */
  boolean coversYear(int year);

  /**
   * True when {@code date} is a working day.
   *
   * @throws CalendarNotCoveredException when the calendar has no data for the date's year
   */
  boolean isWorkingDay(LocalDate date);

  /** True when every year from {@code from} to {@code to} (both included) is covered. */
  default boolean covers(LocalDate from, LocalDate to) {
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      if (!coversYear(year)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Does nothing when {@link #covers} holds, and otherwise names the first missing year.
   *
   * @throws CalendarNotCoveredException for the first year between the dates that is not covered
   */
  void requireCovers(LocalDate from, LocalDate to);

  /** {@code date} itself when it is a working day, else the first working day after it. */
  default LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
    LocalDate day = Objects.requireNonNull(date, "date");
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * The day on which {@code n} working days after {@code start} have passed; {@code start} itself
   * is not counted, whether or not it is a working day. {@code n = 0} returns {@code start}.
   */
  default LocalDate addWorkingDays(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("working days to add cannot be negative: " + n);
    }
    LocalDate day = Objects.requireNonNull(start, "start");
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}

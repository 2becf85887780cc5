package dev.steward.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Shared logic of the calendars Steward ships: holiday data held per year, a Saturday–Sunday
 * weekend, and weekend days that a year may declare working days.
 */
abstract class YearlyHolidayCalendar implements HolidayCalendar {
  private final String id;

  YearlyHolidayCalendar(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /** Public holidays falling in {@code year}; called only for covered years. */
  abstract Set<LocalDate> holidays(int year);

  /** Days of {@code year} that are working days although a weekend day or a holiday. */
  abstract Set<LocalDate> workingDays(int year);

  /** What the policy author should add to cover {@code year}, for the exception message. */
  abstract String remedy(int year);

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final boolean isWorkingDay(LocalDate date) {
    int year = date.getYear();
    if (!coversYear(year)) {
      throw new CalendarNotCoveredException(id, year, date, remedy(year));
    }
    if (workingDays(year).contains(date)) {
      return true;
    }
    return !isWeekend(date) && !holidays(year).contains(date);
  }

  @Override
  public final void requireCovers(LocalDate from, LocalDate to) {
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      if (!coversYear(year)) {
        throw new CalendarNotCoveredException(id, year, null, remedy(year));
      }
    }
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + "]";
  }
}

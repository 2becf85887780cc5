package dev.steward.calendar;

import dev.steward.calendar.CalendarSpec.DatedYear;
import dev.steward.error.ConfigurationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A calendar whose every holiday and adjusted working day is listed in the policy, one year at a
 * time. Mainland China needs this: the State Council announces each year's holidays, and the
 * weekend days that become working days to bridge them, only a few weeks before the year starts
 * (PIPL deadlines counted in working days depend on both). A year not listed is not covered.
 */
final class DatedHolidayCalendar extends YearlyHolidayCalendar {
  private final Map<Integer, DatedYear> years;

  DatedHolidayCalendar(CalendarSpec spec) {
    super(spec.id(), spec.zone());
    if (spec.years().isEmpty()) {
      throw new ConfigurationException(
          "calendar " + spec.id() + ": a dated calendar needs at least one year under 'years'");
    }
    spec.years().forEach((year, data) -> check(spec.id(), year, data));
    this.years = spec.years();
  }

  /** Rejects dates filed under the wrong year and days declared both holiday and working day. */
  static void check(String calendarId, int year, DatedYear data) {
    for (Set<LocalDate> dates : List.of(data.holidays(), data.workingDays())) {
      for (LocalDate date : dates) {
        if (date.getYear() != year) {
          throw new ConfigurationException(
              "calendar "
                  + calendarId
                  + ": year "
                  + year
                  + " lists "
                  + date
                  + " from another year");
        }
        if (data.holidays().contains(date) && data.workingDays().contains(date)) {
          throw new ConfigurationException(
              "calendar "
                  + calendarId
                  + ": "
                  + date
                  + " is listed as both holiday and working day");
        }
      }
    }
  }

  @Override
  public boolean coversYear(int year) {
    return years.containsKey(year);
  }

  @Override
  Set<LocalDate> holidays(int year) {
    return years.get(year).holidays();
  }

  @Override
  Set<LocalDate> workingDays(int year) {
    return years.get(year).workingDays();
  }

  @Override
  String remedy(int year) {
    return "add that year's holidays and adjusted working days (for mainland China, the State"
        + " Council's notice) to the policy file";
  }
}

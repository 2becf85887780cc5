package dev.steward.calendar;

import dev.steward.calendar.CalendarDefect.Part;
import dev.steward.calendar.CalendarSpec.DatedYear;
import dev.steward.error.ConfigurationException;
import java.time.LocalDate;
import java.util.ArrayList;
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
    super(spec.id());
    List<CalendarDefect> defects = defects(spec);
    if (!defects.isEmpty()) {
      throw new ConfigurationException("calendar " + spec.id() + ": " + defects.get(0).message());
    }
    this.years = spec.years();
  }

  /**
   * A dated calendar without years, dates filed under the wrong year, and days declared both
   * holiday and working day; the corrections of a jollyday calendar are held to the same.
   */
  static List<CalendarDefect> defects(CalendarSpec spec) {
    List<CalendarDefect> defects = new ArrayList<>();
    if (spec.source() == CalendarSpec.Source.DATED && spec.years().isEmpty()) {
      defects.add(
          new CalendarDefect(Part.YEARS, 0, "a dated calendar needs at least one year", ""));
    }
    spec.years()
        .forEach(
            (year, data) -> {
              for (Set<LocalDate> dates : List.of(data.holidays(), data.workingDays())) {
                for (LocalDate date : dates) {
                  if (date.getYear() != year) {
                    defects.add(
                        new CalendarDefect(
                            Part.YEARS, year, "year " + year + " lists " + date, "move it"));
                  } else if (data.holidays().contains(date)
                      && data.workingDays().contains(date)
                      && dates == data.holidays()) {
                    defects.add(
                        new CalendarDefect(
                            Part.DATE,
                            year,
                            date + " is listed as both holiday and working day",
                            "keep it in one of the two lists"));
                  }
                }
              }
            });
    return defects;
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

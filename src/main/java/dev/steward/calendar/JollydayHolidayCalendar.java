package dev.steward.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import dev.steward.calendar.CalendarSpec.DatedYear;
import dev.steward.error.ConfigurationException;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A calendar computed by jollyday from a country and optionally the path to one of its regions
 * ({@code GB} + {@code [eng]}, {@code US} + {@code [ca]}, {@code DE} + {@code [by, mu]}). Holidays
 * are the observed dates (a Sunday holiday moved to Monday counts on Monday); jollyday's {@code
 * OBSERVANCE} entries, such as California's Lincoln's Birthday, are not days off and do not count.
 *
 * <p>The policy may correct jollyday per year through {@link CalendarSpec#years()}: holidays added
 * to jollyday's, and days declared working days. A year is covered when jollyday's rules reach it
 * ({@link JollydayDataHorizon}) or the policy lists it.
 *
 * <p>Holidays are cached per year in a concurrent map; safe to share between threads.
 */
final class JollydayHolidayCalendar extends YearlyHolidayCalendar {
  private final HolidayManager manager;
  private final String[] subdivisions;
  private final String country;
  private final Map<Integer, DatedYear> corrections;
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  /**
   * @throws ConfigurationException when the spec has a {@link CalendarDefect}; {@link Calendars}
   *     checks first, so this only guards against building one unchecked
   */
  JollydayHolidayCalendar(CalendarSpec spec) {
    super(spec.id());
    List<CalendarDefect> defects = JollydayRegions.defects(spec.country(), spec.subdivisions());
    if (!defects.isEmpty()) {
      throw new ConfigurationException("calendar " + spec.id() + ": " + defects.get(0).message());
    }
    this.country = spec.country().toUpperCase(Locale.ROOT);
    this.manager = JollydayRegions.manager(country).orElseThrow();
    this.subdivisions = spec.subdivisions().toArray(String[]::new);
    this.corrections = spec.years();
  }

  @Override
  public boolean coversYear(int year) {
    return JollydayDataHorizon.covers(country, year) || corrections.containsKey(year);
  }

  @Override
  Set<LocalDate> holidays(int year) {
    return holidaysByYear.computeIfAbsent(year, this::load);
  }

  @Override
  Set<LocalDate> workingDays(int year) {
    DatedYear correction = corrections.get(year);
    return correction == null ? Set.of() : correction.workingDays();
  }

  private Set<LocalDate> load(int year) {
    Set<LocalDate> dates = new HashSet<>();
    // An observed date can fall in the neighbouring year: US New Year's Day 2028 is observed on
    // Friday 31 December 2027, and jollyday files it under 2028.
    for (int y = year - 1; y <= year + 1; y++) {
      dates.addAll(
          jollydayHolidays(y).stream()
              .filter(h -> h.getType() != HolidayType.OBSERVANCE)
              .map(Holiday::getDate)
              .filter(d -> d.getYear() == year)
              .collect(Collectors.toSet()));
    }
    DatedYear correction = corrections.get(year);
    if (correction != null) {
      dates.addAll(correction.holidays());
    }
    return Set.copyOf(dates);
  }

  private Set<Holiday> jollydayHolidays(int year) {
    // jollyday's managers are shared process-wide; do not rely on them being thread-safe.
    synchronized (manager) {
      return manager.getHolidays(Year.of(year), subdivisions);
    }
  }

  @Override
  String remedy(int year) {
    return JollydayDataHorizon.reason(country)
        + "; add that year's holidays under 'years' of this calendar in the policy file";
  }
}

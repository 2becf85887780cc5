package dev.steward.calendar;

import dev.steward.error.ConfigurationException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The holiday calendars a policy declares, by id. Built once when the policy is loaded; every
 * problem with a calendar's declaration (unknown jollyday country or subdivision, a dated calendar
 * without years, a date filed under the wrong year) is reported then, as a {@link
 * ConfigurationException} naming the calendar.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Calendars {
  private final Map<String, HolidayCalendar> byId;

  private Calendars(Map<String, HolidayCalendar> byId) {
    this.byId = byId;
  }

  /**
   * Builds the calendars of a policy.
   *
   * @throws ConfigurationException when two calendars share an id or one cannot be built
   */
  public static Calendars of(List<CalendarSpec> specs) {
    Map<String, HolidayCalendar> byId = new LinkedHashMap<>();
    for (CalendarSpec spec : specs) {
      HolidayCalendar calendar =
          switch (spec.source()) {
            case JOLLYDAY -> new JollydayHolidayCalendar(spec);
            case DATED -> new DatedHolidayCalendar(spec);
          };
      if (byId.putIfAbsent(spec.id(), calendar) != null) {
        throw new ConfigurationException("calendar id '" + spec.id() + "' is declared twice");
      }
    }
    return new Calendars(Map.copyOf(byId));
  }

  /**
   * The calendar with this id.
   *
   * @throws UnknownCalendarException when the policy declares no such calendar
   */
  public HolidayCalendar get(String id) {
    HolidayCalendar calendar = byId.get(id);
    if (calendar == null) {
      throw new UnknownCalendarException(id, new TreeSet<>(byId.keySet()));
    }
    return calendar;
  }

  /** The ids of all calendars, for listing and validation. */
  public Set<String> ids() {
    return byId.keySet();
  }

  /**
   * True when calendar {@code id} has data for every day from {@code from} to {@code to}. The
   * policy validator uses it to reject a calendar that does not cover the dates it will be asked
   * for (for example, a dated calendar without next year while requests received in December run
   * into January).
   *
   * @throws UnknownCalendarException when the policy declares no such calendar
   */
  public boolean covers(String id, LocalDate from, LocalDate to) {
    return get(id).covers(from, to);
  }

  /**
   * As {@link #covers}, but throws naming the first missing year.
   *
   * @throws CalendarNotCoveredException for the first year in the range the calendar lacks
   * @throws UnknownCalendarException when the policy declares no such calendar
   */
  public void requireCovers(String id, LocalDate from, LocalDate to) {
    get(id).requireCovers(from, to);
  }
}

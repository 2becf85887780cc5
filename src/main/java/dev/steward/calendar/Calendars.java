package dev.steward.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The holiday calendars a policy declares, by id. Built once per policy.
 *
 * <p>A calendar whose declaration has a {@link CalendarDefect} (a country or region jollyday does
 * not know, a dated calendar without years, a date filed under the wrong year, an id declared
 * twice) is kept as unusable with the reason, and only asking for it fails ({@link
 * CalendarUnusableException}): the policy check refuses such a file, but a store may hold a version
 * published before the check knew better, and the clocks of every other calendar must still count.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Calendars {
  private final Map<String, HolidayCalendar> byId;
  private final Map<String, String> unusable;

  private Calendars(Map<String, HolidayCalendar> byId, Map<String, String> unusable) {
    this.byId = byId;
    this.unusable = unusable;
  }

  /** Builds the calendars of a policy; never throws for a defective one (see the class comment). */
  public static Calendars of(List<CalendarSpec> specs) {
    Map<String, HolidayCalendar> byId = new LinkedHashMap<>();
    Map<String, String> unusable = new LinkedHashMap<>();
    for (CalendarSpec spec : specs) {
      if (byId.containsKey(spec.id()) || unusable.containsKey(spec.id())) {
        byId.remove(spec.id());
        unusable.put(spec.id(), "the id is declared twice");
        continue;
      }
      List<CalendarDefect> defects = defects(spec);
      if (!defects.isEmpty()) {
        unusable.put(spec.id(), defects.get(0).message());
        continue;
      }
      byId.put(
          spec.id(),
          switch (spec.source()) {
            case JOLLYDAY -> new JollydayHolidayCalendar(spec);
            case DATED -> new DatedHolidayCalendar(spec);
          });
    }
    return new Calendars(Map.copyOf(byId), Map.copyOf(unusable));
  }

  /**
   * What makes this declaration unusable, in the order a reader meets it; empty when it can be
   * built. The policy check reports these at their place in the file; {@link #of} refuses the
   * calendar for the first.
   */
  public static List<CalendarDefect> defects(CalendarSpec spec) {
    List<CalendarDefect> defects = new ArrayList<>();
    if (spec.source() == CalendarSpec.Source.JOLLYDAY) {
      defects.addAll(JollydayRegions.defects(spec.country(), spec.subdivisions()));
    }
    defects.addAll(DatedHolidayCalendar.defects(spec));
    return defects;
  }

  /**
   * The calendar with this id.
   *
   * @throws UnknownCalendarException when the policy declares no such calendar
   * @throws CalendarUnusableException when its declaration has a defect
   */
  public HolidayCalendar get(String id) {
    HolidayCalendar calendar = byId.get(id);
    if (calendar == null) {
      String reason = unusable.get(id);
      if (reason != null) {
        throw new CalendarUnusableException(id, reason);
      }
      TreeSet<String> known = new TreeSet<>(byId.keySet());
      known.addAll(unusable.keySet());
      throw new UnknownCalendarException(id, known);
    }
    return calendar;
  }

  /** The ids of the calendars that can be used. */
  public Set<String> ids() {
    return byId.keySet();
  }

  /** The calendars that cannot be used, by id, with the reason for each. */
  public Map<String, String> unusable() {
    return unusable;
  }

  /**
   * True when calendar {@code id} has data for every day from {@code from} to {@code to}.
   *
   * @throws UnknownCalendarException when the policy declares no such calendar
   * @throws CalendarUnusableException when its declaration has a defect
   */
  public boolean covers(String id, LocalDate from, LocalDate to) {
    return get(id).covers(from, to);
  }

  /**
   * As {@link #covers}, but throws naming the first missing year.
   *
   * @throws CalendarNotCoveredException for the first year in the range the calendar lacks
   * @throws UnknownCalendarException when the policy declares no such calendar
   * @throws CalendarUnusableException when its declaration has a defect
   */
  public void requireCovers(String id, LocalDate from, LocalDate to) {
    get(id).requireCovers(from, to);
  }
}

package dev.steward.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A holiday calendar as the policy file declares it.
 *
 * <p>{@code source = JOLLYDAY} names a country (ISO 3166-1 alpha-2, as jollyday knows it) and
 * optionally a region of it, as the path of jollyday's codes from the outermost ({@code GB} +
 * {@code [eng]} for England and Wales, {@code US} + {@code [ca]} for California, {@code DE} +
 * {@code [by, mu]} for Munich in Bavaria, where Assumption Day is a holiday). {@code source =
 * DATED} carries the holidays and the adjusted working days per year, as the State Council
 * publishes them for mainland China; a date in a year it does not list cannot be computed.
 *
 * <p>A {@code JOLLYDAY} calendar may also carry {@code years}: corrections on top of jollyday for
 * those years, holidays it lacks (such as US Columbus Day, which jollyday 1.5.0 omits) and days
 * that are working days although jollyday or the weekend says otherwise. A year listed there is
 * covered even where jollyday's own data stops (Hong Kong's lunar holidays end in 2024).
 *
 * <p>A calendar has no zone of its own in the counting: days are always those of the zone of the
 * jurisdiction whose clock counts on it ({@link LegalClock}). The zone a policy file may still
 * declare for a calendar is kept only so that the policy check can refuse one that contradicts a
 * jurisdiction's.
 *
 * @param id stable id used by deadline rules
 * @param zone the zone the policy file declares for the calendar, or null; never used to count
 * @param subdivisions the path of jollyday region codes, outermost first; empty for the whole
 *     country
 * @see Calendars#defects(CalendarSpec)
 */
public record CalendarSpec(
    String id,
    Source source,
    ZoneId zone,
    String country,
    List<String> subdivisions,
    Map<Integer, DatedYear> years) {

  public CalendarSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    subdivisions = subdivisions == null ? List.of() : List.copyOf(subdivisions);
    years = years == null ? Map.of() : Map.copyOf(years);
  }

  public enum Source {
    JOLLYDAY,
    DATED
  }

  /**
   * One year of a calendar's dated data.
   *
   * @param holidays public holidays; weekend days inside a holiday break may be listed too
   * @param workingDays days that are working days although they fall on a weekend (or, for a
   *     jollyday correction, on a day jollyday lists as a holiday)
   */
  public record DatedYear(Set<LocalDate> holidays, Set<LocalDate> workingDays) {
    public DatedYear {
      holidays = Set.copyOf(holidays);
      workingDays = Set.copyOf(workingDays);
    }
  }
}

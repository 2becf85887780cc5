package dev.steward.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.steward.calendar.CalendarDefect.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Jollyday's countries and the tree of their regions. Jollyday reads its arguments as a path down
 * that tree ({@code de} → {@code by} → {@code mu}) and silently drops a code it does not find, with
 * the holidays that code would have added; so every code of a calendar's path is checked here, at
 * its level, before anything is counted.
 */
final class JollydayRegions {
  private static final String PATH_HINT =
      "write the path from the outermost region, e.g. subdivisions: [by, mu] for Munich in"
          + " Bavaria";

  private JollydayRegions() {}

  /** Jollyday's holidays for the country, or empty when it has none. */
  static Optional<HolidayManager> manager(String country) {
    try {
      return Optional.of(
          HolidayManager.getInstance(ManagerParameters.create(country.toUpperCase(Locale.ROOT))));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** What is wrong with the country and region path of a jollyday calendar; empty when nothing. */
  static List<CalendarDefect> defects(String country, List<String> path) {
    List<CalendarDefect> defects = new ArrayList<>();
    if (country == null || country.isBlank()) {
      defects.add(new CalendarDefect(Part.COUNTRY, 0, "a jollyday calendar names no country", ""));
      return defects;
    }
    String code = country.toUpperCase(Locale.ROOT);
    Optional<HolidayManager> manager = manager(code);
    if (manager.isEmpty()) {
      defects.add(
          new CalendarDefect(
              Part.COUNTRY,
              0,
              "jollyday has no holiday data for " + code,
              "use 'source: dated' and list each year's holidays and working days under 'years'"));
      return defects;
    }
    CalendarHierarchy level = manager.get().getCalendarHierarchy();
    String where = code;
    for (int i = 0; i < path.size(); i++) {
      String region = path.get(i);
      Map<String, CalendarHierarchy> children = level.getChildren();
      CalendarHierarchy next = children.get(region);
      if (next == null) {
        defects.add(unknown(region, where, children, i));
        return defects;
      }
      level = next;
      where = where + "/" + region;
    }
    return defects;
  }

  private static CalendarDefect unknown(
      String region, String where, Map<String, CalendarHierarchy> children, int index) {
    if (children.isEmpty()) {
      return new CalendarDefect(
          Part.SUBDIVISION,
          index,
          "jollyday knows no region '" + region + "' of " + where + "; it has no regions below it",
          "end the path at " + where);
    }
    TreeSet<String> codes = new TreeSet<>(children.keySet());
    String hint =
        codes.stream()
            .filter(candidate -> candidate.equalsIgnoreCase(region))
            .findFirst()
            .map(candidate -> "did you mean '" + candidate + "'?")
            .orElse(PATH_HINT);
    return new CalendarDefect(
        Part.SUBDIVISION,
        index,
        "jollyday knows no region '"
            + region
            + "' of "
            + where
            + "; valid codes: "
            + String.join(", ", codes),
        hint);
  }
}

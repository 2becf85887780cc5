package dev.steward.policy;

import dev.steward.calendar.CalendarSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds holiday calendars. A {@code jollyday} calendar names a country and the path of a region in
 * it ({@code subdivisions}), and may correct jollyday per year; a {@code dated} one lists, per
 * year, the public holidays and the weekend days that are working days. Whether jollyday knows the
 * country and region is checked by {@link CalendarRules}.
 */
final class CalendarBinder {
  private final Binding binding;

  CalendarBinder(Binding binding) {
    this.binding = binding;
  }

  List<CalendarSpec> calendars(Fields root) {
    List<CalendarSpec> result = new ArrayList<>();
    for (Fields f : binding.mappings(root, "calendars", "calendar")) {
      String id = Values.id(binding, f);
      var source = f.choice("source", CalendarSpec.Source.class);
      var zone = Values.zone(binding, f, "zone");
      String country = f.text("country");
      if (source == CalendarSpec.Source.JOLLYDAY && country.isEmpty()) {
        binding.add(
            f.node()
                .location()
                .error("jollyday calendar '" + id + "' names no country", "add 'country: GB'"));
      } else if (!country.isEmpty()) {
        Values.checkCountry(binding, country, f.where("country"), Set.of());
      }
      Map<Integer, CalendarSpec.DatedYear> years = years(f);
      if (source == CalendarSpec.Source.DATED && years.isEmpty()) {
        binding.add(
            f.node().location().error("dated calendar '" + id + "' lists no year", "add 'years:'"));
      }
      // A calendar's zone is optional: dates are computed in the jurisdiction's zone.
      boolean zoneReadable = zone != null || !f.has("zone");
      if (!id.isEmpty() && source != null && zoneReadable) {
        CalendarSpec spec =
            new CalendarSpec(id, source, zone, country, f.texts("subdivisions"), years);
        result.add(binding.origin(spec, f));
      }
    }
    return result;
  }

  private Map<Integer, CalendarSpec.DatedYear> years(Fields f) {
    Map<Integer, CalendarSpec.DatedYear> years = new LinkedHashMap<>();
    Node node = f.node().get("years").orElse(null);
    if (node == null) {
      return years;
    }
    if (!(node instanceof Node.Mapping mapping)) {
      binding.add(node.location().error("'years' must map each year to its days", "e.g. '2025:'"));
      return years;
    }
    for (Node.Entry entry : mapping.entries().values()) {
      if (!entry.key().matches("(19|20|21)\\d\\d")) {
        binding.add(entry.keyLocation().error("'" + entry.key() + "' is not a year", "e.g. 2025"));
        continue;
      }
      int year = Integer.parseInt(entry.key());
      Fields days = Fields.of(binding, entry.value(), "dated_year");
      if (days != null) {
        years.put(
            year,
            new CalendarSpec.DatedYear(
                dates(days, "holidays", year), dates(days, "working_days", year)));
      }
    }
    return years;
  }

  private Set<LocalDate> dates(Fields days, String key, int year) {
    Set<LocalDate> dates = new HashSet<>();
    List<Node> items = days.items(key);
    for (Node item : items) {
      String text = item instanceof Node.Scalar scalar && !scalar.isEmpty() ? scalar.text() : "";
      try {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() != year) {
          binding.add(
              item.location().error(text + " is listed under " + year, "move it to its year"));
        }
        dates.add(date);
      } catch (DateTimeParseException e) {
        binding.add(item.location().error("'" + text + "' is not a date", "use YYYY-MM-DD"));
      }
    }
    return dates;
  }
}

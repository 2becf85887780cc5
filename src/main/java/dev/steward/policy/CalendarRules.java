package dev.steward.policy;

import dev.steward.calendar.CalendarDefect;
import dev.steward.calendar.CalendarNotCoveredException;
import dev.steward.calendar.CalendarSpec;
import dev.steward.calendar.Calendars;
import dev.steward.calendar.Deadline;
import dev.steward.calendar.DeadlineRule;
import dev.steward.calendar.HolidayCalendar;
import dev.steward.calendar.LegalClock;
import dev.steward.error.StewardException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks of holiday calendars that are made when a policy is checked or published, not when a
 * published version is read back: they depend on jollyday's data and on today's date, and a version
 * once published must stay loadable. A node runs the same checks on the policy in force at start
 * and every day ({@link PolicyChecker#calendarFindings}).
 *
 * <ul>
 *   <li>A calendar jollyday cannot build: a country it has no data for, a region path it does not
 *       know (each code is checked at its level of jollyday's tree, which silently drops an unknown
 *       code with its holidays), a day both holiday and working day. An error at the code.
 *   <li>A jurisdiction whose zone contradicts a zone its calendar declares. Dates are computed in
 *       the jurisdiction's zone (RULES.md); a calendar has none of its own, so a different one
 *       declared there can only mislead. An error at the jurisdiction's zone.
 *   <li>Year-by-year data that runs out. The reference date is, for each jurisdiction, the later of
 *       the policy's effective date and today in its zone. A dated calendar must list the reference
 *       year (an error) and should list the next (a warning: the State Council announces it late in
 *       the year before). A deadline that counts on a calendar (with its extension) from the
 *       reference date and reaches a year the calendar does not cover is an error for the reference
 *       year and a warning for a later one: such clocks are kept uncounted, shown to staff, never
 *       guessed. A jollyday calendar that corrects jollyday year by year (US Columbus Day) should
 *       list the next year too (a warning: without it, jollyday's data would be used uncorrected).
 *       Each finding names the last year the data covers.
 * </ul>
 */
final class CalendarRules {
  private static final LocalTime NOON = LocalTime.NOON;

  private final Binding binding;
  private final Clock clock;

  CalendarRules(Binding binding, Clock clock) {
    this.binding = binding;
    this.clock = clock;
  }

  void check(Policy policy) {
    for (CalendarSpec calendar : policy.calendars()) {
      defects(calendar);
    }
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      zones(policy, jurisdiction);
    }
    coverage(policy, Calendars.of(policy.calendars()));
  }

  private void defects(CalendarSpec calendar) {
    // A missing or malformed country is reported where it was read; only jollyday's answer here.
    boolean countryReported =
        calendar.country() == null
            || calendar.country().isBlank()
            || !Values.isCountry(calendar.country());
    for (CalendarDefect defect : Calendars.defects(calendar)) {
      if (defect.part() == CalendarDefect.Part.COUNTRY && countryReported) {
        continue;
      }
      Node.Mapping origin = binding.originOf(calendar);
      Location where =
          switch (defect.part()) {
            case COUNTRY -> origin.valueLocation("country");
            case SUBDIVISION -> binding.element(calendar, "subdivisions", defect.index());
            case DATE -> origin.keyLocation("years");
            // Reported by the binder, at the date itself.
            case YEARS -> null;
          };
      if (where != null) {
        binding.add(where.error(defect.message(), defect.hint()));
      }
    }
  }

  private void zones(Policy policy, Jurisdiction jurisdiction) {
    if (jurisdiction.zone() == null) {
      return; // not a zone at all: reported where it was read
    }
    for (String id : calendarsOf(jurisdiction)) {
      policy
          .calendar(id)
          .map(CalendarSpec::zone)
          .filter(zone -> !zone.equals(jurisdiction.zone()))
          .ifPresent(
              zone ->
                  binding.add(
                      binding
                          .originOf(jurisdiction)
                          .valueLocation("zone")
                          .error(
                              "jurisdiction '"
                                  + jurisdiction.id()
                                  + "' computes its dates in "
                                  + jurisdiction.zone()
                                  + ", but its calendar '"
                                  + id
                                  + "' declares the zone "
                                  + zone,
                              "dates are computed in the jurisdiction's zone: give the calendar"
                                  + " the same zone, or leave its zone out")));
    }
  }

  private void coverage(Policy policy, Calendars calendars) {
    Map<String, LocalDate> references = new HashMap<>();
    Map<String, TreeMap<Integer, String>> missing = new HashMap<>();
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      if (jurisdiction.zone() == null) {
        continue;
      }
      LocalDate reference = reference(policy, jurisdiction.zone());
      for (String id : calendarsOf(jurisdiction)) {
        references.merge(id, reference, (a, b) -> a.isAfter(b) ? a : b);
      }
      LegalClock legal = new LegalClock(calendars, jurisdiction.zone(), clock);
      Instant from = reference.atTime(NOON).atZone(jurisdiction.zone()).toInstant();
      for (List<DeadlineRule> chain : chains(jurisdiction)) {
        try {
          Deadline deadline = legal.dueDate(chain.get(0), from);
          for (DeadlineRule extension : chain.subList(1, chain.size())) {
            deadline = legal.extend(deadline, extension);
          }
        } catch (CalendarNotCoveredException e) {
          missing
              .computeIfAbsent(e.calendarId(), id -> new TreeMap<>())
              .putIfAbsent(e.year(), "a deadline counted from " + reference);
        } catch (StewardException e) {
          // An unusable or undeclared calendar, or an extension counted differently from its
          // deadline: reported by the rules that own them.
        }
      }
    }
    for (CalendarSpec spec : policy.calendars()) {
      if (!calendars.ids().contains(spec.id())) {
        continue;
      }
      HolidayCalendar calendar = calendars.get(spec.id());
      LocalDate reference = references.getOrDefault(spec.id(), reference(policy, ZoneOffset.UTC));
      TreeMap<Integer, String> gaps = missing.getOrDefault(spec.id(), new TreeMap<>());
      if (spec.source() == CalendarSpec.Source.DATED) {
        dated(spec, calendar, reference, gaps);
      } else {
        gaps.forEach((year, why) -> uncovered(spec, calendar, "calendar", year, why, reference));
        corrections(spec, reference);
      }
    }
  }

  private void dated(
      CalendarSpec spec,
      HolidayCalendar calendar,
      LocalDate reference,
      TreeMap<Integer, String> gaps) {
    int year = reference.getYear();
    if (!calendar.coversYear(year)) {
      gaps.put(year, "the current year");
    }
    gaps.forEach((gap, why) -> uncovered(spec, calendar, "dated calendar", gap, why, reference));
    int next = year + 1;
    if (!gaps.containsKey(next) && !calendar.coversYear(next)) {
      binding.add(
          where(spec)
              .warning(
                  "dated calendar '"
                      + spec.id()
                      + "' has no data for "
                      + next
                      + " yet"
                      + lastCovered(calendar, next),
                  "add the holidays and adjusted working days for " + next + " before it starts"));
    }
  }

  /** A year a count needs and the calendar lacks: an error up to the reference year. */
  private void uncovered(
      CalendarSpec spec,
      HolidayCalendar calendar,
      String kind,
      int year,
      String why,
      LocalDate reference) {
    String message =
        kind
            + " '"
            + spec.id()
            + "' has no data for "
            + year
            + ", which "
            + why
            + " needs"
            + lastCovered(calendar, year);
    // Without the current year nothing can be counted: an error. A later year is announced late
    // in the year before (the State Council publishes in the autumn), so a deadline that reaches
    // into it is a warning: such clocks stay uncounted, shown to staff, never guessed, until a
    // policy with that year's dates is in force.
    binding.add(
        year <= reference.getYear()
            ? where(spec)
                .error(message, "add the holidays and adjusted working days announced for " + year)
            : where(spec)
                .warning(
                    message,
                    "add the holidays and adjusted working days for "
                        + year
                        + " once announced; until then such deadlines are not counted and the"
                        + " requests are listed as having a clock gap"));
  }

  /**
   * Corrections of jollyday are given year by year (US Columbus Day, which jollyday 1.5.0 omits at
   * the federal level): past the last year listed, jollyday's data is used as it is.
   */
  private void corrections(CalendarSpec spec, LocalDate reference) {
    if (spec.years().isEmpty()) {
      return;
    }
    int last = spec.years().keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    int next = reference.getYear() + 1;
    if (last >= next) {
      return;
    }
    int first = last + 1;
    binding.add(
        where(spec)
            .warning(
                "calendar '"
                    + spec.id()
                    + "' corrects jollyday up to "
                    + last
                    + " only; for "
                    + first
                    + " jollyday's own data would be used uncorrected",
                first > reference.getYear()
                    ? "add "
                        + first
                        + " under 'years' before it starts, with no dates if jollyday needs no"
                        + " correction that year"
                    : "add the years from "
                        + first
                        + " under 'years', with no dates for a year that needs no correction"));
  }

  private static String lastCovered(HolidayCalendar calendar, int missing) {
    for (int year = missing - 1; year > missing - 100; year--) {
      if (calendar.coversYear(year)) {
        return "; the last year it covers is " + year;
      }
    }
    return "";
  }

  private Location where(CalendarSpec spec) {
    return binding.originOf(spec).keyLocation(spec.years().isEmpty() ? "id" : "years");
  }

  /** The later of the policy's effective date and today in {@code zone}. */
  private LocalDate reference(Policy policy, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    return policy.effectiveFrom().filter(today::isBefore).orElse(today);
  }

  /** Every calendar a jurisdiction counts on: its own and any a rule of it names. */
  private static Set<String> calendarsOf(Jurisdiction jurisdiction) {
    Set<String> ids = new LinkedHashSet<>();
    if (!jurisdiction.calendar().isEmpty()) {
      ids.add(jurisdiction.calendar());
    }
    for (List<DeadlineRule> chain : chains(jurisdiction)) {
      chain.forEach(rule -> ids.add(rule.calendarId()));
    }
    return ids;
  }

  /**
   * Each right's deadline followed by its extension, each receipt confirmation, and the breach and
   * Art. 14 deadlines of a jurisdiction.
   */
  private static List<List<DeadlineRule>> chains(Jurisdiction jurisdiction) {
    List<List<DeadlineRule>> chains = new ArrayList<>();
    for (Jurisdiction.Right right : jurisdiction.rights()) {
      List<DeadlineRule> chain = new ArrayList<>();
      chain.add(right.deadline());
      right.extension().ifPresent(extension -> chain.add(extension.by()));
      chains.add(chain);
      right.confirm().ifPresent(confirm -> chains.add(List.of(confirm)));
    }
    jurisdiction.indirectCollectionNotice().ifPresent(rule -> chains.add(List.of(rule)));
    for (Jurisdiction.BreachNotice notice : jurisdiction.breach()) {
      notice.within().ifPresent(rule -> chains.add(List.of(rule)));
    }
    return chains;
  }
}

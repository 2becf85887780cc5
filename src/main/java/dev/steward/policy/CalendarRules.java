package dev.steward.policy;

import dev.steward.calendar.CalendarSpec;
import dev.steward.calendar.DeadlineRule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A dated calendar must cover the dates it will be asked for.
 *
 * <p>The reference date is the later of the policy's effective date and today (in the calendar's
 * zone). It is an error when a dated calendar does not list the reference year, or when a deadline
 * that counts on it (with its extension), started on the reference date, runs into a year it does
 * not list. It is a warning when the year after the reference year is not listed yet: its data must
 * be added before that year starts. Jollyday calendars are maintained by the library and are not
 * checked here.
 */
final class CalendarRules {
  private final Binding binding;
  private final Clock clock;

  CalendarRules(Binding binding, Clock clock) {
    this.binding = binding;
    this.clock = clock;
  }

  void check(Policy policy) {
    for (CalendarSpec calendar : policy.calendars()) {
      if (calendar.source() != CalendarSpec.Source.DATED) {
        continue;
      }
      LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
      LocalDate reference = policy.effectiveFrom().filter(today::isBefore).orElse(today);
      Location where =
          binding.originOf(calendar).keyLocation(calendar.years().isEmpty() ? "id" : "years");
      TreeMap<Integer, String> missing = new TreeMap<>();
      if (!calendar.years().containsKey(reference.getYear())) {
        missing.put(reference.getYear(), "the current year");
      }
      for (List<DeadlineRule> chain : chains(policy, calendar.id())) {
        LocalDate date = reference;
        DatedCounter counter = new DatedCounter(calendar);
        for (DeadlineRule rule : chain) {
          date = counter.end(rule, date);
          if (!counter.covered(date)) {
            break;
          }
        }
        int year = date.getYear();
        if (!calendar.years().containsKey(year)) {
          missing.putIfAbsent(year, "a deadline counted from " + reference);
        }
      }
      // Without the current year nothing can be counted: an error. A later year is announced
      // late in the year before (the State Council publishes in the autumn), so a deadline that
      // reaches into it is a warning: such clocks stay uncounted, shown to staff, never guessed,
      // until a policy with that year's dates is in force.
      missing.forEach(
          (year, why) -> {
            String message =
                "dated calendar '"
                    + calendar.id()
                    + "' has no data for "
                    + year
                    + ", which "
                    + why
                    + " needs";
            binding.add(
                year <= reference.getYear()
                    ? where.error(
                        message, "add the holidays and adjusted working days announced for " + year)
                    : where.warning(
                        message,
                        "add the holidays and adjusted working days for "
                            + year
                            + " once announced; until then such deadlines are not counted and"
                            + " the requests are listed as having a clock gap"));
          });
      int next = reference.getYear() + 1;
      if (!missing.containsKey(next) && !calendar.years().containsKey(next)) {
        binding.add(
            where.warning(
                "dated calendar '" + calendar.id() + "' has no data for " + next + " yet",
                "add the holidays and adjusted working days for " + next + " before it starts"));
      }
    }
  }

  /** Each right's deadline followed by its extension, for the rules counted on this calendar. */
  private static List<List<DeadlineRule>> chains(Policy policy, String calendarId) {
    List<List<DeadlineRule>> chains = new ArrayList<>();
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      for (Jurisdiction.Right right : jurisdiction.rights()) {
        List<DeadlineRule> chain = new ArrayList<>();
        chain.add(right.deadline());
        right.extension().ifPresent(extension -> chain.add(extension.by()));
        right.confirm().ifPresent(confirm -> chains.add(List.of(confirm)));
        chains.add(chain.stream().filter(rule -> rule.calendarId().equals(calendarId)).toList());
      }
    }
    chains.removeIf(
        chain -> chain.stream().noneMatch(rule -> rule.calendarId().equals(calendarId)));
    return chains;
  }

  /**
   * Counts days on a dated calendar as far as its data goes: the end date of a rule, or the first
   * date whose year the calendar does not list.
   */
  private record DatedCounter(CalendarSpec calendar) {
    LocalDate end(DeadlineRule rule, LocalDate from) {
      return switch (rule.count()) {
        case GDPR_MONTHS, UK_MONTHS -> rollToWorkingDay(from.plusMonths(rule.amount()));
        case CALENDAR_DAYS -> from.plusDays(rule.amount());
        case HOURS -> from.plusDays((rule.amount() + 23L) / 24);
        case BUSINESS_DAYS -> addWorkingDays(from, rule.amount());
      };
    }

    private LocalDate addWorkingDays(LocalDate from, int amount) {
      LocalDate date = from;
      for (int counted = 0; counted < amount && covered(date); ) {
        date = date.plusDays(1);
        if (covered(date) && isWorkingDay(date)) {
          counted++;
        }
      }
      return date;
    }

    private LocalDate rollToWorkingDay(LocalDate date) {
      LocalDate rolled = date;
      while (covered(rolled) && !isWorkingDay(rolled)) {
        rolled = rolled.plusDays(1);
      }
      return rolled;
    }

    boolean covered(LocalDate date) {
      return calendar.years().containsKey(date.getYear());
    }

    private boolean isWorkingDay(LocalDate date) {
      CalendarSpec.DatedYear year = calendar.years().get(date.getYear());
      if (year.workingDays().contains(date)) {
        return true;
      }
      DayOfWeek day = date.getDayOfWeek();
      return !year.holidays().contains(date)
          && day != DayOfWeek.SATURDAY
          && day != DayOfWeek.SUNDAY;
    }
  }
}

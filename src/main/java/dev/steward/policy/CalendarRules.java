package dev.steward.policy;

import dev.steward.calendar.CalendarSpec;
import dev.steward.calendar.DeadlineRule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dated calendar must cover the dates it will be asked for.
 *
 * <p>The reference date is the later of the policy's effective date and today (in the calendar's
 * zone). It is an error when a dated calendar does not list the reference year, or any year that a
 * deadline counted on it from the reference date can reach (the longest deadline, with its
 * extension, counted generously: a business day as 7/5 of a day plus 14 days for the longest
 * holiday run, a month as 31 days). It is a warning when the year after the reference year is not
 * listed yet: that data must be added before the new year. Jollyday calendars are maintained by the
 * library and need no such check.
 */
final class CalendarRules {
  private static final int HOLIDAY_SLACK_DAYS = 14;

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
      LocalDate horizon = reference.plusDays(longestSpanDays(policy, calendar.id()));
      Location where = binding.originOf(calendar).keyLocation(calendar.years().isEmpty() ? "id" : "years");
      for (int year = reference.getYear(); year <= horizon.getYear(); year++) {
        if (!calendar.years().containsKey(year)) {
          binding.add(
              where.error(
                  "dated calendar '" + calendar.id() + "' has no data for " + year
                      + ", yet deadlines counted from " + reference + " can reach " + horizon,
                  "add the holidays and adjusted working days announced for " + year));
        }
      }
      int next = reference.getYear() + 1;
      if (next > horizon.getYear() && !calendar.years().containsKey(next)) {
        binding.add(
            where.warning(
                "dated calendar '" + calendar.id() + "' has no data for " + next + " yet",
                "add the holidays and adjusted working days for " + next + " before it starts"));
      }
    }
  }

  private static long longestSpanDays(Policy policy, String calendarId) {
    long longest = 0;
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      for (Jurisdiction.Right right : jurisdiction.rights()) {
        List<DeadlineRule> chain = new ArrayList<>();
        chain.add(right.deadline());
        right.extension().ifPresent(extension -> chain.add(extension.by()));
        long span = 0;
        for (DeadlineRule rule : chain) {
          if (rule.calendarId().equals(calendarId)) {
            span += spanDays(rule);
          }
        }
        longest = Math.max(longest, span);
      }
    }
    return longest;
  }

  private static long spanDays(DeadlineRule rule) {
    return switch (rule.count()) {
      case GDPR_MONTHS, UK_MONTHS -> 31L * rule.amount();
      case CALENDAR_DAYS -> rule.amount();
      case BUSINESS_DAYS -> (rule.amount() * 7L + 4) / 5 + HOLIDAY_SLACK_DAYS;
      case HOURS -> (rule.amount() + 23L) / 24;
    };
  }
}

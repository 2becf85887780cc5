package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * What a node says every day about the calendars of the policy in force: year-by-year data that
 * runs out, with the last year it covers, a year ahead of the first clock that needs it.
 */
class CalendarWatchTest {
  private final PublishedPolicies bundled = FixedPolicies.of(Fixtures.checker().bundled());

  private static PolicyChecker on(String instant) {
    return new PolicyChecker(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void findings_midYearWithNextYearsDataListed_areNone() {
    assertThat(new CalendarWatch(bundled, on("2025-06-01T00:00:00Z")).findings()).isEmpty();
  }

  @Test
  void findings_whenTheDatedCalendarHasNoDataForNextYear_warnWithTheLastYearItCovers() {
    assertThat(new CalendarWatch(bundled, on("2026-02-01T00:00:00Z")).findings())
        .containsExactly(
            "policy version 1: warning: dated calendar 'cn-mainland' has no data for 2027 yet;"
                + " the last year it covers is 2026 (hint: add the holidays and adjusted working"
                + " days for 2027 before it starts)");
  }

  @Test
  void findings_whenTheColumbusDayCorrectionsRunOut_warnBeforeTheYearTheyLack() {
    assertThat(new CalendarWatch(bundled, on("2035-03-01T00:00:00Z")).findings())
        .contains(
            "policy version 1: warning: calendar 'us-federal' corrects jollyday up to 2035 only;"
                + " for 2036 jollyday's own data would be used uncorrected (hint: add 2036 under"
                + " 'years' before it starts, with no dates if jollyday needs no correction that"
                + " year)");
  }

  @Test
  void report_logsEachFindingAndCountsThem() {
    assertThat(new CalendarWatch(bundled, on("2026-02-01T00:00:00Z")).report()).isEqualTo(1);
  }
}

package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.LONDON;
import static dev.steward.calendar.TestCalendars.date;
import static dev.steward.calendar.TestCalendars.jollyday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.calendar.DeadlineRule.Count;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarsTest {
  private final Calendars calendars = TestCalendars.calendars();

  @Test
  void get_knownId_returnsTheCalendar() {
    assertThat(calendars.get("gb-eng").id()).isEqualTo("gb-eng");
    assertThat(calendars.ids())
        .containsExactlyInAnyOrder("gb-eng", "us-federal", "us-ca", "hk", "cn-mainland");
  }

  @Test
  void get_unknownId_throwsNamingTheKnownIds() {
    assertThatThrownBy(() -> calendars.get("fr"))
        .isInstanceOfSatisfying(
            UnknownCalendarException.class,
            e -> {
              assertThat(e.calendarId()).isEqualTo("fr");
              assertThat(e.kind()).isEqualTo("unknown-calendar");
            })
        .hasMessage(
            "no calendar with id 'fr' is declared in the policy; known calendars: cn-mainland,"
                + " gb-eng, hk, us-ca, us-federal");
  }

  @Test
  void dueDate_ruleNamingUnknownCalendar_throwsUnknownCalendar() {
    TestCalendars.HomeZoneClock clock = TestCalendars.legalClock();
    DeadlineRule rule = new DeadlineRule(Count.GDPR_MONTHS, 1, "de-by");
    assertThatThrownBy(() -> clock.dueDate(rule, Instant.parse("2026-01-01T00:00:00Z")))
        .isInstanceOf(UnknownCalendarException.class);
  }

  @Test
  void of_duplicateId_isUnusable() {
    List<CalendarSpec> specs =
        List.of(jollyday("gb-eng", LONDON, "GB", "eng"), jollyday("gb-eng", LONDON, "GB", "wls"));
    assertThatThrownBy(() -> Calendars.of(specs).get("gb-eng"))
        .isInstanceOf(CalendarUnusableException.class)
        .hasMessageContaining("declared twice");
  }

  @Test
  void covers_ruleBasedJollydayCalendar_coversAnyYear() {
    assertThat(calendars.covers("gb-eng", date("2025-01-01"), date("2040-12-31"))).isTrue();
  }

  @Test
  void addWorkingDays_zero_returnsStart() {
    assertThat(calendars.get("gb-eng").addWorkingDays(date("2026-12-26"), 0))
        .isEqualTo(date("2026-12-26"));
  }

  @Test
  void nextWorkingDayOnOrAfter_workingDay_returnsItself() {
    assertThat(calendars.get("gb-eng").nextWorkingDayOnOrAfter(date("2026-12-29")))
        .isEqualTo(date("2026-12-29"));
  }
}

package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.SHANGHAI;
import static dev.steward.calendar.TestCalendars.at;
import static dev.steward.calendar.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.calendar.CalendarSpec.DatedYear;
import dev.steward.calendar.CalendarSpec.Source;
import dev.steward.calendar.DeadlineRule.Count;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A DATED calendar with the 2026 State Council holidays and adjusted working days. */
class MainlandChinaCalendarTest {
  private static final DeadlineRule PIPL = new DeadlineRule(Count.BUSINESS_DAYS, 15, "cn-mainland");

  private final Calendars calendars = TestCalendars.calendars();
  private final HolidayCalendar china = calendars.get("cn-mainland");
  private final TestCalendars.HomeZoneClock clock = TestCalendars.legalClock();

  @Test
  void isWorkingDay_adjustedSaturdayBeforeSpringFestival_isWorkingDay() {
    assertThat(china.isWorkingDay(date("2026-02-14"))).isTrue();
    assertThat(china.isWorkingDay(date("2026-01-04"))).isTrue(); // a Sunday, worked
  }

  @Test
  void isWorkingDay_springFestivalMonday_isNot() {
    assertThat(china.isWorkingDay(date("2026-02-16"))).isFalse();
    assertThat(china.isWorkingDay(date("2026-02-23"))).isFalse();
    assertThat(china.isWorkingDay(date("2026-02-24"))).isTrue();
  }

  @Test
  void dueDate_pipl15WorkingDays_acrossSpringFestival_countsTheWorkedSaturdays() {
    // Received Thursday 12 Feb; 14 and 28 Feb (Saturdays) are worked, 15 to 23 Feb are off.
    assertThat(clock.dueDate(PIPL, at("2026-02-12T10:00", SHANGHAI)).dueDate())
        .isEqualTo(date("2026-03-11"));
  }

  @Test
  void dueDate_pipl15WorkingDays_acrossMidAutumnAndNationalDay() {
    // Received Saturday 19 Sep; 20 Sep and 10 Oct are worked; 25 to 27 Sep and 1 to 7 Oct off.
    assertThat(clock.dueDate(PIPL, at("2026-09-19T10:00", SHANGHAI)).dueDate())
        .isEqualTo(date("2026-10-15"));
  }

  @Test
  void dueDate_received2330UtcAlreadyNextDayInShanghai_countsFromShanghaiDate() {
    // 23:30 UTC on Monday 9 March is 07:30 on Tuesday 10 March in Shanghai.
    Deadline deadline = clock.dueDate(PIPL, Instant.parse("2026-03-09T23:30:00Z"));
    assertThat(deadline.countedFrom()).isEqualTo(date("2026-03-10"));
    assertThat(deadline.dueDate()).isEqualTo(date("2026-03-31"));
  }

  @Test
  void dueDate_runningIntoUncoveredYear_throwsNamingCalendarAndYear() {
    assertThatThrownBy(() -> clock.dueDate(PIPL, at("2026-12-20T10:00", SHANGHAI)))
        .isInstanceOfSatisfying(
            CalendarNotCoveredException.class,
            e -> {
              assertThat(e.calendarId()).isEqualTo("cn-mainland");
              assertThat(e.year()).isEqualTo(2027);
              assertThat(e.date()).contains(date("2027-01-01"));
              assertThat(e.kind()).isEqualTo("calendar-not-covered");
              assertThat(e.httpStatus()).isEqualTo(422);
            })
        .hasMessageContaining("calendar cn-mainland has no holiday data for 2027")
        .hasMessageContaining("State Council");
  }

  @Test
  void isWorkingDay_yearBeforeData_throws() {
    assertThatThrownBy(() -> china.isWorkingDay(date("2025-12-31")))
        .isInstanceOf(CalendarNotCoveredException.class)
        .hasMessageContaining("2025");
  }

  @Test
  void covers_onlyTheListedYear() {
    assertThat(calendars.covers("cn-mainland", date("2026-01-01"), date("2026-12-31"))).isTrue();
    assertThat(calendars.covers("cn-mainland", date("2026-12-01"), date("2027-01-31"))).isFalse();
    assertThatThrownBy(
            () -> calendars.requireCovers("cn-mainland", date("2026-12-01"), date("2027-01-31")))
        .isInstanceOfSatisfying(
            CalendarNotCoveredException.class, e -> assertThat(e.date()).isEmpty())
        .hasMessageContaining("2027");
  }

  @Test
  void get_datedYearListingDateOfAnotherYear_isUnusable() {
    CalendarSpec spec =
        new CalendarSpec(
            "cn-mainland",
            Source.DATED,
            SHANGHAI,
            "CN",
            List.of(),
            Map.of(2027, new DatedYear(Set.of(date("2026-10-01")), Set.of())));
    assertThatThrownBy(() -> Calendars.of(List.of(spec)).get("cn-mainland"))
        .isInstanceOf(CalendarUnusableException.class)
        .hasMessageContaining("year 2027 lists 2026-10-01");
  }

  @Test
  void get_datedCalendarWithoutYears_isUnusable() {
    CalendarSpec spec =
        new CalendarSpec("cn-mainland", Source.DATED, SHANGHAI, "CN", List.of(), Map.of());
    assertThatThrownBy(() -> Calendars.of(List.of(spec)).get("cn-mainland"))
        .isInstanceOf(CalendarUnusableException.class)
        .hasMessageContaining("at least one year");
  }
}

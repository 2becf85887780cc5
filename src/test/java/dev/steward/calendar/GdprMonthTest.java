package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.LONDON;
import static dev.steward.calendar.TestCalendars.at;
import static dev.steward.calendar.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.calendar.DeadlineRule.Count;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Regulation 1182/71 Art. 3 month counting, on the England and Wales calendar. */
class GdprMonthTest {
  private static final DeadlineRule ONE_MONTH = new DeadlineRule(Count.GDPR_MONTHS, 1, "gb-eng");
  private static final DeadlineRule TWO_MONTHS = new DeadlineRule(Count.GDPR_MONTHS, 2, "gb-eng");

  private final TestCalendars.HomeZoneClock clock = TestCalendars.legalClock();

  private Deadline due(String receivedLocal) {
    return clock.dueDate(ONE_MONTH, at(receivedLocal, LONDON));
  }

  @Test
  void dueDate_receivedOn31January_isLastDayOfFebruary() {
    assertThat(due("2025-01-31T10:00").dueDate()).isEqualTo(date("2025-02-28"));
  }

  @Test
  void dueDate_receivedOn31JanuaryOfLeapYear_is29February() {
    assertThat(due("2024-01-31T10:00").dueDate()).isEqualTo(date("2024-02-29"));
  }

  @Test
  void dueDate_endsAtEndOfLocalDay() {
    Deadline deadline = due("2025-01-31T10:00");
    assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2025-02-28T23:59:59.999Z"));
    // In summer London is UTC+1, so the end of the local day is 22:59:59.999 UTC.
    assertThat(due("2025-06-10T10:00").dueAt())
        .isEqualTo(Instant.parse("2025-07-10T22:59:59.999Z"));
  }

  @Test
  void dueDate_monthEndsOnSaturday_movesToMonday() {
    // 1 Mar 2025 is a Saturday.
    Deadline deadline = due("2025-02-01T10:00");
    assertThat(deadline.periodEnd()).isEqualTo(date("2025-03-01"));
    assertThat(deadline.dueDate()).isEqualTo(date("2025-03-03"));
  }

  @Test
  void dueDate_monthEndsOnEasterMonday_movesToTuesday() {
    // Easter Monday 2025 is 21 April, a bank holiday in England and Wales.
    assertThat(due("2025-03-21T10:00").dueDate()).isEqualTo(date("2025-04-22"));
  }

  @Test
  void dueDate_monthEndsOnLateMayBankHoliday_movesToTuesday() {
    // Spring bank holiday 2025: Monday 26 May.
    assertThat(due("2025-04-26T10:00").dueDate()).isEqualTo(date("2025-05-27"));
  }

  @Test
  void dueDate_monthEndsOnSaturdayBeforeBoxingDaySubstitute_movesPastIt() {
    // 26 Dec 2026 is a Saturday; its substitute bank holiday is Monday 28 December.
    assertThat(due("2026-11-26T10:00").dueDate()).isEqualTo(date("2026-12-29"));
  }

  @Test
  void dueDate_monthEndsOnChristmasSaturday2027_movesPastBothSubstituteDays() {
    // 2027: Christmas substitute Monday 27, Boxing Day substitute Tuesday 28 December.
    assertThat(due("2027-11-25T10:00").dueDate()).isEqualTo(date("2027-12-29"));
  }

  @Test
  void extend_byTwoMonths_countsFromEndOfOriginalMonth() {
    Deadline original = due("2025-01-31T10:00");
    Deadline extended = clock.extend(original, TWO_MONTHS);
    assertThat(extended.countedFrom()).isEqualTo(date("2025-02-28"));
    assertThat(extended.dueDate()).isEqualTo(date("2025-04-28"));
    assertThat(extended.extensionOf()).contains(original);
  }

  @Test
  void extend_originalMovedToWorkingDay_doesNotCompoundTheMove() {
    // The month ended Saturday 1 March and was due Monday 3 March; two more months run from
    // 1 March to Thursday 1 May.
    Deadline extended = clock.extend(due("2025-02-01T10:00"), TWO_MONTHS);
    assertThat(extended.dueDate()).isEqualTo(date("2025-05-01"));
  }

  @Test
  void extend_twice_isRefused() {
    Deadline extended = clock.extend(due("2025-01-31T10:00"), TWO_MONTHS);
    assertThatThrownBy(() -> clock.extend(extended, TWO_MONTHS))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already an extension");
  }

  @Test
  void extend_withDifferentCountingMethod_isRefused() {
    DeadlineRule days = new DeadlineRule(Count.CALENDAR_DAYS, 60, "gb-eng");
    assertThatThrownBy(() -> clock.extend(due("2025-01-31T10:00"), days))
        .isInstanceOf(InvalidInputException.class);
  }
}

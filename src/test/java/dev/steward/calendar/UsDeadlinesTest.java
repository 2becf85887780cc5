package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.LOS_ANGELES;
import static dev.steward.calendar.TestCalendars.NEW_YORK;
import static dev.steward.calendar.TestCalendars.at;
import static dev.steward.calendar.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.calendar.DeadlineRule.Count;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** CCPA (11 CCR §7021, §7026), Shine the Light and the customer-content promise. */
class UsDeadlinesTest {
  private static final DeadlineRule CONFIRM = new DeadlineRule(Count.BUSINESS_DAYS, 10, "us-ca");
  private static final DeadlineRule RESPOND = new DeadlineRule(Count.CALENDAR_DAYS, 45, "us-ca");
  private static final DeadlineRule EXTEND = new DeadlineRule(Count.CALENDAR_DAYS, 45, "us-ca");
  private static final DeadlineRule OPT_OUT = new DeadlineRule(Count.BUSINESS_DAYS, 15, "us-ca");

  private final TestCalendars.HomeZoneClock clock = TestCalendars.legalClock();

  private static Instant la(String localDateTime) {
    return at(localDateTime, LOS_ANGELES);
  }

  @Test
  void confirmReceiptBy_acrossThanksgiving2026_skipsThursdayAndCaliforniaDayAfter() {
    // Received Friday 20 Nov; 26 Nov (Thanksgiving) and 27 Nov (day after, California) are off.
    assertThat(clock.confirmReceiptBy(CONFIRM, la("2026-11-20T12:00")).dueDate())
        .isEqualTo(date("2026-12-08"));
  }

  @Test
  void confirmReceiptBy_onFederalCalendar_countsDayAfterThanksgiving() {
    DeadlineRule federal = new DeadlineRule(Count.BUSINESS_DAYS, 10, "us-federal");
    assertThat(clock.confirmReceiptBy(federal, at("2026-11-20T12:00", NEW_YORK)).dueDate())
        .isEqualTo(date("2026-12-07"));
  }

  @Test
  void confirmReceiptBy_acrossChristmasAndNewYear_skipsBoth() {
    // Christmas and New Year's Day 2026/27 are both Fridays.
    assertThat(clock.confirmReceiptBy(CONFIRM, la("2026-12-18T12:00")).dueDate())
        .isEqualTo(date("2027-01-05"));
  }

  @Test
  void dueDate_ccpa45CalendarDays_isReceiptPlus45() {
    Deadline deadline = clock.dueDate(RESPOND, la("2026-01-05T12:00"));
    assertThat(deadline.dueDate()).isEqualTo(date("2026-02-19"));
    assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-02-20T07:59:59.999Z"));
  }

  @Test
  void dueDate_calendarDaysEndingOnHolidayOrSaturday_isNotMoved() {
    // 16 Feb 2026 is Presidents' Day; 21 Feb 2026 is a Saturday.
    assertThat(clock.dueDate(RESPOND, la("2026-01-02T12:00")).dueDate())
        .isEqualTo(date("2026-02-16"));
    assertThat(clock.dueDate(RESPOND, la("2026-01-07T12:00")).dueDate())
        .isEqualTo(date("2026-02-21"));
  }

  @Test
  void extend_ccpaBy45Days_is90DaysFromReceipt() {
    Deadline original = clock.dueDate(RESPOND, la("2026-01-05T12:00"));
    Deadline extended = clock.extend(original, EXTEND);
    assertThat(extended.dueDate()).isEqualTo(date("2026-04-05")); // Easter Sunday, not moved
    assertThat(ChronoUnit.DAYS.between(date("2026-01-05"), extended.dueDate())).isEqualTo(90);
  }

  @Test
  void dueDate_optOut15BusinessDays_acrossIndependenceDayObservedOnFriday3July() {
    // 4 July 2026 is a Saturday; the federal holiday is observed on Friday 3 July.
    assertThat(clock.dueDate(OPT_OUT, la("2026-06-22T12:00")).dueDate())
        .isEqualTo(date("2026-07-14"));
  }

  @Test
  void dueDate_customerContent30BusinessDays_acrossVeteransDayAndThanksgiving() {
    DeadlineRule removal = new DeadlineRule(Count.BUSINESS_DAYS, 30, "us-federal");
    assertThat(clock.dueDate(removal, at("2026-11-02T12:00", NEW_YORK)).dueDate())
        .isEqualTo(date("2026-12-16"));
  }

  @Test
  void dueDate_shineTheLight30Days_isReceiptPlus30() {
    DeadlineRule shineTheLight = new DeadlineRule(Count.CALENDAR_DAYS, 30, "us-ca");
    assertThat(clock.dueDate(shineTheLight, la("2026-06-01T12:00")).dueDate())
        .isEqualTo(date("2026-07-01"));
  }

  @Test
  void dueDate_receivedEveningInLosAngeles_countsFromLosAngelesDate() {
    // 01:30 UTC on 6 January is still 5 January, 17:30, in Los Angeles.
    Deadline deadline = clock.dueDate(RESPOND, Instant.parse("2026-01-06T01:30:00Z"));
    assertThat(deadline.countedFrom()).isEqualTo(date("2026-01-05"));
    assertThat(deadline.dueDate()).isEqualTo(date("2026-02-19"));
  }

  @Test
  void isOverdue_followsInjectedClock() {
    // The fixed clock reads 1 June 2026.
    assertThat(clock.isOverdue(clock.dueDate(RESPOND, la("2026-04-01T12:00")))).isTrue();
    Deadline later = clock.dueDate(RESPOND, la("2026-05-01T12:00"));
    assertThat(clock.isOverdue(later)).isFalse();
    assertThat(clock.timeLeft(later)).isPositive();
  }
}

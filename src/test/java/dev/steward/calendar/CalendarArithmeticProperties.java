package dev.steward.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.calendar.DeadlineRule.Count;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the counting that must hold for any receipt date. */
class CalendarArithmeticProperties {
  private static final Calendars CALENDARS = TestCalendars.calendars();
  private static final TestCalendars.HomeZoneClock CLOCK = TestCalendars.legalClock();

  @Provide
  Arbitrary<Instant> receipts() {
    Instant from = Instant.parse("2000-01-01T00:00:00Z");
    long span = Duration.between(from, Instant.parse("2080-01-01T00:00:00Z")).toSeconds();
    return Arbitraries.longs().between(0, span).map(from::plusSeconds);
  }

  @Provide
  Arbitrary<String> jollydayIds() {
    return Arbitraries.of("gb-eng", "us-federal", "us-ca");
  }

  @Provide
  Arbitrary<LocalDate> china2026() {
    return Arbitraries.integers().between(0, 300).map(LocalDate.parse("2026-01-01")::plusDays);
  }

  @Property
  void gdprMonth_dueDateIsAWorkingDay_onOrAfterPeriodEnd_afterReceipt(
      @ForAll("receipts") Instant received,
      @ForAll("jollydayIds") String calendarId,
      @ForAll @IntRange(min = 1, max = 3) int months) {
    Deadline deadline =
        CLOCK.dueDate(new DeadlineRule(Count.GDPR_MONTHS, months, calendarId), received);
    assertThat(CALENDARS.get(calendarId).isWorkingDay(deadline.dueDate())).isTrue();
    assertThat(deadline.dueDate()).isAfterOrEqualTo(deadline.periodEnd());
    assertThat(deadline.periodEnd()).isAfter(deadline.countedFrom());
    assertThat(deadline.dueAt()).isAfter(received);
    // Nothing between the period end and the due date is a working day.
    for (LocalDate d = deadline.periodEnd(); d.isBefore(deadline.dueDate()); d = d.plusDays(1)) {
      assertThat(CALENDARS.get(calendarId).isWorkingDay(d)).isFalse();
    }
  }

  @Property
  void businessDays_areMonotonic_andLandOnWorkingDays(
      @ForAll("receipts") Instant received,
      @ForAll("jollydayIds") String calendarId,
      @ForAll @IntRange(min = 1, max = 40) int n) {
    HolidayCalendar calendar = CALENDARS.get(calendarId);
    LocalDate start = LocalDate.ofInstant(received, TestCalendars.homeZone(calendarId));
    LocalDate nth = calendar.addWorkingDays(start, n);
    LocalDate previous = calendar.addWorkingDays(start, n - 1);
    assertThat(nth).isAfter(previous).isAfter(start);
    assertThat(calendar.isWorkingDay(nth)).isTrue();
    assertThat(ChronoUnit.DAYS.between(start, nth)).isGreaterThanOrEqualTo(n);
  }

  @Property
  void businessDays_split_addUp(
      @ForAll("china2026") LocalDate start,
      @ForAll @IntRange(max = 20) int a,
      @ForAll @IntRange(max = 20) int b) {
    HolidayCalendar china = CALENDARS.get("cn-mainland");
    LocalDate whole = china.addWorkingDays(start, a + b);
    if (whole.getYear() == 2026) {
      assertThat(china.addWorkingDays(china.addWorkingDays(start, a), b)).isEqualTo(whole);
    }
  }

  @Property
  void calendarDays_areExact_neverMoved(
      @ForAll("receipts") Instant received, @ForAll @IntRange(min = 1, max = 90) int n) {
    Deadline deadline = CLOCK.dueDate(new DeadlineRule(Count.CALENDAR_DAYS, n, "us-ca"), received);
    assertThat(ChronoUnit.DAYS.between(deadline.countedFrom(), deadline.dueDate())).isEqualTo(n);
  }

  @Property
  void hours_areExactElapsedTime(
      @ForAll("receipts") Instant received, @ForAll @IntRange(max = 200) int hours) {
    Deadline deadline = CLOCK.dueDate(new DeadlineRule(Count.HOURS, hours, "gb-eng"), received);
    assertThat(Duration.between(received, deadline.dueAt())).isEqualTo(Duration.ofHours(hours));
  }
}

package dev.steward.calendar;

import static dev.steward.calendar.TestCalendars.LONDON;
import static dev.steward.calendar.TestCalendars.LOS_ANGELES;
import static dev.steward.calendar.TestCalendars.at;
import static dev.steward.calendar.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.calendar.DeadlineRule.Count;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GDPR Art. 33(1): 72 hours of elapsed time after becoming aware of a breach. */
class BreachHoursTest {
  private final TestCalendars.HomeZoneClock clock = TestCalendars.legalClock();

  private static long wallClockHours(Instant from, Deadline deadline) {
    LocalDateTime start = LocalDateTime.ofInstant(from, deadline.zone());
    return Duration.between(start, deadline.dueLocal()).toHours();
  }

  @Test
  void dueDate_72HoursAcrossLondonSpringForward_showsA73HourWallClockGap() {
    // Clocks go forward on Sunday 29 March 2026.
    Instant aware = at("2026-03-27T12:00", LONDON);
    Deadline deadline = clock.dueDate(new DeadlineRule(Count.HOURS, 72, "gb-eng"), aware);
    assertThat(deadline.dueAt()).isEqualTo(aware.plus(Duration.ofHours(72)));
    assertThat(deadline.dueLocal()).isEqualTo(LocalDateTime.parse("2026-03-30T13:00"));
    assertThat(wallClockHours(aware, deadline)).isEqualTo(73);
    assertThat(deadline.dueDate()).isEqualTo(date("2026-03-30"));
  }

  @Test
  void dueDate_72HoursAcrossLondonFallBack_showsA71HourWallClockGap() {
    // Clocks go back on Sunday 25 October 2026.
    Instant aware = at("2026-10-23T12:00", LONDON);
    Deadline deadline = clock.dueDate(new DeadlineRule(Count.HOURS, 72, "gb-eng"), aware);
    assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-10-26T11:00:00Z"));
    assertThat(deadline.dueLocal()).isEqualTo(LocalDateTime.parse("2026-10-26T11:00"));
    assertThat(wallClockHours(aware, deadline)).isEqualTo(71);
  }

  @Test
  void dueDate_72HoursAcrossLosAngelesSpringForward_showsA73HourWallClockGap() {
    // Pacific daylight time starts on Sunday 8 March 2026.
    Instant aware = at("2026-03-06T10:00", LOS_ANGELES);
    Deadline deadline = clock.dueDate(new DeadlineRule(Count.HOURS, 72, "us-ca"), aware);
    assertThat(deadline.dueLocal()).isEqualTo(LocalDateTime.parse("2026-03-09T11:00"));
    assertThat(wallClockHours(aware, deadline)).isEqualTo(73);
  }

  @Test
  void dueDate_72HoursAcrossLosAngelesFallBack_showsA71HourWallClockGap() {
    // Pacific standard time resumes on Sunday 1 November 2026.
    Instant aware = at("2026-10-30T10:00", LOS_ANGELES);
    Deadline deadline = clock.dueDate(new DeadlineRule(Count.HOURS, 72, "us-ca"), aware);
    assertThat(deadline.dueLocal()).isEqualTo(LocalDateTime.parse("2026-11-02T09:00"));
    assertThat(wallClockHours(aware, deadline)).isEqualTo(71);
  }

  @Test
  void earliest_ofGdprAndCcpaDeadlines_isTheOneThatEndsFirst() {
    Instant received = at("2026-01-02T12:00", LONDON);
    Deadline gdpr = clock.dueDate(new DeadlineRule(Count.GDPR_MONTHS, 1, "gb-eng"), received);
    Deadline ccpa = clock.dueDate(new DeadlineRule(Count.CALENDAR_DAYS, 45, "us-ca"), received);
    Deadline breach = clock.dueDate(new DeadlineRule(Count.HOURS, 72, "gb-eng"), received);
    assertThat(Deadline.earliest(List.of(ccpa, gdpr))).isEqualTo(gdpr);
    assertThat(Deadline.earliest(List.of(ccpa, gdpr, breach))).isEqualTo(breach);
  }

  @Test
  void earliest_comparesInstants_notLocalDates() {
    // Both due on 2 February locally, but Los Angeles' day ends eight hours after London's.
    Deadline london =
        clock.dueDate(
            new DeadlineRule(Count.GDPR_MONTHS, 1, "gb-eng"), at("2026-01-02T12:00", LONDON));
    Deadline losAngeles =
        clock.dueDate(
            new DeadlineRule(Count.CALENDAR_DAYS, 31, "us-ca"),
            at("2026-01-02T12:00", LOS_ANGELES));
    assertThat(london.dueDate()).isEqualTo(losAngeles.dueDate());
    assertThat(Deadline.earliest(List.of(losAngeles, london))).isEqualTo(london);
  }
}
